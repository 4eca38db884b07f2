using GraphQL.Types;

namespace Marketplace.Gateway.Notifications;

internal sealed class NotificationChannelType : EnumerationGraphType
{
    public NotificationChannelType()
    {
        Name = "NotificationChannel";
        Description = "How a notification reaches its recipient.";
        Add("EMAIL", "EMAIL", "An email to the account's address.");
        Add("PUSH", "PUSH", "A push notification to each of the recipient's registered devices (deviceTokenRegister).");
        Add("IN_APP", "IN_APP", "An entry in viewer.notifications (and notificationReceived).");
    }
}
