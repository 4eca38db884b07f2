using GraphQL;
using GraphQL.DataLoader;
using Marketplace.Gateway.Catalog;
using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.Inventory;
using Marketplace.Modules.Inventory.Contracts.V1;
using Marketplace.Modules.Ordering.Contracts.V1;
using Marketplace.Modules.Sellers.Contracts.V1;

namespace Marketplace.Gateway.Ordering;

/// <summary>
/// A cart line with what the other modules say of it now: the variant with its product (Catalog; null when it is no longer
/// on sale for the caller), its availability (Inventory) and its store (Sellers; null when the store is not open).
/// </summary>
internal sealed record HydratedLine(CartLine Line, string CartCurrency, VariantSource? Variant, VariantAvailability? Availability, Store? Store)
{
    public Money? UnitPrice => Variant is null ? null : CatalogValues.Money(Variant.Variant.Price);

    public Money? LineTotal => UnitPrice is { } price ? price with { Amount = price.Amount * Line.Quantity } : null;

    /// <summary>Why the line cannot be checked out as it is; null when it can.</summary>
    public string? UnavailableReason =>
        Store is null ? CartLineUnavailableReasonType.StoreUnavailable
        : Variant is null ? CartLineUnavailableReasonType.ProductUnavailable
        : CartCurrency.Length > 0 && Variant.Variant.Price.CurrencyCode != CartCurrency ? CartLineUnavailableReasonType.CurrencyChanged
        : Availability is not { AvailableForSale: true } ? CartLineUnavailableReasonType.OutOfStock
        : Availability.HasQuantityAvailable && Availability.QuantityAvailable < Line.Quantity ? CartLineUnavailableReasonType.InsufficientStock
        : null;
}

/// <summary>
/// Hydration through the request's loaders. Each line registers its variant, availability and store keys before anything
/// is awaited, so however many lines, carts and stores a request shows, each module is called once (per chunk of its
/// bound).
/// </summary>
internal static class CartHydration
{
    public static IDataLoaderResult<HydratedLine> Line(IResolveFieldContext context, CartLine line, string cartCurrency) =>
        new LineResult(
            line,
            cartCurrency,
            OrderingLoaders.Variant(context, line.VariantId),
            InventoryLoaders.Availability(context, line.VariantId),
            CatalogLoaders.Store(context, line.StoreId));

    public static IDataLoaderResult<IReadOnlyList<HydratedLine>> Lines(IResolveFieldContext context, IEnumerable<CartLine> lines, string cartCurrency) =>
        new LinesResult(lines.Select(l => Line(context, l, cartCurrency)).ToList());

    /// <summary>Sums per currency, in the order the currencies first appear; lines without a price (not on sale) count for nothing.</summary>
    public static List<Money> Totals(IEnumerable<HydratedLine> lines) =>
        lines.Select(l => l.LineTotal).OfType<Money>()
            .GroupBy(m => m.CurrencyCode)
            .Select(g => new Money(g.Sum(m => m.Amount), g.Key))
            .ToList();

    private sealed class LineResult(CartLine line, string currency, IDataLoaderResult<VariantSource?> variant, IDataLoaderResult<VariantAvailability?> availability, IDataLoaderResult<Store?> store)
        : IDataLoaderResult<HydratedLine>
    {
        public async Task<HydratedLine> GetResultAsync(CancellationToken cancellationToken = default)
        {
            // Started together: the three modules are asked at once.
            var (v, a, s) = (variant.GetResultAsync(cancellationToken), availability.GetResultAsync(cancellationToken), store.GetResultAsync(cancellationToken));
            await Task.WhenAll(v, a, s);
            return new HydratedLine(line, currency, await v, await a, await s);
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }

    private sealed class LinesResult(IReadOnlyList<IDataLoaderResult<HydratedLine>> lines) : IDataLoaderResult<IReadOnlyList<HydratedLine>>
    {
        public async Task<IReadOnlyList<HydratedLine>> GetResultAsync(CancellationToken cancellationToken = default) =>
            await Task.WhenAll(lines.Select(l => l.GetResultAsync(cancellationToken)));

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}
