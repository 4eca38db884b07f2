using Marketplace.Modules.Catalog.Contracts.V1;
using Marketplace.Modules.Inventory.Stock.SetOnHand;
using Marketplace.Modules.Inventory.Stock.UpdateStockSettings;
using Marketplace.Modules.Inventory.Variants;
using Marketplace.Modules.Sellers.Contracts.V1;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.Modules;
using Mediator;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Marketplace.Modules.Inventory.DemoData;

/// <summary>
/// Development demo data: stock for every variant of the demo stores' products (Catalog's demo data, found through its
/// contract), through the module's own use cases as the store's seller: most variants have 5 to 49 on hand with an alert
/// threshold of 3, every twelfth is sold out and the one after it is low (2 on hand, threshold 5, so its seller gets the
/// low-stock email and in-app item). Idempotent: a variant that already has stock is left as it is.
/// </summary>
internal sealed class InventoryDemoData(
    ISender mediator, VariantDirectory directory, CatalogProducts.CatalogProductsClient catalog, SellersStores.SellersStoresClient sellers,
    IHostEnvironment environment, ILogger<InventoryDemoData> logger) : IModuleSeeder
{
    /// <summary>The Sellers module's demo stores (their products come from Catalog's demo data).</summary>
    public static readonly string[] StoreSlugs =
        ["demo-lisbon-bakery", "demo-alfama-books", "demo-baixa-electronics", "demo-belem-garden", "demo-chiado-fashion", "demo-lx-grocer"];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment())
            return;
        using var asModule = CallContext.Push(new CallContext(Caller.Service(InventoryModule.ModuleName), CallContext.NewCorrelationId()));
        foreach (var slug in StoreSlugs)
        {
            Store store;
            try
            {
                store = await sellers.GetStoreAsync(new GetStoreRequest { Slug = slug }, cancellationToken: cancellationToken);
            }
            catch (Grpc.Core.RpcException exception) when (exception.StatusCode == Grpc.Core.StatusCode.NotFound)
            {
                continue;
            }

            var stocked = 0;
            var index = 0;
            foreach (var product in await ProductsAsync(store.Id, cancellationToken))
            {
                await directory.CopyAsync(product, cancellationToken);
                foreach (var variant in product.Variants)
                {
                    if (await StockAsync(Guid.Parse(store.SellerId), Guid.Parse(variant.Id), index++, cancellationToken))
                        stocked++;
                }
            }

            if (stocked > 0)
                logger.LogInformation("Inventory demo data: stock for {Count} variants of {Store}", stocked, slug);
        }
    }

    private async Task<List<Product>> ProductsAsync(string storeId, CancellationToken cancellationToken)
    {
        var products = new List<Product>();
        var after = "";
        while (true)
        {
            var page = await catalog.ListStoreProductsAsync(
                new ListStoreProductsRequest { StoreId = storeId, Page = new Marketplace.Shared.Contracts.V1.PageRequest { First = 100, After = after } }, cancellationToken: cancellationToken);
            products.AddRange(page.Products);
            if (!page.PageInfo.HasNextPage || page.Products.Count == 0)
                return products;
            after = page.Products[^1].Id;
        }
    }

    /// <summary>Stocks one variant unless it has stock already; true when it did.</summary>
    private async Task<bool> StockAsync(Guid sellerId, Guid variantId, int index, CancellationToken cancellationToken)
    {
        var (onHand, threshold) = (index % 12) switch
        {
            0 => (0, 3),
            1 => (2, 5),
            _ => (5 + (int)((uint)variantId.GetHashCode() % 45), 3),
        };
        var level = await mediator.Send(new UpdateStockSettingsCommand(sellerId, variantId, threshold, false, null, null, null), cancellationToken);
        if (level.Row.OnHand > 0 || onHand == 0)
            return false;
        await mediator.Send(new SetOnHandCommand(sellerId, variantId, onHand, 0, "CYCLE_COUNT", "demo data"), cancellationToken);
        return true;
    }
}
