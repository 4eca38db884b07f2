using Marketplace.Gateway.Errors;
using Marketplace.Modules.Notifications.Contracts;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Notifications;

/// <summary>The codes of the notification mutations' userErrors: <c>NotificationErrorCode</c> and <c>NotificationUserError</c>.</summary>
internal sealed class NotificationErrors : IErrorCodeArea
{
    public static string Prefix => "Notification";

    public static IReadOnlyList<Type> CodeClasses => [typeof(CommonErrorCodes), typeof(NotificationsErrorCodes)];
}
