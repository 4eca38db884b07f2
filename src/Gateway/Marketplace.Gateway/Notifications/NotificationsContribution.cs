using System.Globalization;
using GraphQL;
using GraphQL.Types;
using Grpc.Core;
using Marketplace.Gateway.Auth;
using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.Errors;
using Marketplace.Gateway.Relay;
using Marketplace.Gateway.Schema;
using Marketplace.Gateway.Users;
using Marketplace.Modules.Notifications.Contracts.V1;
using Marketplace.Shared.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Gateway.Notifications;

/// <summary>
/// Notifications: the viewer's feed (<c>viewer.notifications</c>, live <c>notificationReceived</c>), preferences,
/// device tokens, and the delivery log for administrators. The module authorizes again from the caller in the call
/// metadata: a user only ever reaches their own rows.
/// </summary>
internal sealed class NotificationsContribution : ISchemaContribution, IViewerExtension
{
    public const string NodeType = "Notification";

    public void ConfigureViewer(ObjectGraphType<ViewerSource> viewer)
    {
        viewer.Field<NonNullGraphType<ConnectionType<NotificationType, FeedItem>>>("notifications")
            .Description("The viewer's in-app notifications, newest first.")
            .PageArguments()
            .RequireSignedIn()
            .ResolveAsync(async c =>
            {
                var page = c.GetPageRequest();
                var response = await Contract(c).ListFeedAsync(new ListFeedRequest { First = page.First, After = page.AfterKey ?? "" }, cancellationToken: c.CancellationToken);
                var items = response.Items.ToList();
                if (response.HasNextPage)
                    items.Add(new FeedItem()); // FromSlice reads "first + 1 items" as "there is a next page"
                return Connection<FeedItem>.FromSlice(items, page, i => i.Id, response.TotalCount);
            });
        viewer.Field<NonNullGraphType<IntGraphType>>("unreadNotificationsCount")
            .Description("How many of the viewer's in-app notifications are unread.")
            .RequireSignedIn()
            .ResolveAsync(async c => (await Contract(c).ListFeedAsync(new ListFeedRequest { First = 1 }, cancellationToken: c.CancellationToken)).UnreadCount);
    }

    public void ConfigureQuery(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<NotificationPreferenceType>>>>("notificationPreferences")
            .Description("The viewer's choice per channel and category (ACCOUNT is always on; MARKETING is off until opted in).")
            .RequireSignedIn()
            .ResolveAsync(async c => (await Contract(c).GetPreferencesAsync(new GetPreferencesRequest(), cancellationToken: c.CancellationToken)).Preferences.ToList());

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<NotificationDeliveryType>>>>("notificationDeliveries")
            .Description("Administrators: the delivery log, newest first (queued, sent, failed with reason, attempts).")
            .Argument<IntGraphType>("first", "At most 100; 50 when omitted.")
            .Argument<NotificationDeliveryStateType>("state", "Only deliveries in this state.")
            .RequireRoles(Roles.Admin)
            .ResolveAsync(async c => (await Contract(c).ListDeliveriesAsync(
                new ListDeliveriesRequest { First = c.GetArgument<int?>("first") ?? 50, State = c.GetArgument<string?>("state") ?? "" },
                cancellationToken: c.CancellationToken)).Entries.ToList());
    }

