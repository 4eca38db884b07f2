using Marketplace.Modules.Catalog.Contracts.V1;
using Mediator;
using ProductEntity = Marketplace.Modules.Catalog.Domain.Product;

namespace Marketplace.Modules.Catalog.Products.UpdateVariants;

/// <summary>The seller changes fields of several existing variants of one product at once.</summary>
internal sealed record UpdateVariantsCommand(Guid SellerId, Guid ProductId, IReadOnlyList<VariantChange> Variants) : ICommand<ProductEntity>
{
    public static UpdateVariantsCommand From(Guid sellerId, UpdateVariantsRequest request) => new(
        sellerId,
        ProductRows.ParseId(request.ProductId),
        request.Variants.Select((v, i) => new VariantChange(
            $"variants.{i}",
            v.Id.Trim(),
            v.HasSku ? v.Sku.Trim() : null,
            ProductInput.Selected(v.Options),
            v.HasPrice ? v.Price.Trim() : null,
            v.HasCompareAtPrice ? v.CompareAtPrice.Trim() : null,
            v.HasCurrencyCode ? ProductInput.Currency(v.CurrencyCode) : null,
            v.HasBarcode ? v.Barcode.Trim() : null,
            v.HasWeightGrams ? v.WeightGrams : null,
            v.RemoveWeightGrams)).ToList());
}

/// <summary>
/// A partial change of one variant: null fields stay as they are; an empty compare-at price or barcode removes it; empty
/// options keep the variant's option values.
/// </summary>
internal sealed record VariantChange(
    string Path,
    string Id,
    string? Sku,
    IReadOnlyList<OptionValueDraft> Options,
    string? Price,
    string? CompareAtPrice,
    string? CurrencyCode,
    string? Barcode,
    int? WeightGrams,
    bool RemoveWeightGrams);
