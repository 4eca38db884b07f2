using GraphQL;
using GraphQL.DataLoader;
using Marketplace.Gateway.Catalog;
using Marketplace.Gateway.DataLoading;
using Marketplace.Modules.Catalog.Contracts.V1;
using Marketplace.Modules.Ordering.Contracts.V1;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Gateway.Ordering;

/// <summary>
/// The Catalog side of a cart's hydration, batched per request: every variant of the request's carts (and any other
/// variant asked for by id in it) costs one <c>GetVariants</c> call (chunked at the contract's bound of 200 ids), asked as
/// the caller, so a variant no longer on sale (archived, its store closed) simply does not come back.
/// </summary>
internal static class OrderingLoaders
{
    public const string VariantsLoader = "Catalog.GetVariants";
    public const string HistoriesLoader = "Ordering.GetOrderHistories";
    private const int MaxIds = 200;
    private const int MaxOrderIds = 100;

    /// <summary>An order's status history; every order of the request costs one <c>GetOrderHistories</c> call per 100.</summary>
    public static IDataLoaderResult<OrderHistory?> History(IResolveFieldContext context, string orderId) =>
        context.RequestServices!.GetRequiredService<DataLoaderContext>().GetOrAdd<string, OrderHistory>(HistoriesLoader, async (ids, cancellationToken) =>
        {
            var found = new Dictionary<string, OrderHistory>(StringComparer.Ordinal);
            foreach (var chunk in ids.Chunk(MaxOrderIds))
            {
                var response = await OrderingArea.Lifecycle(context).GetOrderHistoriesAsync(new GetOrderHistoriesRequest { OrderIds = { chunk } }, cancellationToken: cancellationToken);
                foreach (var history in response.Histories)
                    found[history.OrderId] = history;
            }

            return found;
        }).Load(orderId);

    public static IDataLoaderResult<VariantSource?> Variant(IResolveFieldContext context, string variantId) =>
        context.RequestServices!.GetRequiredService<DataLoaderContext>().GetOrAdd<string, VariantSource>(VariantsLoader, async (ids, cancellationToken) =>
        {
            var found = new Dictionary<string, VariantSource>(StringComparer.Ordinal);
            foreach (var chunk in ids.Chunk(MaxIds))
            {
                var response = await CatalogArea.Products(context).GetVariantsAsync(new GetVariantsRequest { Ids = { chunk } }, cancellationToken: cancellationToken);
                foreach (var item in response.Variants)
                {
                    if (VariantSource.Of(item) is { } source)
                        found[item.VariantId] = source;
                }
            }

            return found;
        }).Load(variantId);
}
