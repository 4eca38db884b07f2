using FluentValidation;
using Codes = Marketplace.Modules.Catalog.Contracts.CatalogErrorCodes.Products;

namespace Marketplace.Modules.Catalog.Products.UpdateProduct;

/// <summary>
/// The fields given are checked as at creation; the variants are checked by the handler, against the options they will
/// have (the product's own when the request keeps them).
/// </summary>
internal sealed class UpdateProductValidator : AbstractValidator<UpdateProductCommand>
{
    public UpdateProductValidator()
    {
        RuleFor(c => c.Title!).ProductTitle().When(c => c.Title is not null);
        RuleFor(c => c.Description!).ProductDescription().When(c => c.Description is not null);
        RuleFor(c => c.Attributes!).ProductAttributes().When(c => c.Attributes is not null);
        RuleFor(c => c.Images!).ProductImages().When(c => c.Images is not null);
        RuleFor(c => c.Options!).ProductOptions().When(c => c.Options is not null);
        RuleFor(c => c.Variants).NotNull().When(c => c.Options is not null)
            .WithErrorCode(Codes.VariantsRequired).WithMessage("Changing the options changes the combinations: give the variants too.");
    }
}
