using GraphQL.Types;
using Marketplace.Gateway.Errors;

namespace Marketplace.Gateway.Notifications;

internal sealed class NotificationsMarkReadPayloadType : ObjectGraphType<NotificationsMarkReadPayload>
{
    public NotificationsMarkReadPayloadType()
    {
        Name = "NotificationsMarkReadPayload";
        Description = "The result of notificationsMarkRead.";
        Field<NonNullGraphType<IntGraphType>>("markedCount").Description("How many notifications this call marked read; 0 when it failed.").Resolve(c => c.Source.MarkedCount);
        Field<NonNullGraphType<IntGraphType>>("unreadCount").Description("How many of your notifications stay unread; 0 when the mutation failed (ask viewer.unreadNotificationsCount).").Resolve(c => c.Source.UnreadCount);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AreaUserErrorType<NotificationErrors>>>>>("userErrors")
            .Description("Why nothing changed; empty on success.")
            .Resolve(c => c.Source.UserErrors);
    }
}
