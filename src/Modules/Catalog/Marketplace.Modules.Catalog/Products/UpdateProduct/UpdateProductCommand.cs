using Marketplace.Modules.Catalog.Contracts.V1;
using Mediator;
using ProductEntity = Marketplace.Modules.Catalog.Domain.Product;

namespace Marketplace.Modules.Catalog.Products.UpdateProduct;

/// <summary>
/// The seller changes some of a product's fields: null means "unchanged". Lists given replace the product's; options
/// need variants too, and the variants given are the whole new set (an entry with an id keeps that variant).
/// </summary>
internal sealed record UpdateProductCommand(
    Guid SellerId,
    Guid ProductId,
    string? Title,
    string? Description,
    string? CategoryId,
    IReadOnlyList<AttributeDraft>? Attributes,
    IReadOnlyList<string>? Images,
    IReadOnlyList<OptionDraft>? Options,
    IReadOnlyList<VariantDraft>? Variants) : ICommand<ProductEntity>
{
    public static UpdateProductCommand From(Guid sellerId, UpdateProductRequest request) => new(
        sellerId,
        ProductRows.ParseId(request.Id),
        request.HasTitle ? ProductInput.Text(request.Title) : null,
        request.HasDescription ? ProductInput.Text(request.Description) : null,
        request.HasCategoryId ? request.CategoryId.Trim() : null,
        request.SetAttributes ? ProductInput.Attributes(request.Attributes) : null,
        request.SetImages ? [.. request.Images] : null,
        request.SetOptions ? ProductInput.Options(request.Options) : null,
        request.SetVariants ? ProductInput.Variants(request.Variants) : null);
}
