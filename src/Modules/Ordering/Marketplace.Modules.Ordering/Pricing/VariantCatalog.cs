using Marketplace.Modules.Catalog.Contracts.V1;

namespace Marketplace.Modules.Ordering.Pricing;

/// <summary>A variant as Catalog answers it now, with its product.</summary>
internal sealed record CatalogVariant(Product Product, Variant Variant)
{
    public string CurrencyCode => Variant.Price.CurrencyCode;
}

/// <summary>
/// Variants read from Catalog, batched (its bound is 200 ids per call), as the caller in the ambient call context: for a
/// buyer Catalog leaves out what is not on sale (drafts, archived products, products of stores that are not ACTIVE), which
/// is exactly what a cart or a checkout may not hold.
/// </summary>
internal sealed class VariantCatalog(CatalogProducts.CatalogProductsClient catalog)
{
    private const int MaxIds = 200;

    public async Task<Dictionary<Guid, CatalogVariant>> GetAsync(IEnumerable<Guid> variantIds, CancellationToken cancellationToken)
    {
        var found = new Dictionary<Guid, CatalogVariant>();
        foreach (var chunk in variantIds.Distinct().Chunk(MaxIds))
        {
            var response = await catalog.GetVariantsAsync(new GetVariantsRequest { Ids = { chunk.Select(id => id.ToString()) } }, cancellationToken: cancellationToken);
            foreach (var item in response.Variants)
            {
                if (Guid.TryParse(item.VariantId, out var id) && item.Product.Variants.FirstOrDefault(v => v.Id == item.VariantId) is { } variant)
                    found[id] = new CatalogVariant(item.Product, variant);
            }
        }

        return found;
    }
}
