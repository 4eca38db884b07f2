using GraphQL;
using GraphQL.Types;
using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.Relay;
using Marketplace.Modules.Inventory.Contracts.V1;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Inventory;

/// <summary><c>InventoryLevel</c>: a variant's stock as its seller sees it.</summary>
internal sealed class InventoryLevelType : ObjectGraphType<StockLevel>
{
    public InventoryLevelType()
    {
        Name = "InventoryLevel";
        Description = "A variant's stock: available = onHand − reserved − allocated − safetyStock (never below 0). Holds past their expiry are not counted.";
        Field<NonNullGraphType<IntGraphType>>("onHand").Description("Units in the store (0 to 1,000,000,000).").Resolve(c => c.Source.OnHand);
        Field<NonNullGraphType<IntGraphType>>("available").Description("Units that can still be sold; never negative.").Resolve(c => c.Source.Available);
        Field<NonNullGraphType<IntGraphType>>("reserved").Description("Units held by checkouts in progress.").Resolve(c => c.Source.Reserved);
        Field<NonNullGraphType<IntGraphType>>("allocated").Description("Units committed to orders, not yet handed over.").Resolve(c => c.Source.Allocated);
        Field<NonNullGraphType<IntGraphType>>("safetyStock").Description("Units kept back from sale.").Resolve(c => c.Source.SafetyStock);
        Field<IntGraphType>("lowStockThreshold")
            .Description("You are told (email and in-app) once when available falls to or below it; null: no alerts.")
            .Resolve(c => c.Source.HasLowStockThreshold ? c.Source.LowStockThreshold : null);
        Field<NonNullGraphType<BooleanGraphType>>("tracked").Description("False for what is never counted (a service): always available.").Resolve(c => c.Source.Tracked);
        Field<NonNullGraphType<InventoryPolicyType>>("policy").Description("Whether it sells on when nothing is available (backorders).").Resolve(c => c.Source.Policy);
        Field<NonNullGraphType<BooleanGraphType>>("availableForSale").Description("Whether a buyer can order it now.").Resolve(c => c.Source.AvailableForSale);
        Field<NonNullGraphType<UtcDateTimeGraphType>>("updatedAt").Description("When the stock last changed.").Resolve(c => Timestamps.Parse(c.Source.UpdatedAt));
        Field<NonNullGraphType<ConnectionType<InventoryMovementType, StockMovement>>>("movements")
            .Description("Every change of the counters, newest first (at most 100 per page).")
            .PageArguments()
            .ResolveAsync(async c =>
            {
                var page = c.GetPageRequest();
                var response = await InventoryArea.Stock(c).ListMovementsAsync(
                    new ListMovementsRequest { VariantId = c.Source.VariantId, Page = page.ToContract() }, cancellationToken: c.CancellationToken);
                return Relay.Connection<StockMovement>.From(response.Movements, response.PageInfo.HasNextPage, page, m => m.Key);
            });
    }
}
