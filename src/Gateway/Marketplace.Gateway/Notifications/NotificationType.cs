using GraphQL.Types;
using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.Relay;
using Marketplace.Modules.Notifications.Contracts.V1;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Notifications;

internal sealed class NotificationType : ObjectGraphType<FeedItem>
{
    public NotificationType()
    {
        Name = NotificationsArea.NotificationTypeName;
        Description = "One in-app notification of the viewer (only its recipient ever sees it).";
        Interface<NodeInterface>();
        IsTypeOf = value => value is FeedItem;
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id.").Resolve(c => GlobalId.Encode(NotificationsArea.NotificationTypeName, c.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("kind")
            .Description("What it is about: the key of the template it was made from, e.g. \"seller_welcome\" (at most 100 characters).")
            .Resolve(c => c.Source.Template);
        Field<NonNullGraphType<NotificationCategoryType>>("category").Description("Why it was sent; decides whether it can be switched off.").Resolve(c => c.Source.Category);
        Field<NonNullGraphType<StringGraphType>>("title").Description("One line, in the recipient's language.").Resolve(c => c.Source.Title);
        Field<NonNullGraphType<StringGraphType>>("body").Description("Plain text, in the recipient's language; may span lines.").Resolve(c => c.Source.Body);
        Field<NonNullGraphType<UtcDateTimeGraphType>>("createdAt").Description("When it was made.").Resolve(c => Timestamps.Parse(c.Source.CreatedAt));
        Field<UtcDateTimeGraphType>("readAt")
            .Description("When the viewer marked it read (notificationsMarkRead); null while unread.")
            .Resolve(c => string.IsNullOrEmpty(c.Source.ReadAt) ? null : Timestamps.Parse(c.Source.ReadAt));
    }
}
