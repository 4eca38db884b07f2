namespace Marketplace.Modules.Catalog.Domain;

internal static class ProductStatus
{
    public const string Draft = "DRAFT";
    public const string Active = "ACTIVE";
    public const string Archived = "ARCHIVED";
}

/// <summary>
/// A store's product. Its variants are what is sold (SKU, price); its options name the axes they differ on
/// (Size: S/M/L). <see cref="Version"/> is 1 at creation and grows by one with every change, and travels in every
/// event, so consumers ignore an older state that arrives late.
/// </summary>
internal sealed class Product
{
    public Guid Id { get; set; }

    public Guid StoreId { get; set; }

    /// <summary>The seller who ran the store when the product was created (the Sellers module stays the authority).</summary>
    public Guid SellerId { get; set; }

    public string Title { get; set; } = "";

    /// <summary>
    /// Unique, URL-safe, set once at creation from the title and the id (<c>Products.ProductSlugs</c>): a product page's
    /// address stays the same when the title changes.
    /// </summary>
    public string Slug { get; set; } = "";

    public string Description { get; set; } = "";

    public Guid CategoryId { get; set; }

    public string Status { get; set; } = ProductStatus.Draft;

    /// <summary>Free-form facts (e.g. "material" → "oak"); stored as a jsonb object of strings.</summary>
    public Dictionary<string, string> Attributes { get; set; } = [];

    /// <summary>Media references as stored (<see cref="Shared.Media.MediaReference.Value"/>), in display order.</summary>
    public List<string> Images { get; set; } = [];

    public List<ProductOption> Options { get; set; } = [];

    public long Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public List<ProductVariant> Variants { get; set; } = [];

    /// <summary>All variants share one currency (a rule of the product), so the range is meaningful.</summary>
    public decimal MinPrice => Variants.Count == 0 ? 0 : Variants.Min(v => v.Price);

    public decimal MaxPrice => Variants.Count == 0 ? 0 : Variants.Max(v => v.Price);

    public string Currency => Variants.Count == 0 ? "" : Variants.OrderBy(v => v.Position).First().Currency;
}

/// <summary>An axis variants differ on, with its values in display order.</summary>
internal sealed record ProductOption(string Name, List<string> Values);

internal sealed class ProductVariant
{
    public Guid Id { get; set; }

    public Guid ProductId { get; set; }

    /// <summary>Copied from the product: SKUs are unique per store (case-insensitively), enforced by an index.</summary>
    public Guid StoreId { get; set; }

    public string Sku { get; set; } = "";

    /// <summary>Lower-case SKU, computed by the database; the unique index is on (store_id, sku_key).</summary>
    public string SkuKey { get; private set; } = "";

    /// <summary>Option name → the value this variant has (exactly one per option of the product).</summary>
    public Dictionary<string, string> OptionValues { get; set; } = [];

    public decimal Price { get; set; }

    public decimal? CompareAtPrice { get; set; }

    /// <summary>ISO 4217 code; the same for every variant of a product.</summary>
    public string Currency { get; set; } = "";

    public string? Barcode { get; set; }

    public int? WeightGrams { get; set; }

    public int Position { get; set; }
}
