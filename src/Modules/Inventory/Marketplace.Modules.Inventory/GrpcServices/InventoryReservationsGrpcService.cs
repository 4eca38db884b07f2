using Grpc.Core;
using Marketplace.Modules.Inventory.Contracts.V1;
using Marketplace.Modules.Inventory.Reservations.Commit;
using Marketplace.Modules.Inventory.Reservations.Fulfil;
using Marketplace.Modules.Inventory.Reservations.Release;
using Marketplace.Modules.Inventory.Reservations.Reserve;
using Marketplace.Modules.Inventory.Reservations.Restock;
using Marketplace.Modules.Inventory.Stock;
using Marketplace.Shared.Contracts;
using Mediator;

namespace Marketplace.Modules.Inventory.GrpcServices;

/// <summary>
/// The <c>InventoryReservations</c> contract, for the marketplace's own modules only (checkout, orders). (A Reserve
/// passes the per-variant gate, <see cref="ReservationGate"/>, in the pipeline before its transaction opens.)
/// </summary>
internal sealed class InventoryReservationsGrpcService(ISender mediator) : InventoryReservations.InventoryReservationsBase
{
    public override async Task<ReserveResponse> Reserve(ReserveRequest request, ServerCallContext context)
    {
        var module = CallerRequirements.Service();
        return (await mediator.Send(ReserveCommand.From(Actor.Service(module), request), context.CancellationToken)).ToContract();
    }

    public override async Task<ReleaseResponse> Release(ReleaseRequest request, ServerCallContext context)
    {
        var module = CallerRequirements.Service();
        return new ReleaseResponse { ReleasedQuantity = await mediator.Send(new ReleaseCommand(Actor.Service(module), InventoryInput.Text(request.HolderId)), context.CancellationToken) };
    }

    public override async Task<CommitResponse> Commit(CommitRequest request, ServerCallContext context)
    {
        var module = CallerRequirements.Service();
        var command = new CommitCommand(Actor.Service(module), InventoryInput.Text(request.HolderId), InventoryInput.Text(request.OrderId));
        return (await mediator.Send(command, context.CancellationToken)).ToCommitResponse();
    }

    public override async Task<FulfilResponse> Fulfil(FulfilRequest request, ServerCallContext context)
    {
        var module = CallerRequirements.Service();
        return (await mediator.Send(FulfilCommand.From(Actor.Service(module), request), context.CancellationToken)).ToFulfilResponse();
    }

    public override async Task<RestockResponse> Restock(RestockRequest request, ServerCallContext context)
    {
        var module = CallerRequirements.Service();
        return (await mediator.Send(RestockCommand.From(Actor.Service(module), request), context.CancellationToken)).ToRestockResponse();
    }
}
