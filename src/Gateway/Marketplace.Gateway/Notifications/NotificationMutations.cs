using GraphQL.Types;
using Marketplace.Gateway.Auth;
using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.Relay;
using Marketplace.Gateway.Schema;
using Marketplace.Modules.Notifications.Contracts.V1;

namespace Marketplace.Gateway.Notifications;

/// <summary><c>notificationPreferencesUpdate</c> and <c>notificationsMarkRead</c>: the viewer's own settings and feed.</summary>
internal sealed class NotificationMutations : ISchemaContribution
{
    public void ConfigureMutation(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<NotificationPreferencesUpdatePayloadType>>("notificationPreferencesUpdate")
            .Description("Changes some of your notification preferences, in order (a later entry for the same channel and category wins). "
                + "Switching ACCOUNT off is a LOCKED userError and changes nothing.")
            .Argument<NonNullGraphType<NotificationPreferencesUpdateInputType>>("input", "What to change.")
            .RequireSignedIn()
            .ResolveAsync(async c => await NotificationPreferencesUpdatePayload.RunAsync(async () =>
            {
                var request = new UpdatePreferencesRequest();
                foreach (var preference in c.Input().NestedList("preferences") ?? [])
                    request.Preferences.Add(new Preference { Channel = preference.Text("channel"), Category = preference.Text("category"), Enabled = preference.Flag("enabled") ?? false });
                return (await NotificationsArea.Settings(c).UpdatePreferencesAsync(request, cancellationToken: c.CancellationToken)).Preferences;
            }));

        mutation.Field<NonNullGraphType<NotificationsMarkReadPayloadType>>("notificationsMarkRead")
            .Description("Marks some (ids) or all (all: true) of your notifications read. Ids of notifications that are not yours, or already read, are ignored.")
            .Argument<NonNullGraphType<NotificationsMarkReadInputType>>("input", "What to mark.")
            .RequireSignedIn()
            .ResolveAsync(async c => await NotificationsMarkReadPayload.RunAsync(async () =>
            {
                var input = c.Input();
                var request = new MarkFeedReadRequest { All = input.Flag("all") ?? false };
                var ids = input.Strings("ids") ?? [];
                for (var i = 0; i < ids.Count; i++)
                    request.Ids.Add(GlobalIds.Expect(ids[i], NotificationsArea.NotificationTypeName, $"{input.Path}.ids.{i}"));
                return await NotificationsArea.Inbox(c).MarkFeedReadAsync(request, cancellationToken: c.CancellationToken);
            }));
    }
}
