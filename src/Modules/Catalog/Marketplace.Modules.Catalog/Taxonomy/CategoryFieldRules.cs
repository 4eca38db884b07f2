using FluentValidation;
using Marketplace.Modules.Catalog.Domain;
using Marketplace.Shared.Contracts;
using Codes = Marketplace.Modules.Catalog.Contracts.CatalogErrorCodes.Taxonomy;

namespace Marketplace.Modules.Catalog.Taxonomy;

/// <summary>The rules of a category's fields, shared by creation and update. Values arrive trimmed, slugs lower-cased.</summary>
internal static class CategoryFieldRules
{
    public static IRuleBuilderOptions<T, string> CategoryName<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().WithErrorCode(CommonErrorCodes.Required).WithMessage("A category needs a name.")
            .MaximumLength(CatalogRules.MaxCategoryNameLength).WithErrorCode(CommonErrorCodes.TooLong).WithMessage($"Use at most {CatalogRules.MaxCategoryNameLength} characters.");

    public static IRuleBuilderOptions<T, string> CategorySlug<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(IsSlug).WithErrorCode(Codes.InvalidSlug)
            .WithMessage($"Use {CatalogRules.MinSlugLength} to {CatalogRules.MaxSlugLength} lower-case letters, digits and single hyphens.");

    /// <summary>Lower-case ASCII letters and digits separated by single hyphens.</summary>
    public static bool IsSlug(string slug) =>
        slug.Length is >= CatalogRules.MinSlugLength and <= CatalogRules.MaxSlugLength
        && slug.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-')
        && !slug.StartsWith('-') && !slug.EndsWith('-') && !slug.Contains("--", StringComparison.Ordinal);
}
