using Marketplace.Modules.Catalog.Contracts.V1;
using Mediator;
using ProductEntity = Marketplace.Modules.Catalog.Domain.Product;

namespace Marketplace.Modules.Catalog.Products.CreateProduct;

/// <summary>A seller lists a DRAFT product with its variants in one of their stores.</summary>
internal sealed record CreateProductCommand(
    Guid SellerId,
    string StoreId,
    string Title,
    string Description,
    string CategoryId,
    IReadOnlyList<AttributeDraft> Attributes,
    IReadOnlyList<string> Images,
    IReadOnlyList<OptionDraft> Options,
    IReadOnlyList<VariantDraft> Variants) : ICommand<ProductEntity>
{
    public static CreateProductCommand From(Guid sellerId, CreateProductRequest request) => new(
        sellerId,
        request.StoreId.Trim(),
        ProductInput.Text(request.Title),
        ProductInput.Text(request.Description),
        request.CategoryId.Trim(),
        ProductInput.Attributes(request.Attributes),
        [.. request.Images],
        ProductInput.Options(request.Options),
        ProductInput.Variants(request.Variants));
}
