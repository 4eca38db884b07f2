using System.ComponentModel;

namespace Marketplace.Modules.Users.Contracts;

/// <summary>
/// The reasons the Users contract reports beside <see cref="Marketplace.Shared.Contracts.CommonErrorCodes"/>: as
/// <c>ErrorInfo.reason</c> and as field-violation codes. Sign-in, accounts, sessions and profiles here (the gateway's
/// <c>AccountErrorCode</c>); address books in <see cref="Addresses"/> (<c>AddressErrorCode</c>).
/// </summary>
public static class UsersErrorCodes
{
    [Description("Not a valid phone number: give it with its country code, e.g. +44 7911 123456.")]
    public const string PhoneInvalid = "PHONE_INVALID";

    [Description("Not an email address we accept (malformed, or look-alike characters).")]
    public const string EmailInvalid = "EMAIL_INVALID";

    [Description("A display name has 1 to 100 characters.")]
    public const string DisplayNameInvalid = "DISPLAY_NAME_INVALID";

    [Description("A password has at least 10 characters.")]
    public const string PasswordTooShort = "PASSWORD_TOO_SHORT";

    [Description("A password has at most 256 characters.")]
    public const string PasswordTooLong = "PASSWORD_TOO_LONG";

    [Description("The password may not be the email address (or its part before the @).")]
    public const string PasswordIsEmail = "PASSWORD_IS_EMAIL";

    [Description("The password is on the list of common passwords; choose another.")]
    public const string PasswordTooCommon = "PASSWORD_TOO_COMMON";

    [Description("The code is wrong, expired, already used, or void after its tries; ask for a new one.")]
    public const string CodeInvalid = "CODE_INVALID";

    [Description("Too many failed attempts: signing in this way is locked until a password reset or an administrator unlocks it.")]
    public const string SignInLocked = "SIGN_IN_LOCKED";

    [Description("Too many failed attempts from this client; wait the time given before trying again.")]
    public const string TooManyAttempts = "TOO_MANY_ATTEMPTS";

    [Description("The email or password is wrong, or the address is not verified yet.")]
    public const string CredentialsInvalid = "CREDENTIALS_INVALID";

    [Description("Messages cannot be sent right now (their budget cannot be checked); nothing was sent, retry shortly.")]
    public const string SendingUnavailable = "SENDING_UNAVAILABLE";

    [Description("This phone belongs to an account that signs in another way.")]
    public const string NotABuyer = "NOT_A_BUYER";

    [Description("The link is invalid, expired or already used.")]
    public const string TokenInvalid = "TOKEN_INVALID";

    [Description("Another account verified this email address first.")]
    public const string EmailTaken = "EMAIL_TAKEN";

    [Description("The email address is already verified.")]
    public const string AlreadyVerified = "ALREADY_VERIFIED";

    [Description("The refresh token is unknown, expired, or its session has ended; sign in again.")]
    public const string RefreshTokenInvalid = "REFRESH_TOKEN_INVALID";

    [Description("The refresh token was already used: its whole session has been ended. Sign in again.")]
    public const string RefreshTokenReused = "REFRESH_TOKEN_REUSED";

    [Description("No such session among yours.")]
    public const string SessionNotFound = "SESSION_NOT_FOUND";

    [Description("This session has ended; sign in again.")]
    public const string SessionEnded = "SESSION_ENDED";

    [Description("The account no longer exists.")]
    public const string UserNotFound = "USER_NOT_FOUND";

    [Description("Not for this kind of account: buyers have no email here, only buyers change a phone.")]
    public const string NotAllowedForRole = "NOT_ALLOWED_FOR_ROLE";

    [Description("Another account uses this phone number.")]
    public const string PhoneTaken = "PHONE_TAKEN";

    [Description("No phone change is waiting for a code; ask for one first.")]
    public const string NoPhoneChangePending = "NO_PHONE_CHANGE_PENDING";

    [Description("No development SMS inbox here (not Development, or a real SMS provider).")]
    public const string DevelopmentSmsUnavailable = "DEVELOPMENT_SMS_UNAVAILABLE";

    /// <summary>The reasons of the address book (<c>UsersProfiles</c>' address methods).</summary>
    public static class Addresses
    {
        [Description("No such address in your address book.")]
        public const string AddressNotFound = "ADDRESS_NOT_FOUND";

        [Description("An address book holds at most 20 addresses; delete one first.")]
        public const string AddressLimitReached = "ADDRESS_LIMIT_REACHED";

        [Description("Give 1 to 3 address lines of at most 200 characters.")]
        public const string LinesInvalid = "LINES_INVALID";

        [Description("Not an ISO 3166-1 alpha-2 country code, e.g. GB.")]
        public const string CountryInvalid = "COUNTRY_INVALID";

        [Description("Latitude must be within ±90 and longitude within ±180.")]
        public const string LocationInvalid = "LOCATION_INVALID";

        [Description("Not a valid phone number: give it with its country code.")]
        public const string PhoneInvalid = UsersErrorCodes.PhoneInvalid;
    }
}
