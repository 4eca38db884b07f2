using Marketplace.Gateway.Relay;
using Marketplace.Gateway.Schema;
using Marketplace.Modules.Inventory.Contracts.V1;
using Marketplace.Shared.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Gateway.Inventory;

/// <summary>
/// The Inventory area: availability on every <c>ProductVariant</c> (batched: a page of variants is one
/// <c>GetAvailability</c> call), the seller's <c>variant.inventory</c> with its movements, and the <c>inventory*</c>
/// mutations, through the <c>InventoryStock</c> contract, which authorizes every call again. Reservations are for
/// modules only and have no GraphQL surface.
/// </summary>
internal sealed class InventoryArea : IGatewayArea
{
    public void Register(IServiceCollection services)
    {
        services.AddContractClient<InventoryStock.InventoryStockClient>("Inventory");
        services.AddSchemaContribution<InventoryMutations>();
        services.AddProductVariantExtension<InventoryVariantFields>();
        services.AddTransient<ConnectionType<InventoryMovementType, StockMovement>>();
        services.AddTransient<EdgeType<InventoryMovementType, StockMovement>>();
        services.AddTransient(typeof(InventoryPayloadType<>));
    }

    public static InventoryStock.InventoryStockClient Stock(GraphQL.IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<InventoryStock.InventoryStockClient>();
}
