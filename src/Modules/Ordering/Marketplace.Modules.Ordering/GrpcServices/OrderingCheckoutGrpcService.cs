using Grpc.Core;
using Marketplace.Modules.Ordering.Checkouts.CompleteCheckout;
using Marketplace.Modules.Ordering.Checkouts.CreateCheckout;
using Marketplace.Modules.Ordering.Checkouts.GetCheckout;
using Marketplace.Modules.Ordering.Contracts;
using Marketplace.Modules.Ordering.Contracts.V1;
using Marketplace.Shared.Contracts;
using Mediator;

namespace Marketplace.Modules.Ordering.GrpcServices;

/// <summary>The <c>OrderingCheckout</c> contract: the signed-in buyer's own checkouts only.</summary>
internal sealed class OrderingCheckoutGrpcService(ISender mediator) : OrderingCheckout.OrderingCheckoutBase
{
    public override async Task<Checkout> CreateCheckout(CreateCheckoutRequest request, ServerCallContext context)
    {
        var buyerId = CallerRequirements.Buyer();
        return OrderingMapping.ToContract(await mediator.Send(CreateCheckoutCommand.From(buyerId, request), context.CancellationToken));
    }

    public override async Task<CompleteCheckoutResponse> CompleteCheckout(CompleteCheckoutRequest request, ServerCallContext context)
    {
        var buyerId = CallerRequirements.Buyer();
        var placed = await mediator.Send(CompleteCheckoutCommand.From(buyerId, request), context.CancellationToken);
        return new CompleteCheckoutResponse { OrderGroup = OrderingMapping.ToContract(placed) };
    }

    public override async Task<Checkout> GetCheckout(GetCheckoutRequest request, ServerCallContext context)
    {
        var buyerId = CallerRequirements.Buyer();
        Guid? id = request.Id.Length == 0 ? null : Guid.TryParse(request.Id, out var parsed) ? parsed : Guid.Empty;
        var checkout = await mediator.Send(new GetCheckoutQuery(buyerId, id), context.CancellationToken)
            ?? throw ContractError.NotFound(OrderingErrorCodes.CheckoutNotFound, "No such checkout.");
        return OrderingMapping.ToContract(checkout);
    }
}
