using GraphQL;
using GraphQL.Types;
using Marketplace.Gateway.Auth;
using Marketplace.Gateway.Relay;
using Marketplace.Gateway.Schema;
using Marketplace.Modules.Notifications.Contracts.V1;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Notifications;

/// <summary><c>notificationPreferences</c> (the viewer's own) and <c>notificationDeliveries</c> (administrators).</summary>
internal sealed class NotificationQueries : ISchemaContribution
{
    public void ConfigureQuery(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<NotificationPreferenceType>>>>("notificationPreferences")
            .Description("Your choice for every channel and category (3 × 4 entries): ACCOUNT is always on; MARKETING is off until you opt in; the rest is on until you switch it off.")
            .RequireSignedIn()
            .ResolveAsync(async c => (await NotificationsArea.Settings(c).GetPreferencesAsync(new GetPreferencesRequest(), cancellationToken: c.CancellationToken)).Preferences.ToList());

        query.Field<NonNullGraphType<ConnectionType<NotificationDeliveryType, DeliveryLogEntry>>>("notificationDeliveries")
            .Description("Administrators: the delivery log, newest first (queued, sent, failed with reason, attempts). totalCount is null.")
            .Argument<NotificationDeliveryStateType>("state", "Only deliveries in this state.")
            .Argument<IdGraphType>("notificationId", "Only the deliveries of this notification (a Notification's global id).")
            .PageArguments()
            .RequireRoles(Roles.Admin)
            .ResolveAsync(async c =>
            {
                var notificationId = c.GetIdArgument("notificationId", NotificationsArea.NotificationTypeName);
                var page = c.GetPageRequest();
                var request = new ListDeliveriesRequest { Page = page.ToContract(), State = c.GetArgument<string?>("state") ?? "", NotificationId = notificationId ?? "" };
                var response = await NotificationsArea.Delivery(c).ListDeliveriesAsync(request, cancellationToken: c.CancellationToken);
                return Connection<DeliveryLogEntry>.From(response.Entries, response.PageInfo.HasNextPage, page, e => e.Key);
            });
    }
}
