using GraphQL.Types;
using Marketplace.Gateway.Auth;
using Marketplace.Gateway.Schema;
using Marketplace.Modules.Notifications.Contracts.V1;

namespace Marketplace.Gateway.Notifications;

/// <summary><c>notificationReceived</c>: the viewer's new in-app notifications, live.</summary>
internal sealed class NotificationSubscriptions : ISchemaContribution
{
    public void ConfigureSubscription(ObjectGraphType subscription) =>
        subscription.Field<NonNullGraphType<NotificationType>>("notificationReceived")
            .Description("Your new in-app notifications as they arrive (from any server instance). At most once: after a disconnection, read viewer.notifications.")
            .RequireSignedIn()
            .ResolveStream(c =>
            {
                // Started here, while the caller is ambient, so the call's metadata names them.
                var call = NotificationsArea.Inbox(c).WatchFeed(new WatchFeedRequest());
                return new ContractStreamObservable<FeedItem>(call);
            });
}
