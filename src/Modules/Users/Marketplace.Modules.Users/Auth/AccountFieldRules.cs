using FluentValidation;
using FluentValidation.Results;
using Marketplace.Modules.Users.Buyers;
using Marketplace.Modules.Users.Contracts;
using Marketplace.Modules.Users.Sellers;
using Marketplace.Shared.Media;

namespace Marketplace.Modules.Users.Auth;

/// <summary>
/// The rules of account fields, shared by the validators of sign-in, registration and profile changes. Each names the
/// error code clients have relied on since the field existed.
/// </summary>
internal static class AccountFieldRules
{
    public const int DisplayNameMaxLength = 100;

    /// <summary>A phone libphonenumber accepts (in any common form); <c>PHONE_INVALID</c>.</summary>
    public static IRuleBuilderOptions<T, string> ValidPhone<T>(this IRuleBuilder<T, string> rule, PhoneNumberNormalizer phones) =>
        rule.Must(phone => phones.Normalize(phone) is not null)
            .WithErrorCode(UsersErrorCodes.PhoneInvalid).WithMessage("Enter a valid phone number with its country code, e.g. +44 7911 123456.");

    /// <summary>An address <see cref="EmailAddresses.Normalize"/> accepts; <c>EMAIL_INVALID</c>.</summary>
    public static IRuleBuilderOptions<T, string> ValidEmail<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(email => EmailAddresses.Normalize(email) is not null)
            .WithErrorCode(UsersErrorCodes.EmailInvalid).WithMessage("Enter a valid email address.");

    /// <summary>1 to 100 characters (after trimming); <c>DISPLAY_NAME_INVALID</c>.</summary>
    public static IRuleBuilderOptions<T, string> DisplayName<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(name => name.Length is > 0 and <= DisplayNameMaxLength)
            .WithErrorCode(UsersErrorCodes.DisplayNameInvalid).WithMessage($"Enter a name of 1 to {DisplayNameMaxLength} characters.");

    /// <summary>
    /// <see cref="PasswordPolicy"/>: long enough, not too long, not common, and not the email <paramref name="emailOf"/>
    /// gives (null: not checked here); <c>PASSWORD_TOO_SHORT</c>, <c>PASSWORD_TOO_LONG</c>, <c>PASSWORD_IS_EMAIL</c>,
    /// <c>PASSWORD_TOO_COMMON</c>.
    /// </summary>
    public static IRuleBuilderOptionsConditions<T, string> Password<T>(this IRuleBuilder<T, string> rule, Func<T, string?> emailOf) =>
        rule.Custom((password, context) =>
        {
            if (PasswordPolicy.Check(password, emailOf(context.InstanceToValidate)) is { } weak)
                context.AddFailure(new ValidationFailure(context.PropertyPath, weak.Message) { ErrorCode = weak.Code });
        });

    /// <summary>Empty (none) or a Media asset id or an https:// URL; <c>INVALID_MEDIA_REFERENCE</c>.</summary>
    public static IRuleBuilderOptions<T, string> MediaReferenceOrEmpty<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(text => text.Length == 0 || MediaReference.TryParse(text, out _, out _))
            .WithErrorCode(Marketplace.Shared.Contracts.CommonErrorCodes.InvalidMediaReference).WithMessage("Give a Media asset id or an https:// URL.");
}