    public void ConfigureMutation(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<NotificationPreferencesUpdatePayloadType>>("notificationPreferencesUpdate")
            .Argument<NonNullGraphType<NotificationPreferencesUpdateInputType>>("input")
            .RequireSignedIn()
            .ResolveAsync(async c => await UserErrors.CatchAsync(
                async () =>
                {
                    var request = new UpdatePreferencesRequest();
                    request.Preferences.AddRange(Preferences(c));
                    var response = await Contract(c).UpdatePreferencesAsync(request, cancellationToken: c.CancellationToken);
                    return new PreferencesPayload(response.Preferences.ToList(), []);
                },
                errors => new PreferencesPayload(null, errors)));

        mutation.Field<NonNullGraphType<DeviceTokenRegisterPayloadType>>("deviceTokenRegister")
            .Description("Registers (or refreshes) the push token of one of the viewer's devices.")
            .Argument<NonNullGraphType<DeviceTokenRegisterInputType>>("input")
            .RequireSignedIn()
            .ResolveAsync(async c => await UserErrors.CatchAsync(
                async () =>
                {
                    var input = c.GetArgument<Dictionary<string, object?>>("input");
                    var response = await Contract(c).RegisterDeviceTokenAsync(
                        new RegisterDeviceTokenRequest { DeviceId = (string)input["deviceId"]!, Platform = (string)input["platform"]!, Token = (string)input["token"]! },
                        cancellationToken: c.CancellationToken);
                    return new DeviceTokenPayload(response, []);
                },
                errors => new DeviceTokenPayload(null, errors)));

        mutation.Field<NonNullGraphType<DeviceTokenUnregisterPayloadType>>("deviceTokenUnregister")
            .Description("Forgets the push token of one of the viewer's devices (e.g. on sign-out).")
            .Argument<NonNullGraphType<DeviceTokenUnregisterInputType>>("input")
            .RequireSignedIn()
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<Dictionary<string, object?>>("input");
                var response = await Contract(c).UnregisterDeviceTokenAsync(new UnregisterDeviceTokenRequest { DeviceId = (string)input["deviceId"]! }, cancellationToken: c.CancellationToken);
                return new UnregisterPayload(response.Removed, []);
            });

        mutation.Field<NonNullGraphType<NotificationsMarkReadPayloadType>>("notificationsMarkRead")
            .Description("Marks some (ids) or all of the viewer's notifications read. Ids that are not the viewer's are ignored.")
            .Argument<NonNullGraphType<NotificationsMarkReadInputType>>("input")
            .RequireSignedIn()
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<Dictionary<string, object?>>("input");
                var request = new MarkFeedReadRequest { All = input.GetValueOrDefault("all") as bool? ?? false };
                foreach (var id in (input.GetValueOrDefault("ids") as IEnumerable<object?> ?? []).OfType<string>())
                {
                    if (!GlobalId.TryDecode(id, out var type, out var localId) || type != NodeType)
                        return new MarkReadPayload(0, 0, [new UserError(["input", "ids"], "INVALID_ID", "Not a notification id.")]);
                    request.Ids.Add(localId);
                }

                var response = await Contract(c).MarkFeedReadAsync(request, cancellationToken: c.CancellationToken);
                return new MarkReadPayload(response.Marked, response.UnreadCount, []);
            });
    }

    public void ConfigureSubscription(ObjectGraphType subscription) =>
        subscription.Field<NonNullGraphType<NotificationType>>("notificationReceived")
            .Description("The viewer's new in-app notifications as they arrive (from any server instance).")
            .RequireSignedIn()
            .ResolveStream(c =>
            {
                // Started here, while the caller is ambient, so the call's metadata names them.
                var call = Contract(c).WatchFeed(new WatchFeedRequest());
                return new StreamObservable<FeedItem>(call);
            });

    public IEnumerable<Type> AdditionalTypes => [];

    // Resolved per request, so building the schema needs no contract channel.
    private static NotificationsUserContract.NotificationsUserContractClient Contract(IResolveFieldContext c) =>
        c.RequestServices!.GetRequiredService<NotificationsUserContract.NotificationsUserContractClient>();

    private static IEnumerable<Preference> Preferences(IResolveFieldContext c)
    {
        var input = c.GetArgument<Dictionary<string, object?>>("input");
        foreach (var item in (input["preferences"] as IEnumerable<object?> ?? []).OfType<Dictionary<string, object?>>())
            yield return new Preference { Channel = (string)item["channel"]!, Category = (string)item["category"]!, Enabled = (bool)item["enabled"]! };
    }
}

internal sealed record PreferencesPayload(IReadOnlyList<Preference>? Preferences, IReadOnlyList<UserError> UserErrors);

internal sealed record DeviceTokenPayload(DeviceTokenResponse? DeviceToken, IReadOnlyList<UserError> UserErrors);

internal sealed record UnregisterPayload(bool Removed, IReadOnlyList<UserError> UserErrors);

internal sealed record MarkReadPayload(int MarkedCount, int UnreadCount, IReadOnlyList<UserError> UserErrors);

/// <summary>A server-streaming contract call as the observable a GraphQL subscription needs; disposing cancels the call.</summary>
internal sealed class StreamObservable<T>(AsyncServerStreamingCall<T> call) : IObservable<object?>
{
    public IDisposable Subscribe(IObserver<object?> observer)
    {
        var stop = new CancellationTokenSource();
        _ = Task.Run(async () =>
        {
            try
            {
                while (await call.ResponseStream.MoveNext(stop.Token))
                    observer.OnNext(call.ResponseStream.Current);
                observer.OnCompleted();
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                // The subscriber left.
            }
            catch (RpcException exception)
            {
                observer.OnError(exception);
            }
        });
        return new Stop(stop, call);
    }

