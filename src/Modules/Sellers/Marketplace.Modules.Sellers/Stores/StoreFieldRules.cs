using System.Net.Mail;
using System.Text.RegularExpressions;
using FluentValidation;
using Marketplace.Modules.Sellers.Contracts;
using Marketplace.Modules.Sellers.Domain;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.Media;

namespace Marketplace.Modules.Sellers.Stores;

/// <summary>
/// The rules of a store's fields, shared by the validators of creation and update. Values arrive normalised (trimmed,
/// slugs, emails and tags lower-cased) by the command's <c>From</c>; each rule names its error code and message.
/// </summary>
internal static partial class StoreFieldRules
{
    public static IRuleBuilderOptions<T, string> StoreName<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().WithErrorCode(CommonErrorCodes.Required).WithMessage("A store needs a name.")
            .MaximumLength(StoreRules.MaxNameLength).WithErrorCode(CommonErrorCodes.TooLong).WithMessage($"Use at most {StoreRules.MaxNameLength} characters.");

    public static IRuleBuilderOptions<T, string> StoreSlug<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(slug => slug.Length is >= StoreRules.MinSlugLength and <= StoreRules.MaxSlugLength && SlugForm().IsMatch(slug))
            .WithErrorCode(SellersErrorCodes.InvalidSlug)
            .WithMessage($"Use {StoreRules.MinSlugLength} to {StoreRules.MaxSlugLength} lower-case letters, digits and single hyphens.");

    public static IRuleBuilderOptions<T, string> StoreDescription<T>(this IRuleBuilder<T, string> rule) =>
        rule.MaximumLength(StoreRules.MaxDescriptionLength).WithErrorCode(CommonErrorCodes.TooLong).WithMessage($"Use at most {StoreRules.MaxDescriptionLength} characters.");

    public static IRuleBuilderOptions<T, string> ContactEmail<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(email => email.Length is > 0 and <= StoreRules.MaxEmailLength && MailAddress.TryCreate(email, out var parsed) && parsed.Address == email)
            .WithErrorCode(SellersErrorCodes.InvalidEmail).WithMessage("Give a valid email address.");

    public static IRuleBuilderOptions<T, string> ContactPhone<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(phone => phone.Length is > 0 and <= StoreRules.MaxPhoneLength)
            .WithErrorCode(SellersErrorCodes.InvalidPhone).WithMessage($"Give a phone number (at most {StoreRules.MaxPhoneLength} characters).");

    public static IRuleBuilderOptions<T, string> StoreAddress<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().WithErrorCode(CommonErrorCodes.Required).WithMessage("A store needs an address.")
            .MaximumLength(StoreRules.MaxAddressLength).WithErrorCode(CommonErrorCodes.TooLong).WithMessage($"Use at most {StoreRules.MaxAddressLength} characters.");

    public static IRuleBuilderOptions<T, double> ServiceRadius<T>(this IRuleBuilder<T, double> rule) =>
        rule.Must(radius => radius is > 0 and <= StoreRules.MaxServiceRadiusKm)
            .WithErrorCode(SellersErrorCodes.InvalidRadius).WithMessage($"Use a radius above 0 and at most {StoreRules.MaxServiceRadiusKm} km.");

    /// <summary>Latitude and longitude of a point, reported on <c>&lt;field&gt;.latitude</c> and <c>&lt;field&gt;.longitude</c>.</summary>
    public static IRuleBuilderOptions<T, Coordinates> ValidCoordinates<T>(this IRuleBuilder<T, Coordinates> rule) =>
        rule.ChildRules(point =>
        {
            point.RuleFor(p => p.Latitude).Must(l => double.IsFinite(l) && l is >= -90 and <= 90)
                .WithErrorCode(CommonErrorCodes.InvalidCoordinates).WithMessage("Latitude is between -90 and 90.");
            point.RuleFor(p => p.Longitude).Must(l => double.IsFinite(l) && l is >= -180 and <= 180)
                .WithErrorCode(CommonErrorCodes.InvalidCoordinates).WithMessage("Longitude is between -180 and 180.");
        });

    /// <summary>At most five tags, each slug-shaped (2–30 characters) and listed once.</summary>
    public static IRuleBuilderOptionsConditions<T, IReadOnlyList<string>> StoreCategories<T>(this IRuleBuilder<T, IReadOnlyList<string>> rule) =>
        rule.Custom((categories, context) =>
        {
            if (categories.Count > StoreRules.MaxCategories)
            {
                context.AddFailure(Failure(context.PropertyPath, SellersErrorCodes.TooManyCategories, $"Choose at most {StoreRules.MaxCategories} categories."));
                return;
            }

            for (var i = 0; i < categories.Count; i++)
            {
                var tag = categories[i];
                if (tag.Length < StoreRules.MinCategoryLength || tag.Length > StoreRules.MaxCategoryLength || !SlugForm().IsMatch(tag))
                    context.AddFailure(Failure($"{context.PropertyPath}.{i}", SellersErrorCodes.InvalidCategory, $"Use {StoreRules.MinCategoryLength} to {StoreRules.MaxCategoryLength} lower-case letters, digits and single hyphens."));
                else if (IndexOf(categories, tag) < i)
                    context.AddFailure(Failure($"{context.PropertyPath}.{i}", SellersErrorCodes.DuplicateCategory, "This category is listed twice."));
            }
        });

    /// <summary>Empty (none), a Media asset id or an HTTPS URL (<see cref="MediaReference"/>).</summary>
    public static IRuleBuilderOptions<T, string> MediaReferenceOrEmpty<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(text => text.Length == 0 || MediaReference.TryParse(text, out _, out _))
            .WithErrorCode(CommonErrorCodes.InvalidMediaReference).WithMessage("Give a Media asset id or an https:// URL.");

    public static IRuleBuilderOptions<T, string> SuspensionReason<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().WithErrorCode(CommonErrorCodes.Required).WithMessage("Say why the store is suspended.")
            .MaximumLength(StoreRules.MaxSuspensionReasonLength).WithErrorCode(CommonErrorCodes.TooLong).WithMessage($"Use at most {StoreRules.MaxSuspensionReasonLength} characters.");

    public static FluentValidation.Results.ValidationFailure Failure(string path, string code, string message) =>
        new(path, message) { ErrorCode = code };

    public static bool IsSlug(string text) => SlugForm().IsMatch(text);

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
                return i;
        }

        return -1;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugForm();
}
