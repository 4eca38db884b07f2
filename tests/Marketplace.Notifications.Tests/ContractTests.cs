using Grpc.Core;
using Marketplace.Modules.Notifications.Contracts;
using Marketplace.Modules.Notifications.Contracts.V1;
using Marketplace.Modules.Users.Contracts.Events;
using Marketplace.Notifications.Tests.Support;
using Marketplace.Shared.Contracts;
using Marketplace.Testing;
using PageRequest = Marketplace.Shared.Contracts.V1.PageRequest;

namespace Marketplace.Notifications.Tests;

/// <summary>
/// The three contracts called directly, as another module or a second gateway would: who may call each (the common
/// caller codes), one InvalidArgument with a field violation per fault, NotFound for ids that name nothing of yours,
/// timestamps in the common format, and settings changed concurrently.
/// </summary>
[Collection(NotificationsCollection.Name)]
public sealed class ContractTests(NotificationsHost host)
{
    private static Caller Buyer(Guid id) => Caller.User(id.ToString(), [Roles.Buyer]);

    private static async Task<RpcException> RefusedAsync(Caller caller, Func<Task> call)
    {
        var act = () => NotificationsHost.AsAsync(caller, async () =>
        {
            await call();
            return true;
        });
        return (await act.Should().ThrowAsync<RpcException>()).Which;
    }

    [Fact]
    public async Task The_inbox_and_the_settings_are_for_signed_in_users_only()
    {
        var calls = new Func<Task>[]
        {
            async () => await host.Inbox.ListFeedAsync(new ListFeedRequest()),
            async () => await host.Inbox.MarkFeedReadAsync(new MarkFeedReadRequest { All = true }),
            async () => await host.Inbox.GetFeedItemAsync(new GetFeedItemRequest { Id = Guid.CreateVersion7().ToString() }),
            async () => await host.Settings.GetPreferencesAsync(new GetPreferencesRequest()),
            async () => await host.Settings.UpdatePreferencesAsync(new UpdatePreferencesRequest()),
            async () => await host.Settings.RegisterDeviceTokenAsync(new RegisterDeviceTokenRequest { DeviceId = "d", Platform = "WEB", Token = "t" }),
            async () => await host.Settings.UnregisterDeviceTokenAsync(new UnregisterDeviceTokenRequest { DeviceId = "d" }),
        };

        foreach (var caller in new[] { Caller.Anonymous, Caller.Service("Users") })
        {
            foreach (var call in calls)
            {
                var error = await RefusedAsync(caller, call);
                error.StatusCode.Should().Be(StatusCode.Unauthenticated);
                error.Reason().Should().Be(CommonErrorCodes.SignInRequired);
            }
        }
    }

    [Fact]
    public async Task The_delivery_log_is_for_administrators_and_modules()
    {
        var buyer = await RefusedAsync(Buyer(Guid.CreateVersion7()), async () => await host.Delivery.ListDeliveriesAsync(new ListDeliveriesRequest()));
        var anonymous = await RefusedAsync(Caller.Anonymous, async () => await host.Delivery.GetDeliveryAsync(new GetDeliveryRequest { Id = Guid.CreateVersion7().ToString() }));
        var module = await NotificationsHost.AsAsync(Caller.Service("Ordering"), async () => await host.Delivery.ListDeliveriesAsync(new ListDeliveriesRequest { Page = new PageRequest { First = 1 } }));
        var unknown = await RefusedAsync(Caller.User(Guid.CreateVersion7().ToString(), [Roles.Admin]), async () => await host.Delivery.GetDeliveryAsync(new GetDeliveryRequest { Id = "not-an-id" }));

        (buyer.StatusCode, buyer.Reason()).Should().Be((StatusCode.PermissionDenied, CommonErrorCodes.AdminsOnly));
        (anonymous.StatusCode, anonymous.Reason()).Should().Be((StatusCode.Unauthenticated, CommonErrorCodes.SignInRequired));
        module.Entries.Count.Should().BeLessThanOrEqualTo(1);
        (unknown.StatusCode, unknown.Reason()).Should().Be((StatusCode.NotFound, NotificationsErrorCodes.DeliveryNotFound));
    }

    [Fact]
    public async Task ListDeliveries_names_each_invalid_filter()
    {
        var error = await RefusedAsync(Caller.Service("Ordering"), async () => await host.Delivery.ListDeliveriesAsync(new ListDeliveriesRequest
        {
            State = "LOST",
            NotificationId = "not-an-id",
            Page = new PageRequest { After = "not-a-key" },
        }));

        error.StatusCode.Should().Be(StatusCode.InvalidArgument);
        error.FieldViolations().Select(v => (v.Field, v.Code)).Should().BeEquivalentTo(new[]
        {
            ("state", NotificationsErrorCodes.InvalidState),
            ("notificationId", CommonErrorCodes.InvalidId),
            ("after", CommonErrorCodes.InvalidCursor),
        });
    }