    private sealed class Stop(CancellationTokenSource stop, IDisposable call) : IDisposable
    {
        public void Dispose()
        {
            stop.Cancel();
            call.Dispose();
            stop.Dispose();
        }
    }
}

internal sealed class NotificationType : ObjectGraphType<FeedItem>
{
    public NotificationType()
    {
        Name = "Notification";
        Description = "One in-app notification of the viewer.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(NotificationsContribution.NodeType, c.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("kind").Description("What it is about, e.g. seller_welcome.").Resolve(c => c.Source.Template);
        Field<NonNullGraphType<NotificationCategoryType>>("category").Resolve(c => c.Source.Category);
        Field<NonNullGraphType<StringGraphType>>("title").Resolve(c => c.Source.Title);
        Field<NonNullGraphType<StringGraphType>>("body").Resolve(c => c.Source.Body);
        Field<NonNullGraphType<UtcDateTimeGraphType>>("createdAt").Resolve(c => ParseTime(c.Source.CreatedAt));
        Field<UtcDateTimeGraphType>("readAt").Resolve(c => string.IsNullOrEmpty(c.Source.ReadAt) ? null : ParseTime(c.Source.ReadAt));
    }

    internal static DateTimeOffset ParseTime(string value) => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}

internal sealed class NotificationChannelType : EnumerationGraphType
{
    public NotificationChannelType()
    {
        Name = "NotificationChannel";
        Add("EMAIL", "EMAIL");
        Add("PUSH", "PUSH");
        Add("IN_APP", "IN_APP");
    }
}

internal sealed class NotificationCategoryType : EnumerationGraphType
{
    public NotificationCategoryType()
    {
        Name = "NotificationCategory";
        Add("ACCOUNT", "ACCOUNT", "Account and security: always sent.");
        Add("ORDERS", "ORDERS");
        Add("FOLLOWED_STORES", "FOLLOWED_STORES");
        Add("MARKETING", "MARKETING", "Off until opted in.");
    }
}

internal sealed class NotificationDeliveryStateType : EnumerationGraphType
{
    public NotificationDeliveryStateType()
    {
        Name = "NotificationDeliveryState";
        foreach (var state in new[] { "QUEUED", "SENDING", "RETRYING", "SENT", "FAILED" })
            Add(state, state);
    }
}

internal sealed class NotificationPreferenceType : ObjectGraphType<Preference>
{
    public NotificationPreferenceType()
    {
        Name = "NotificationPreference";
        Field<NonNullGraphType<NotificationChannelType>>("channel").Resolve(c => c.Source.Channel);
        Field<NonNullGraphType<NotificationCategoryType>>("category").Resolve(c => c.Source.Category);
        Field<NonNullGraphType<BooleanGraphType>>("enabled").Resolve(c => c.Source.Enabled);
        Field<NonNullGraphType<BooleanGraphType>>("locked").Description("True when it cannot be switched off.").Resolve(c => c.Source.Locked);
    }
}

internal sealed class NotificationDeliveryType : ObjectGraphType<DeliveryLogEntry>
{
    public NotificationDeliveryType()
    {
        Name = "NotificationDelivery";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<IdGraphType>>("notificationId").Resolve(c => c.Source.NotificationId);
        Field<NonNullGraphType<NotificationChannelType>>("channel").Resolve(c => c.Source.Channel);
        Field<NonNullGraphType<StringGraphType>>("template").Resolve(c => c.Source.Template);
        Field<NonNullGraphType<NotificationDeliveryStateType>>("state").Resolve(c => c.Source.State);
        Field<NonNullGraphType<IntGraphType>>("attempts").Resolve(c => c.Source.Attempts);
        Field<StringGraphType>("lastError").Resolve(c => string.IsNullOrEmpty(c.Source.LastError) ? null : c.Source.LastError);
        Field<NonNullGraphType<UtcDateTimeGraphType>>("createdAt").Resolve(c => NotificationType.ParseTime(c.Source.CreatedAt));
        Field<NonNullGraphType<UtcDateTimeGraphType>>("updatedAt").Resolve(c => NotificationType.ParseTime(c.Source.UpdatedAt));
    }
}

