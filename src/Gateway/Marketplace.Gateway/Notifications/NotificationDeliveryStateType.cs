using GraphQL.Types;

namespace Marketplace.Gateway.Notifications;

internal sealed class NotificationDeliveryStateType : EnumerationGraphType
{
    public NotificationDeliveryStateType()
    {
        Name = "NotificationDeliveryState";
        Description = "Where a delivery is: QUEUED → SENDING → SENT, or → RETRYING → SENDING …, or → FAILED.";
        Add("QUEUED", "QUEUED", "Waiting for its job.");
        Add("SENDING", "SENDING", "A job claimed it and is sending it now.");
        Add("RETRYING", "RETRYING", "The last attempt failed in a way worth retrying; the job runs again with backoff.");
        Add("SENT", "SENT", "Handed to the SMTP server, FCM, or the viewer's feed.");
        Add("FAILED", "FAILED", "Given up: a permanent error or every attempt used (lastError says why).");
    }
}
