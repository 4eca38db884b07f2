using FluentValidation;
using Marketplace.Modules.Catalog.Domain;
using Marketplace.Shared.Contracts;

namespace Marketplace.Modules.Catalog.Taxonomy.GetCategories;

internal sealed class GetCategoriesValidator : AbstractValidator<GetCategoriesQuery>
{
    public GetCategoriesValidator() =>
        RuleFor(q => q.Ids.Count).LessThanOrEqualTo(CatalogRules.MaxCategories)
            .WithErrorCode(CommonErrorCodes.TooManyIds).WithMessage($"Ask for at most {CatalogRules.MaxCategories} categories at once.")
            .OverridePropertyName("ids");
}
