using GraphQL;
using GraphQL.DataLoader;
using Marketplace.Gateway.DataLoading;
using Marketplace.Modules.Inventory.Contracts.V1;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Gateway.Inventory;

/// <summary>
/// Inventory reads batched per request: every variant of a page (search results, a store's products, a cart) costs
/// one <c>GetAvailability</c> call, and the seller's levels one <c>GetStockLevels</c> call (chunked at the contract's
/// bound of 200 ids).
/// </summary>
internal static class InventoryLoaders
{
    public const string AvailabilityLoader = "Inventory.GetAvailability";
    public const string LevelsLoader = "Inventory.GetStockLevels";
    private const int MaxIds = 200;

    public static IDataLoaderResult<VariantAvailability?> Availability(IResolveFieldContext context, string variantId) =>
        Loaders(context).GetOrAdd<string, VariantAvailability>(AvailabilityLoader, async (ids, cancellationToken) =>
        {
            var found = new Dictionary<string, VariantAvailability>(StringComparer.Ordinal);
            foreach (var chunk in ids.Chunk(MaxIds))
            {
                var response = await InventoryArea.Stock(context).GetAvailabilityAsync(new GetAvailabilityRequest { VariantIds = { chunk } }, cancellationToken: cancellationToken);
                foreach (var variant in response.Variants)
                    found[variant.VariantId] = variant;
            }

            return found;
        }).Load(variantId);

    /// <summary>The variant's whole level; null unless the caller runs its store (or is an administrator).</summary>
    public static IDataLoaderResult<StockLevel?> Level(IResolveFieldContext context, string variantId) =>
        Loaders(context).GetOrAdd<string, StockLevel>(LevelsLoader, async (ids, cancellationToken) =>
        {
            var found = new Dictionary<string, StockLevel>(StringComparer.Ordinal);
            foreach (var chunk in ids.Chunk(MaxIds))
            {
                var response = await InventoryArea.Stock(context).GetStockLevelsAsync(new GetStockLevelsRequest { VariantIds = { chunk } }, cancellationToken: cancellationToken);
                foreach (var level in response.Levels)
                    found[level.VariantId] = level;
            }

            return found;
        }).Load(variantId);

    private static DataLoaderContext Loaders(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<DataLoaderContext>();
}
