using System.ComponentModel;

namespace Marketplace.Modules.Notifications.Contracts;

/// <summary>
/// The reasons the Notifications contract reports beside <see cref="Marketplace.Shared.Contracts.CommonErrorCodes"/>: as
/// <c>ErrorInfo.reason</c> and as field-violation codes. The gateway publishes them as the <c>NotificationErrorCode</c> enum.
/// </summary>
public static class NotificationsErrorCodes
{
    [Description("Not a transactional email template (TransactionalTemplates).")]
    public const string UnknownTemplate = "UNKNOWN_TEMPLATE";

    [Description("Not an email address.")]
    public const string InvalidEmail = "INVALID_EMAIL";

    [Description("Not a channel: EMAIL, PUSH or IN_APP.")]
    public const string InvalidChannel = "INVALID_CHANNEL";

    [Description("Not a category: ACCOUNT, ORDERS, FOLLOWED_STORES or MARKETING.")]
    public const string InvalidCategory = "INVALID_CATEGORY";

    [Description("Account and security notifications cannot be switched off.")]
    public const string Locked = "LOCKED";

    [Description("Not a device platform: ANDROID, IOS or WEB.")]
    public const string InvalidPlatform = "INVALID_PLATFORM";

    [Description("Not a delivery state: QUEUED, SENDING, RETRYING, SENT or FAILED.")]
    public const string InvalidState = "INVALID_STATE";

    [Description("The unsubscribe link is not one this marketplace signed (or it was changed).")]
    public const string InvalidUnsubscribeLink = "INVALID_UNSUBSCRIBE_LINK";

    [Description("Account and security notifications cannot be unsubscribed from.")]
    public const string CategoryLocked = "CATEGORY_LOCKED";

    [Description("No such notification in your feed.")]
    public const string NotificationNotFound = "NOTIFICATION_NOT_FOUND";

    [Description("No such delivery in the delivery log.")]
    public const string DeliveryNotFound = "DELIVERY_NOT_FOUND";
}
