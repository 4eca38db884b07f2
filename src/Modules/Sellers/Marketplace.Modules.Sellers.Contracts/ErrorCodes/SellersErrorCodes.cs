using System.ComponentModel;

namespace Marketplace.Modules.Sellers.Contracts;

/// <summary>
/// The reasons the Sellers contract reports beside <see cref="Marketplace.Shared.Contracts.CommonErrorCodes"/>: as
/// <c>ErrorInfo.reason</c> and as field-violation codes. The gateway publishes them as the <c>StoreErrorCode</c> enum.
/// </summary>
public static class SellersErrorCodes
{
    [Description("No such store, or not one you may see.")]
    public const string StoreNotFound = "STORE_NOT_FOUND";

    [Description("Only the seller who runs this store may change it.")]
    public const string NotYourStore = "NOT_YOUR_STORE";

    [Description("The account is not a seller's.")]
    public const string NotASeller = "NOT_A_SELLER";

    [Description("Verify your email address before opening a store.")]
    public const string SellerNotVerified = "SELLER_NOT_VERIFIED";

    [Description("The seller already runs the most stores allowed.")]
    public const string StoreLimitReached = "STORE_LIMIT_REACHED";

    [Description("Another store uses this slug.")]
    public const string SlugTaken = "SLUG_TAKEN";

    [Description("A slug is lower-case letters, digits and single hyphens, of the allowed length.")]
    public const string InvalidSlug = "INVALID_SLUG";

    [Description("Not a valid email address.")]
    public const string InvalidEmail = "INVALID_EMAIL";

    [Description("Not a valid phone number.")]
    public const string InvalidPhone = "INVALID_PHONE";

    [Description("The radius is outside the allowed range.")]
    public const string InvalidRadius = "INVALID_RADIUS";

    [Description("Too many store categories.")]
    public const string TooManyCategories = "TOO_MANY_CATEGORIES";

    [Description("A category tag is not lower-case letters, digits and single hyphens of the allowed length.")]
    public const string InvalidCategory = "INVALID_CATEGORY";

    [Description("A category tag is listed twice.")]
    public const string DuplicateCategory = "DUPLICATE_CATEGORY";

    [Description("Too many opening intervals.")]
    public const string TooManyIntervals = "TOO_MANY_INTERVALS";

    [Description("Not a weekday MONDAY to SUNDAY.")]
    public const string InvalidDay = "INVALID_DAY";

    [Description("Not a 24-hour time HH:mm.")]
    public const string InvalidTime = "INVALID_TIME";

    [Description("An interval must open before it closes, within one day.")]
    public const string InvalidInterval = "INVALID_INTERVAL";

    [Description("Two intervals of the same day overlap.")]
    public const string OverlappingHours = "OVERLAPPING_HOURS";

    [Description("The store changed since the version given; reload it and try again.")]
    public const string VersionConflict = "VERSION_CONFLICT";

    [Description("An administrator suspended this store; only an administrator can reinstate it.")]
    public const string StoreSuspended = "STORE_SUSPENDED";

    [Description("Only a suspended store can be reinstated.")]
    public const string StoreNotSuspended = "STORE_NOT_SUSPENDED";

    [Description("Only open stores can be followed.")]
    public const string StoreNotActive = "STORE_NOT_ACTIVE";
}
