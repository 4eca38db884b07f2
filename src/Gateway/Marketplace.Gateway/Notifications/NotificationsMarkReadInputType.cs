using GraphQL.Types;

namespace Marketplace.Gateway.Notifications;

internal sealed class NotificationsMarkReadInputType : InputObjectGraphType
{
    public NotificationsMarkReadInputType()
    {
        Name = "NotificationsMarkReadInput";
        Description = "Which notifications to mark read: some ids, or all.";
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("ids")
            .Description("Notifications' global ids; ignored when all is true. Each must be a Notification's id (INVALID_ID otherwise); at most as many as the request's size limits allow.");
        Field<BooleanGraphType>("all").Description("Mark every notification read (default false).");
    }
}
