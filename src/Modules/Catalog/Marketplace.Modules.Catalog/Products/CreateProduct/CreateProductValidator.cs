using FluentValidation;

namespace Marketplace.Modules.Catalog.Products.CreateProduct;

/// <summary>Every field of the listing, in one answer; the variants against the options given.</summary>
internal sealed class CreateProductValidator : AbstractValidator<CreateProductCommand>
{
    public CreateProductValidator()
    {
        RuleFor(c => c.Title).ProductTitle();
        RuleFor(c => c.Description).ProductDescription();
        RuleFor(c => c.Attributes).ProductAttributes();
        RuleFor(c => c.Images).ProductImages();
        RuleFor(c => c.Options).ProductOptions();
        RuleFor(c => c).Custom((c, context) => context.Report(ListingRules.CheckVariants(ListingRules.Options(c.Options), c.Variants)));
    }
}
