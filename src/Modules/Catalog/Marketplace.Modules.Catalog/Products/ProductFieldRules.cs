using FluentValidation;
using FluentValidation.Results;
using Marketplace.Modules.Catalog.Domain;
using Marketplace.Shared.Contracts;

namespace Marketplace.Modules.Catalog.Products;

/// <summary>
/// The rules of a product's fields as FluentValidation rules, shared by the validators of creation and update. Values
/// arrive normalised by the command's <c>From</c>; the list rules report <see cref="ListingRules"/>' violations with
/// their own paths (<c>options.1.values.0</c>), which name the fields as the GraphQL input does.
/// </summary>
internal static class ProductFieldRules
{
    public static IRuleBuilderOptions<T, string> ProductTitle<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().WithErrorCode(CommonErrorCodes.Required).WithMessage("A product needs a title.")
            .MaximumLength(CatalogRules.MaxTitleLength).WithErrorCode(CommonErrorCodes.TooLong).WithMessage($"Use at most {CatalogRules.MaxTitleLength} characters.");

    public static IRuleBuilderOptions<T, string> ProductDescription<T>(this IRuleBuilder<T, string> rule) =>
        rule.MaximumLength(CatalogRules.MaxDescriptionLength).WithErrorCode(CommonErrorCodes.TooLong).WithMessage($"Use at most {CatalogRules.MaxDescriptionLength} characters.");

    public static IRuleBuilderOptionsConditions<T, IReadOnlyList<AttributeDraft>> ProductAttributes<T>(this IRuleBuilder<T, IReadOnlyList<AttributeDraft>> rule) =>
        rule.Custom((attributes, context) => context.Report(ListingRules.CheckAttributes(attributes)));

    public static IRuleBuilderOptionsConditions<T, IReadOnlyList<string>> ProductImages<T>(this IRuleBuilder<T, IReadOnlyList<string>> rule) =>
        rule.Custom((images, context) => context.Report(ListingRules.CheckImages(images)));

    public static IRuleBuilderOptionsConditions<T, IReadOnlyList<OptionDraft>> ProductOptions<T>(this IRuleBuilder<T, IReadOnlyList<OptionDraft>> rule) =>
        rule.Custom((options, context) => context.Report(ListingRules.CheckOptions(options)));

    /// <summary>Adds each violation as a failure on its own path, with its code.</summary>
    public static void Report<T>(this ValidationContext<T> context, IEnumerable<FieldViolation> violations)
    {
        foreach (var violation in violations)
            context.AddFailure(new ValidationFailure(violation.Field, violation.Message) { ErrorCode = violation.Code });
    }
}
