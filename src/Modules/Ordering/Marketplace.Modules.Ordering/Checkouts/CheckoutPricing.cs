using Marketplace.Modules.Catalog.Contracts.V1;
using Marketplace.Modules.Ordering.Contracts;
using Marketplace.Modules.Ordering.Domain;
using Marketplace.Modules.Ordering.Pricing;
using Marketplace.Modules.Sellers.Contracts.V1;
using Marketplace.Shared.Contracts;

namespace Marketplace.Modules.Ordering.Checkouts;

/// <summary>A cart line to price: its variant and store (as the cart keeps them) and the quantity.</summary>
internal sealed record LineToPrice(Guid VariantId, Guid StoreId, int Quantity);

/// <summary>The lines priced now, the stores they come from, and what stands in the way of checking them out.</summary>
internal sealed record PricedCart(IReadOnlyList<LineDoc> Lines, IReadOnlyDictionary<Guid, StoreDoc> Stores, string CurrencyCode, IReadOnlyList<FieldViolation> Problems)
{
    public decimal Total => Lines.Sum(l => l.LineTotal);

    public CheckoutDocument Document(IReadOnlyDictionary<Guid, double>? distances = null) =>
        new(Lines, Lines.GroupBy(l => l.StoreId).Select(g => new CheckoutStoreDoc(Stores[g.Key], g.Sum(l => l.LineTotal), g.Sum(l => l.Quantity), distances?.GetValueOrDefault(g.Key) ?? 0)).ToList());

    /// <summary>Throws FailedPrecondition with one violation per problem (the first problem's code as the reason).</summary>
    public void ThrowIfProblems()
    {
        if (Problems.Count > 0)
            throw ContractError.FailedPrecondition(Problems[0].Code!, string.Join(" ", Problems.Select(p => p.Message)), Problems);
    }
}

/// <summary>
/// Prices lines from Catalog as the buyer sees them now (a product that is not on sale is not answered) and reads their
/// stores from Sellers: one call each, however many lines. Amounts are exact decimals in the currency's digits.
/// </summary>
internal sealed class CheckoutPricing(VariantCatalog catalog, SellersStores.SellersStoresClient sellers)
{
    public async Task<PricedCart> PriceAsync(IReadOnlyList<LineToPrice> lines, string currencyCode, CancellationToken cancellationToken)
    {
        var variants = await catalog.GetAsync(lines.Select(l => l.VariantId), cancellationToken);
        var storeIds = lines.Select(l => l.StoreId).Distinct().ToList();
        var response = await sellers.GetStoresAsync(new GetStoresRequest { Ids = { storeIds.Select(id => id.ToString()) } }, cancellationToken: cancellationToken);
        var stores = response.Stores.Where(s => s.Status == "ACTIVE").ToDictionary(s => Guid.Parse(s.Id), ToDoc);
        var problems = new List<FieldViolation>();
        var priced = new List<LineDoc>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (!stores.ContainsKey(line.StoreId))
            {
                problems.Add(new("", $"Line {i + 1}: its store is not open for orders.", OrderingErrorCodes.StoreUnavailable));
                continue;
            }

            if (!variants.TryGetValue(line.VariantId, out var found))
            {
                problems.Add(new("", $"Line {i + 1}: the product is no longer on sale.", OrderingErrorCodes.LineUnavailable));
                continue;
            }

            if (found.CurrencyCode != currencyCode)
            {
                problems.Add(new("", $"Line {i + 1}: now priced in {found.CurrencyCode}, the cart is in {currencyCode}.", OrderingErrorCodes.CurrencyMismatch));
                continue;
            }

            priced.Add(ToDoc(found, line.Quantity));
        }

        return new PricedCart(priced, stores, currencyCode, problems);
    }

    private static LineDoc ToDoc(CatalogVariant found, int quantity)
    {
        var (product, variant) = (found.Product, found.Variant);
        var unit = decimal.Parse(variant.Price.Amount, System.Globalization.CultureInfo.InvariantCulture);
        decimal? compareAt = variant.CompareAtPrice is { Amount.Length: > 0 } c ? decimal.Parse(c.Amount, System.Globalization.CultureInfo.InvariantCulture) : null;
        return new LineDoc(
            Guid.Parse(variant.Id),
            Guid.Parse(product.Id),
            Guid.Parse(product.StoreId),
            product.Title,
            string.Join(" / ", variant.Options.Select(o => o.Value)),
            variant.Sku,
            variant.Options.Select(o => new OptionDoc(o.Name, o.Value)).ToList(),
            product.Images.FirstOrDefault() ?? "",
            unit,
            compareAt,
            quantity,
            unit * quantity);
    }

    private static StoreDoc ToDoc(Store store) => new(
        Guid.Parse(store.Id),
        Guid.Parse(store.SellerId),
        store.Name,
        store.Slug,
        store.Address,
        store.Location?.Latitude ?? 0,
        store.Location?.Longitude ?? 0,
        store.ContactEmail,
        store.ContactPhone);
}
