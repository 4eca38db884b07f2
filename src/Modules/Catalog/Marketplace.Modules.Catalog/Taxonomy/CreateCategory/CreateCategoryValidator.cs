using FluentValidation;

namespace Marketplace.Modules.Catalog.Taxonomy.CreateCategory;

internal sealed class CreateCategoryValidator : AbstractValidator<CreateCategoryCommand>
{
    public CreateCategoryValidator()
    {
        RuleFor(c => c.Name).CategoryName();
        RuleFor(c => c.Slug).CategorySlug();
    }
}
