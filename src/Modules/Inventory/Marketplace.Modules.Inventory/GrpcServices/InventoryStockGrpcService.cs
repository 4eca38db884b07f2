using Grpc.Core;
using Marketplace.Modules.Inventory.Contracts.V1;
using Marketplace.Modules.Inventory.Stock;
using Marketplace.Modules.Inventory.Stock.AdjustOnHand;
using Marketplace.Modules.Inventory.Stock.GetAvailability;
using Marketplace.Modules.Inventory.Stock.GetStockLevels;
using Marketplace.Modules.Inventory.Stock.ListMovements;
using Marketplace.Modules.Inventory.Stock.SetOnHand;
using Marketplace.Modules.Inventory.Stock.UpdateStockSettings;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.Contracts.V1;
using Mediator;

namespace Marketplace.Modules.Inventory.GrpcServices;

/// <summary>
/// The <c>InventoryStock</c> contract: availability for everyone, the whole level and its changes for the seller who
/// runs the variant's store (the handlers check ownership against the local copy of the variant).
/// </summary>
internal sealed class InventoryStockGrpcService(ISender mediator) : InventoryStock.InventoryStockBase
{
    public override async Task<GetAvailabilityResponse> GetAvailability(GetAvailabilityRequest request, ServerCallContext context) =>
        new() { Variants = { (await mediator.Send(new GetAvailabilityQuery(request.VariantIds), context.CancellationToken)).Select(v => v.ToContract()) } };

    public override async Task<GetStockLevelsResponse> GetStockLevels(GetStockLevelsRequest request, ServerCallContext context)
    {
        var viewer = CallerRequirements.Viewer();
        return new GetStockLevelsResponse { Levels = { (await mediator.Send(new GetStockLevelsQuery(request.VariantIds, viewer), context.CancellationToken)).Select(l => l.ToContract()) } };
    }

    public override async Task<StockLevel> SetOnHand(SetOnHandRequest request, ServerCallContext context)
    {
        var sellerId = CallerRequirements.Seller();
        return (await mediator.Send(SetOnHandCommand.From(sellerId, request), context.CancellationToken)).ToContract();
    }

    public override async Task<StockLevel> AdjustOnHand(AdjustOnHandRequest request, ServerCallContext context)
    {
        var sellerId = CallerRequirements.Seller();
        return (await mediator.Send(AdjustOnHandCommand.From(sellerId, request), context.CancellationToken)).ToContract();
    }

    public override async Task<StockLevel> UpdateStockSettings(UpdateStockSettingsRequest request, ServerCallContext context)
    {
        var sellerId = CallerRequirements.Seller();
        return (await mediator.Send(UpdateStockSettingsCommand.From(sellerId, request), context.CancellationToken)).ToContract();
    }

    public override async Task<ListMovementsResponse> ListMovements(ListMovementsRequest request, ServerCallContext context)
    {
        CallerRequirements.SignedIn();
        var viewer = CallerRequirements.Viewer();
        var page = request.Page ?? new PageRequest();
        var result = await mediator.Send(new ListMovementsQuery(viewer, InventoryInput.VariantId(request.VariantId), page.First, page.After), context.CancellationToken);
        return new ListMovementsResponse
        {
            Movements = { result.Items.Select(m => m.ToContract()) },
            PageInfo = new PageInfo { HasNextPage = result.HasNextPage },
        };
    }
}
