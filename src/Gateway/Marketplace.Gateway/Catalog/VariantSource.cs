using Marketplace.Modules.Catalog.Contracts.V1;

namespace Marketplace.Gateway.Catalog;

/// <summary>A variant with the product it belongs to (so <c>variant.product</c> needs no second call): the value of <c>ProductVariant</c>.</summary>
internal sealed record VariantSource(Product Product, Variant Variant)
{
    /// <summary>The variant a contract answer names, with its product; null when the product does not list it.</summary>
    public static VariantSource? Of(VariantWithProduct? found) =>
        found?.Product.Variants.FirstOrDefault(v => v.Id == found.VariantId) is { } variant ? new VariantSource(found.Product, variant) : null;
}
