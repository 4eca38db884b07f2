using GraphQL.Types;
using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.Relay;
using Marketplace.Modules.Notifications.Contracts.V1;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Notifications;

internal sealed class NotificationDeliveryType : ObjectGraphType<DeliveryLogEntry>
{
    public NotificationDeliveryType()
    {
        Name = NotificationsArea.DeliveryTypeName;
        Description = "Administrators: one notification on one channel, as the delivery log keeps it.";
        Interface<NodeInterface>();
        IsTypeOf = value => value is DeliveryLogEntry;
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id.").Resolve(c => GlobalId.Encode(NotificationsArea.DeliveryTypeName, c.Source.Id));
        Field<NonNullGraphType<IdGraphType>>("notificationId")
            .Description("Global id of the notification delivered (a Notification; only its recipient can load it).")
            .Resolve(c => GlobalId.Encode(NotificationsArea.NotificationTypeName, c.Source.NotificationId));
        Field<NonNullGraphType<NotificationChannelType>>("channel").Description("The channel.").Resolve(c => c.Source.Channel);
        Field<NonNullGraphType<StringGraphType>>("template").Description("The template's key, e.g. \"password_reset\" (at most 100 characters).").Resolve(c => c.Source.Template);
        Field<NonNullGraphType<NotificationDeliveryStateType>>("state").Description("Where the delivery is.").Resolve(c => c.Source.State);
        Field<NonNullGraphType<IntGraphType>>("attempts").Description("Attempts so far (at most Modules:Notifications:MaxAttempts, 8 unless configured).").Resolve(c => c.Source.Attempts);
        Field<StringGraphType>("lastError")
            .Description("Why the last attempt failed (at most 1,000 characters); null when it did not.")
            .Resolve(c => string.IsNullOrEmpty(c.Source.LastError) ? null : c.Source.LastError);
        Field<NonNullGraphType<UtcDateTimeGraphType>>("createdAt").Description("When the delivery was planned.").Resolve(c => Timestamps.Parse(c.Source.CreatedAt));
        Field<NonNullGraphType<UtcDateTimeGraphType>>("updatedAt").Description("When its state last changed.").Resolve(c => Timestamps.Parse(c.Source.UpdatedAt));
    }
}
