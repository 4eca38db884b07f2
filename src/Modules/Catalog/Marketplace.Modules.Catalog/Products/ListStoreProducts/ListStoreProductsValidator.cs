using FluentValidation;
using Marketplace.Modules.Catalog.Domain;
using Marketplace.Shared.Contracts;
using Codes = Marketplace.Modules.Catalog.Contracts.CatalogErrorCodes.Products;

namespace Marketplace.Modules.Catalog.Products.ListStoreProducts;

internal sealed class ListStoreProductsValidator : AbstractValidator<ListStoreProductsQuery>
{
    public ListStoreProductsValidator()
    {
        RuleFor(q => q.Status).Must(s => s is "" or ProductStatus.Draft or ProductStatus.Active or ProductStatus.Archived)
            .WithErrorCode(Codes.InvalidStatus).WithMessage("Status is DRAFT, ACTIVE or ARCHIVED.");
        RuleFor(q => q.After).Must(a => a.Length == 0 || Guid.TryParse(a, out _))
            .WithErrorCode(CommonErrorCodes.InvalidCursor).WithMessage("The cursor is not one this API returned.");
    }
}
