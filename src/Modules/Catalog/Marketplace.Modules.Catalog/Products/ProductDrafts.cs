using V1 = Marketplace.Modules.Catalog.Contracts.V1;

namespace Marketplace.Modules.Catalog.Products;

/// <summary>An attribute as a request gives it (trimmed).</summary>
internal sealed record AttributeDraft(string Key, string Value);

/// <summary>An option as a request gives it: its name and values, trimmed, in display order.</summary>
internal sealed record OptionDraft(string Name, IReadOnlyList<string> Values);

/// <summary>A variant's value for one option, as a request names it (trimmed; matched case-insensitively).</summary>
internal readonly record struct OptionValueDraft(string Name, string Value);

/// <summary>
/// A variant as a request wants it, before it is checked: the amounts as text, the SKU and barcode trimmed (a blank
/// barcode is none), the currency code upper-case.
/// </summary>
internal sealed record VariantDraft(string Sku, IReadOnlyList<OptionValueDraft> Options, string Price, string CompareAtPrice, string CurrencyCode, string? Barcode, int? WeightGrams)
{
    /// <summary>Where in the request it came from, e.g. <c>variants.2</c>; null for a variant the request did not touch (its violations are reported on <c>variants</c>).</summary>
    public string? Path { get; init; }

    /// <summary>The id the request gave (<c>UpdateProduct</c>: the variant to keep); empty for a new variant.</summary>
    public string Id { get; init; } = "";

    /// <summary>The existing variant it keeps, once the handler has matched <see cref="Id"/>; null for a new one.</summary>
    public Guid? ExistingId { get; init; }

    /// <summary>An existing variant, unchanged, in the product's option order.</summary>
    public static VariantDraft From(Domain.ProductVariant variant, IReadOnlyList<Domain.ProductOption> options) =>
        new(
            variant.Sku,
            options.Where(o => variant.OptionValues.ContainsKey(o.Name)).Select(o => new OptionValueDraft(o.Name, variant.OptionValues[o.Name])).ToList(),
            variant.Price.ToString(System.Globalization.CultureInfo.InvariantCulture),
            variant.CompareAtPrice?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            variant.Currency,
            variant.Barcode,
            variant.WeightGrams)
        {
            ExistingId = variant.Id,
        };
}

/// <summary>How request fields are normalised before validation: texts trimmed, currency codes upper-case, blank barcodes none.</summary>
internal static class ProductInput
{
    public static string Text(string raw) => raw.Trim();

    public static List<AttributeDraft> Attributes(IEnumerable<V1.ProductAttribute> raw) =>
        raw.Select(a => new AttributeDraft(a.Key.Trim(), a.Value.Trim())).ToList();

    public static List<OptionDraft> Options(IEnumerable<V1.ProductOption> raw) =>
        raw.Select(o => new OptionDraft(o.Name.Trim(), o.Values.Select(v => v.Trim()).ToList())).ToList();

    public static List<OptionValueDraft> Selected(IEnumerable<V1.SelectedOption> raw) =>
        raw.Select(o => new OptionValueDraft(o.Name.Trim(), o.Value.Trim())).ToList();

    public static List<VariantDraft> Variants(IEnumerable<V1.VariantInput> raw) =>
        raw.Select((v, i) => new VariantDraft(
            v.Sku.Trim(),
            Selected(v.Options),
            v.Price.Trim(),
            v.CompareAtPrice.Trim(),
            Currency(v.CurrencyCode),
            Barcode(v.Barcode),
            v.HasWeightGrams ? v.WeightGrams : null)
        {
            Path = $"variants.{i}",
            Id = v.Id.Trim(),
        }).ToList();

    public static string Currency(string raw) => raw.Trim().ToUpperInvariant();

    /// <summary>A blank barcode is none.</summary>
    public static string? Barcode(string? raw) => string.IsNullOrWhiteSpace(raw) ? null : raw.Trim();
}