internal sealed class NotificationPreferenceInputType : InputObjectGraphType
{
    public NotificationPreferenceInputType()
    {
        Name = "NotificationPreferenceInput";
        Field<NonNullGraphType<NotificationChannelType>>("channel");
        Field<NonNullGraphType<NotificationCategoryType>>("category");
        Field<NonNullGraphType<BooleanGraphType>>("enabled");
    }
}

internal sealed class NotificationPreferencesUpdateInputType : InputObjectGraphType
{
    public NotificationPreferencesUpdateInputType()
    {
        Name = "NotificationPreferencesUpdateInput";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NotificationPreferenceInputType>>>>("preferences");
    }
}

internal sealed class NotificationPreferencesUpdatePayloadType : ObjectGraphType<PreferencesPayload>
{
    public NotificationPreferencesUpdatePayloadType()
    {
        Name = "NotificationPreferencesUpdatePayload";
        Field<ListGraphType<NonNullGraphType<NotificationPreferenceType>>>("preferences").Resolve(c => c.Source.Preferences);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("userErrors").Resolve(c => c.Source.UserErrors);
    }
}

internal sealed class DeviceTokenType : ObjectGraphType<DeviceTokenResponse>
{
    public DeviceTokenType()
    {
        Name = "DeviceToken";
        Field<NonNullGraphType<StringGraphType>>("deviceId").Resolve(c => c.Source.DeviceId);
        Field<NonNullGraphType<DevicePlatformType>>("platform").Resolve(c => c.Source.Platform);
        Field<NonNullGraphType<BooleanGraphType>>("active").Resolve(c => c.Source.Active);
    }
}

internal sealed class DevicePlatformType : EnumerationGraphType
{
    public DevicePlatformType()
    {
        Name = "DevicePlatform";
        Add("ANDROID", "ANDROID");
        Add("IOS", "IOS");
        Add("WEB", "WEB");
    }
}

internal sealed class DeviceTokenRegisterInputType : InputObjectGraphType
{
    public DeviceTokenRegisterInputType()
    {
        Name = "DeviceTokenRegisterInput";
        Field<NonNullGraphType<StringGraphType>>("deviceId").Description("The app installation's stable id.");
        Field<NonNullGraphType<DevicePlatformType>>("platform");
        Field<NonNullGraphType<StringGraphType>>("token").Description("The FCM registration token.");
    }
}

internal sealed class DeviceTokenRegisterPayloadType : ObjectGraphType<DeviceTokenPayload>
{
    public DeviceTokenRegisterPayloadType()
    {
        Name = "DeviceTokenRegisterPayload";
        Field<DeviceTokenType>("deviceToken").Resolve(c => c.Source.DeviceToken);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("userErrors").Resolve(c => c.Source.UserErrors);
    }
}

internal sealed class DeviceTokenUnregisterInputType : InputObjectGraphType
{
    public DeviceTokenUnregisterInputType()
    {
        Name = "DeviceTokenUnregisterInput";
        Field<NonNullGraphType<StringGraphType>>("deviceId");
    }
}

internal sealed class DeviceTokenUnregisterPayloadType : ObjectGraphType<UnregisterPayload>
{
    public DeviceTokenUnregisterPayloadType()
    {
        Name = "DeviceTokenUnregisterPayload";
        Field<NonNullGraphType<BooleanGraphType>>("removed").Resolve(c => c.Source.Removed);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("userErrors").Resolve(c => c.Source.UserErrors);
    }
}

internal sealed class NotificationsMarkReadInputType : InputObjectGraphType
{
    public NotificationsMarkReadInputType()
    {
        Name = "NotificationsMarkReadInput";
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("ids");
        Field<BooleanGraphType>("all").Description("Mark every notification read.");
    }
}

internal sealed class NotificationsMarkReadPayloadType : ObjectGraphType<MarkReadPayload>
{
    public NotificationsMarkReadPayloadType()
    {
        Name = "NotificationsMarkReadPayload";
        Field<NonNullGraphType<IntGraphType>>("markedCount").Resolve(c => c.Source.MarkedCount);
        Field<NonNullGraphType<IntGraphType>>("unreadCount").Resolve(c => c.Source.UnreadCount);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("userErrors").Resolve(c => c.Source.UserErrors);
    }
}
