using GraphQL.Types;
using Marketplace.Gateway.Auth;
using Marketplace.Gateway.Relay;
using Marketplace.Gateway.Schema;
using Marketplace.Gateway.Users;
using Marketplace.Modules.Notifications.Contracts.V1;

namespace Marketplace.Gateway.Notifications;

/// <summary><c>viewer.notifications</c> and <c>viewer.unreadNotificationsCount</c>: the viewer's own feed only.</summary>
internal sealed class NotificationViewerFields : IViewerExtension
{
    public void ConfigureViewer(ObjectGraphType<ViewerSource> viewer)
    {
        viewer.Field<NonNullGraphType<ConnectionType<NotificationType, FeedItem>>>("notifications")
            .Description("Your in-app notifications, newest first; totalCount counts them all.")
            .PageArguments()
            .RequireSignedIn()
            .ResolveAsync(async c =>
            {
                var page = c.GetPageRequest();
                var response = await NotificationsArea.Inbox(c).ListFeedAsync(new ListFeedRequest { Page = page.ToContract() }, cancellationToken: c.CancellationToken);
                return Connection<FeedItem>.From(response.Items, response.PageInfo.HasNextPage, page, i => i.Key, response.TotalCount);
            });
        viewer.Field<NonNullGraphType<IntGraphType>>("unreadNotificationsCount")
            .Description("How many of your in-app notifications are unread.")
            .RequireSignedIn()
            .ResolveAsync(async c => (await NotificationsArea.Inbox(c).ListFeedAsync(
                new ListFeedRequest { Page = new Marketplace.Shared.Contracts.V1.PageRequest { First = 1 } }, cancellationToken: c.CancellationToken)).UnreadCount);
    }
}
