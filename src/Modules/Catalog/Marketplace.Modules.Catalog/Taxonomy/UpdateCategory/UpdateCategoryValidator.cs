using FluentValidation;

namespace Marketplace.Modules.Catalog.Taxonomy.UpdateCategory;

/// <summary>The fields given are checked as at creation.</summary>
internal sealed class UpdateCategoryValidator : AbstractValidator<UpdateCategoryCommand>
{
    public UpdateCategoryValidator()
    {
        RuleFor(c => c.Name!).CategoryName().When(c => c.Name is not null);
        RuleFor(c => c.Slug!).CategorySlug().When(c => c.Slug is not null);
    }
}