    [Fact]
    public async Task A_feed_item_is_found_only_in_its_recipients_feed_and_carries_microsecond_UTC_times()
    {
        var owner = Guid.CreateVersion7();
        await host.PublishAsync(new SellerEmailVerified(owner, NotificationsHost.UniqueEmail("item"), "Item Shop", DateTimeOffset.UtcNow), Guid.CreateVersion7());
        var feed = await NotificationsHost.UntilAsync(
            () => NotificationsHost.AsAsync(Buyer(owner), async () => await host.Inbox.ListFeedAsync(new ListFeedRequest())),
            f => f.Items.Count == 1,
            "the welcome in the feed");
        var item = feed.Items[0];

        var mine = await NotificationsHost.AsAsync(Buyer(owner), async () => await host.Inbox.GetFeedItemAsync(new GetFeedItemRequest { Id = item.Id }));
        var theirs = await RefusedAsync(Buyer(Guid.CreateVersion7()), async () => await host.Inbox.GetFeedItemAsync(new GetFeedItemRequest { Id = item.Id }));
        var malformed = await RefusedAsync(Buyer(owner), async () => await host.Inbox.GetFeedItemAsync(new GetFeedItemRequest { Id = "nope" }));

        mine.Should().Be(item);
        item.Key.Should().Be(item.Id);
        item.CreatedAt.Should().MatchRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$");
        item.ReadAt.Should().BeEmpty();
        feed.PageInfo.HasNextPage.Should().BeFalse();
        (theirs.StatusCode, theirs.Reason()).Should().Be((StatusCode.NotFound, NotificationsErrorCodes.NotificationNotFound));
        (malformed.StatusCode, malformed.Reason()).Should().Be((StatusCode.NotFound, NotificationsErrorCodes.NotificationNotFound));
    }

    [Fact]
    public async Task UpdatePreferences_names_each_invalid_entry_and_changes_nothing()
    {
        var user = Guid.CreateVersion7();
        var error = await RefusedAsync(Buyer(user), async () => await host.Settings.UpdatePreferencesAsync(new UpdatePreferencesRequest
        {
            Preferences =
            {
                new Preference { Channel = "PUSH", Category = "MARKETING", Enabled = true },
                new Preference { Channel = "FAX", Category = "ORDERS", Enabled = true },
                new Preference { Channel = "EMAIL", Category = "GOSSIP", Enabled = true },
                new Preference { Channel = "EMAIL", Category = "ACCOUNT", Enabled = false },
            },
        }));

        error.Reason().Should().Be(CommonErrorCodes.InvalidInput);
        error.FieldViolations().Select(v => (v.Field, v.Code)).Should().BeEquivalentTo(new[]
        {
            ("preferences.1.channel", NotificationsErrorCodes.InvalidChannel),
            ("preferences.2.category", NotificationsErrorCodes.InvalidCategory),
            ("preferences.3.enabled", NotificationsErrorCodes.Locked),
        });
        (await host.CountAsync("SELECT count(*) FROM notifications.preferences WHERE user_id = @u", ("u", user))).Should().Be(0, "the valid entry is not applied either");
    }

    [Fact]
    public async Task RegisterDeviceToken_names_each_invalid_field()
    {
        var error = await RefusedAsync(Buyer(Guid.CreateVersion7()), async () => await host.Settings.RegisterDeviceTokenAsync(new RegisterDeviceTokenRequest
        {
            DeviceId = new string('d', 201),
            Platform = "SYMBIAN",
            Token = " ",
        }));

        error.FieldViolations().Select(v => (v.Field, v.Code)).Should().BeEquivalentTo(new[]
        {
            ("deviceId", CommonErrorCodes.TooLong),
            ("platform", NotificationsErrorCodes.InvalidPlatform),
            ("token", CommonErrorCodes.Required),
        });
    }

    [Fact]
    public async Task Many_concurrent_changes_of_one_users_settings_all_succeed_and_leave_one_row_per_setting()
    {
        var user = Guid.CreateVersion7();
        var requests = Enumerable.Range(0, 16).Select(i => new UpdatePreferencesRequest
        {
            Preferences =
            {
                new Preference { Channel = "EMAIL", Category = "ORDERS", Enabled = i % 2 == 0 },
                new Preference { Channel = "PUSH", Category = "MARKETING", Enabled = true },
            },
        });

        var answers = await Task.WhenAll(requests.Select(r => NotificationsHost.AsAsync(Buyer(user), async () => await host.Settings.UpdatePreferencesAsync(r))));

        answers.Should().OnlyContain(a => a.Preferences.Count == 12);
        (await host.CountAsync("SELECT count(*) FROM notifications.preferences WHERE user_id = @u", ("u", user))).Should().Be(2);
        var settled = await NotificationsHost.AsAsync(Buyer(user), async () => await host.Settings.GetPreferencesAsync(new GetPreferencesRequest()));
        settled.Preferences.Single(p => p is { Channel: "PUSH", Category: "MARKETING" }).Enabled.Should().BeTrue();
    }
}
