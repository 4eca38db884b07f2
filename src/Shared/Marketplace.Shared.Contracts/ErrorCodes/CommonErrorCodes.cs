using System.ComponentModel;

namespace Marketplace.Shared.Contracts;

/// <summary>
/// Reasons (<c>ErrorInfo.reason</c>) and field-violation codes every module may report: who may call, and the common
/// shapes of invalid input. A module's own codes live in its Contracts project (<c>&lt;Module&gt;ErrorCodes</c>); the
/// gateway builds each area's GraphQL error-code enum from both, with these descriptions.
/// </summary>
public static class CommonErrorCodes
{
    [Description("Sign in first.")]
    public const string SignInRequired = "SIGN_IN_REQUIRED";

    [Description("Only buyers may do this.")]
    public const string BuyersOnly = "BUYERS_ONLY";

    [Description("Only sellers may do this.")]
    public const string SellersOnly = "SELLERS_ONLY";

    [Description("Only administrators may do this.")]
    public const string AdminsOnly = "ADMINS_ONLY";

    [Description("Only the marketplace's own modules may do this.")]
    public const string ServicesOnly = "SERVICES_ONLY";

    [Description("The object belongs to someone else.")]
    public const string NotOwner = "NOT_OWNER";

    [Description("The input is not valid; the field violations say where.")]
    public const string InvalidInput = "INVALID_INPUT";

    [Description("A required value is missing or empty.")]
    public const string Required = "REQUIRED";

    [Description("The value is longer than allowed.")]
    public const string TooLong = "TOO_LONG";

    [Description("The value is shorter than allowed.")]
    public const string TooShort = "TOO_SHORT";

    [Description("The value is not valid.")]
    public const string Invalid = "INVALID";

    [Description("The value is outside the allowed range.")]
    public const string OutOfRange = "OUT_OF_RANGE";

    [Description("The id is malformed or names another kind of object.")]
    public const string InvalidId = "INVALID_ID";

    [Description("The cursor is not one this API returned.")]
    public const string InvalidCursor = "INVALID_CURSOR";

    [Description("Too many ids in one request.")]
    public const string TooManyIds = "TOO_MANY_IDS";

    [Description("Latitude or longitude out of range.")]
    public const string InvalidCoordinates = "INVALID_COORDINATES";

    [Description("Not a Media asset id or an https:// URL.")]
    public const string InvalidMediaReference = "INVALID_MEDIA_REFERENCE";

    [Description("Too many requests; retry after the time given.")]
    public const string RateLimited = "RATE_LIMITED";
}
