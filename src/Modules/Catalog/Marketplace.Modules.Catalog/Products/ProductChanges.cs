using System.Globalization;
using System.Text.Json;
using Marketplace.Modules.Catalog.Contracts.Events;
using Marketplace.Modules.Catalog.Domain;
using Marketplace.Modules.Catalog.Persistence;

namespace Marketplace.Modules.Catalog.Products;

/// <summary>
/// A product and its variants as the use cases build and change them. Every effective change bumps
/// <see cref="Product.Version"/> once and writes its events to the outbox in the command's transaction; a request that
/// changes nothing changes no version and publishes nothing.
/// </summary>
internal static class ProductChanges
{
    /// <summary>A new product (version 1) with its checked variants, in the given status.</summary>
    public static Product New(
        Guid storeId, Guid sellerId, string title, string description, Guid categoryId, string status, IReadOnlyList<AttributeDraft> attributes,
        IReadOnlyList<string> images, IReadOnlyList<ProductOption> options, IReadOnlyList<VariantDraft> variants, DateTimeOffset now)
    {
        var id = Guid.CreateVersion7();
        var product = new Product
        {
            Id = id,
            Slug = ProductSlugs.For(title, id),
            StoreId = storeId,
            SellerId = sellerId,
            Title = title,
            Description = description,
            CategoryId = categoryId,
            Status = status,
            Attributes = ListingRules.Attributes(attributes),
            Images = ListingRules.Images(images),
            Options = [.. options],
            Version = 1,
            CreatedAt = now,
            UpdatedAt = now,
            PublishedAt = status == ProductStatus.Active ? now : null,
        };
        for (var i = 0; i < variants.Count; i++)
            product.Variants.Add(NewVariant(product, variants[i], i));
        return product;
    }

    public static ProductVariant NewVariant(Product product, VariantDraft draft, int position)
    {
        var resolved = ListingRules.Resolve(product.Options, draft);
        return new ProductVariant
        {
            Id = Guid.CreateVersion7(),
            ProductId = product.Id,
            StoreId = product.StoreId,
            Sku = draft.Sku,
            OptionValues = resolved.OptionValues,
            Price = resolved.Price,
            CompareAtPrice = resolved.CompareAtPrice,
            Currency = draft.CurrencyCode,
            Barcode = draft.Barcode,
            WeightGrams = draft.WeightGrams,
            Position = position,
        };
    }

    public static ProductUpdated Updated(Product product, DateTimeOffset now) =>
        new(product.Id, product.StoreId, product.Title, product.CategoryId, product.Status, product.MinPrice, product.MaxPrice, product.Currency, product.Version, now);

    public static ProductPublished Published(Product product, DateTimeOffset now) =>
        new(product.Id, product.StoreId, product.Title, product.CategoryId, product.MinPrice, product.MaxPrice, product.Currency, product.Version, now);

    /// <summary>
    /// Ends an edit: when the listing differs from <paramref name="before"/> (a <see cref="Snapshot"/>), one more version,
    /// <c>product_updated.v1</c> and a <c>variant_price_changed.v1</c> per variant whose price changed.
    /// </summary>
    public static void Commit(CatalogDbContext db, Product product, string before, IReadOnlyDictionary<Guid, decimal> oldPrices, DateTimeOffset now)
    {
        if (Snapshot(product) == before)
            return; // Nothing changed: no version, no event (a retried request publishes nothing twice).

        product.UpdatedAt = now;
        product.Version++;
        db.AddEvent(Updated(product, now));
        foreach (var variant in product.Variants.OrderBy(v => v.Position))
        {
            if (oldPrices.TryGetValue(variant.Id, out var oldPrice) && oldPrice != variant.Price)
                db.AddEvent(new VariantPriceChanged(product.Id, variant.Id, product.StoreId, variant.Sku, oldPrice, variant.Price, variant.CompareAtPrice, variant.Currency, now));
        }
    }

    /// <summary>Everything a listing shows, as text: equal snapshots mean the request changed nothing.</summary>
    public static string Snapshot(Product product) => JsonSerializer.Serialize(new
    {
        product.Title,
        product.Description,
        product.CategoryId,
        product.Status,
        Attributes = product.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal).ToList(),
        product.Images,
        product.Options,
        Variants = product.Variants.OrderBy(v => v.Position).Select(v => new
        {
            v.Id,
            v.Sku,
            OptionValues = v.OptionValues.OrderBy(o => o.Key, StringComparer.Ordinal).ToList(),
            // By value: 9.5 and 9.50 are one price (decimals keep their scale in text otherwise).
            Price = Exact(v.Price),
            CompareAtPrice = v.CompareAtPrice is { } compareAt ? Exact(compareAt) : null,
            v.Currency,
            v.Barcode,
            v.WeightGrams,
            v.Position,
        }),
    });

    private static string Exact(decimal value) => value.ToString("G29", CultureInfo.InvariantCulture);
}
