using System.Text.Json.Nodes;
using Marketplace.Modules.Users.Contracts.Events;
using Marketplace.Notifications.Tests.Support;
using Marketplace.Testing;
using Marketplace.Testing.Stores;

namespace Marketplace.Notifications.Tests;

[Collection(NotificationsCollection.Name)]
public sealed class GraphQLTests(NotificationsHost host)
{
    private const string Feed = "{ viewer { unreadNotificationsCount notifications(first: 10) { totalCount nodes { id kind title readAt } } } }";
    private const string MarkRead = "mutation($ids: [ID!]) { notificationsMarkRead(input: { ids: $ids }) { markedCount unreadCount userErrors { code } } }";

    private async Task<(Guid UserId, string Token)> SellerWithWelcomeAsync(TestSigningKey tokens)
    {
        var sellerId = Guid.CreateVersion7();
        var eventId = Guid.CreateVersion7();
        await host.PublishAsync(new SellerEmailVerified(sellerId, NotificationsHost.UniqueEmail("gql"), "Owner", DateTimeOffset.UtcNow), eventId);
        var token = tokens.Issue(sellerId, "SELLER");
        using var client = host.Factory.CreateClient();
        await NotificationsHost.UntilAsync(() => client.SendAsync(Feed, token: token), b => b["data"]?["viewer"]?["unreadNotificationsCount"]?.GetValue<int>() == 1, "welcome in the feed");
        return (sellerId, token);
    }

    [Fact]
    public async Task Nobody_can_read_or_mark_another_users_notifications()
    {
        var tokens = await TestSigningKey.CreateAsync(host.Database);
        var (_, ownerToken) = await SellerWithWelcomeAsync(tokens);
        var strangerToken = tokens.Issue(Guid.CreateVersion7(), "SELLER", "BUYER");
        using var client = host.Factory.CreateClient();
        var ownerFeed = await client.SendAsync(Feed, token: ownerToken);
        var notificationId = ownerFeed["data"]!["viewer"]!["notifications"]!["nodes"]![0]!["id"]!.GetValue<string>();

        var strangerFeed = await client.SendAsync(Feed, token: strangerToken);
        var strangerMark = await client.SendAsync(MarkRead, new { ids = new[] { notificationId } }, strangerToken);
        var anonymous = await client.SendAsync(MarkRead, new { ids = new[] { notificationId } });

        strangerFeed["data"]!["viewer"]!["notifications"]!["totalCount"]!.GetValue<int>().Should().Be(0);
        strangerMark["data"]!["notificationsMarkRead"]!["markedCount"]!.GetValue<int>().Should().Be(0);
        anonymous.ErrorCodes().Should().Equal("UNAUTHENTICATED");
        (await client.SendAsync(Feed, token: ownerToken))["data"]!["viewer"]!["unreadNotificationsCount"]!.GetValue<int>().Should().Be(1, "still unread for its owner");

        var ownerMark = await client.SendAsync(MarkRead, new { ids = new[] { notificationId } }, ownerToken);
        ownerMark["data"]!["notificationsMarkRead"]!["markedCount"]!.GetValue<int>().Should().Be(1);
        ownerMark["data"]!["notificationsMarkRead"]!["unreadCount"]!.GetValue<int>().Should().Be(0);
        (await client.SendAsync(Feed, token: ownerToken))["data"]!["viewer"]!["notifications"]!["nodes"]![0]!["readAt"].Should().NotBeNull();
    }

    [Fact]
    public async Task Preferences_default_to_marketing_off_and_account_locked_on()
    {
        var tokens = await TestSigningKey.CreateAsync(host.Database);
        var token = tokens.Issue(Guid.CreateVersion7(), "BUYER");
        using var client = host.Factory.CreateClient();

        var defaults = await client.SendAsync("{ notificationPreferences { channel category enabled locked } }", token: token);
        var refused = await client.SendAsync(
            "mutation { notificationPreferencesUpdate(input: { preferences: [{ channel: EMAIL, category: ACCOUNT, enabled: false }] }) { userErrors { field code } } }", token: token);
        var optIn = await client.SendAsync(
            "mutation { notificationPreferencesUpdate(input: { preferences: [{ channel: PUSH, category: MARKETING, enabled: true }, { channel: EMAIL, category: ORDERS, enabled: false }] }) { preferences { channel category enabled } userErrors { code } } }", token: token);

        var all = defaults["data"]!["notificationPreferences"]!.AsArray();
        all.Should().HaveCount(12);
        Enabled(all, "EMAIL", "MARKETING").Should().BeFalse();
        Enabled(all, "PUSH", "ORDERS").Should().BeTrue();
        all.Single(p => p!["channel"]!.GetValue<string>() == "EMAIL" && p["category"]!.GetValue<string>() == "ACCOUNT")!["locked"]!.GetValue<bool>().Should().BeTrue();
        refused["data"]!["notificationPreferencesUpdate"]!["userErrors"]![0]!["code"]!.GetValue<string>().Should().Be("LOCKED");
        // The field path names the entry (issue 13: "preferences.0.enabled", was "preferences[0].enabled").
        refused["data"]!["notificationPreferencesUpdate"]!["userErrors"]![0]!["field"]!.AsArray().Select(f => f!.GetValue<string>())
            .Should().Equal("input", "preferences", "0", "enabled");
        var updated = optIn["data"]!["notificationPreferencesUpdate"]!["preferences"]!.AsArray();
        Enabled(updated, "PUSH", "MARKETING").Should().BeTrue();
        Enabled(updated, "EMAIL", "ORDERS").Should().BeFalse();
    }

    [Fact]
    public async Task The_delivery_log_is_for_administrators_only()
    {
        var tokens = await TestSigningKey.CreateAsync(host.Database);
        await SellerWithWelcomeAsync(tokens);
        using var client = host.Factory.CreateClient();
        const string Log = "{ notificationDeliveries(first: 5) { nodes { channel template state attempts lastError } } }";

        var seller = await client.SendAsync(Log, token: tokens.Issue(Guid.CreateVersion7(), "SELLER"));
        var admin = await client.SendAsync(Log, token: tokens.Issue(Guid.CreateVersion7(), "ADMIN"));

        seller.ErrorCodes().Should().Equal("FORBIDDEN");
        admin["data"]!["notificationDeliveries"]!["nodes"]!.AsArray().Should().NotBeEmpty();
    }

    [Fact]
    public async Task Device_tokens_are_registered_and_unregistered_per_device()
    {
        var tokens = await TestSigningKey.CreateAsync(host.Database);
        var userId = Guid.CreateVersion7();
        var token = tokens.Issue(userId, "BUYER");
        using var client = host.Factory.CreateClient();
        var deviceId = "device-" + Guid.NewGuid();

        var registered = await client.SendAsync(
            "mutation($d: String!) { deviceTokenRegister(input: { deviceId: $d, platform: ANDROID, token: \"fcm-token-1\" }) { deviceToken { deviceId platform active } userErrors { code } } }",
            new { d = deviceId }, token);
        var invalid = await client.SendAsync(
            "mutation { deviceTokenRegister(input: { deviceId: \"\", platform: IOS, token: \"\" }) { deviceToken { deviceId } userErrors { field code } } }", token: token);
        var removed = await client.SendAsync("mutation($d: String!) { deviceTokenUnregister(input: { deviceId: $d }) { removed } }", new { d = deviceId }, token);

        registered["data"]!["deviceTokenRegister"]!["deviceToken"]!["active"]!.GetValue<bool>().Should().BeTrue();
        invalid["data"]!["deviceTokenRegister"]!["userErrors"]!.AsArray().Select(e => (e!["field"]!.AsArray()[1]!.GetValue<string>(), e["code"]!.GetValue<string>()))
            .Should().BeEquivalentTo([("deviceId", "REQUIRED"), ("token", "REQUIRED")]);
        removed["data"]!["deviceTokenUnregister"]!["removed"]!.GetValue<bool>().Should().BeTrue();
        (await host.CountAsync("SELECT count(*) FROM notifications.device_tokens WHERE user_id = @u", ("u", userId))).Should().Be(0);
    }

    private static bool Enabled(JsonArray preferences, string channel, string category) =>
        preferences.Single(p => p!["channel"]!.GetValue<string>() == channel && p["category"]!.GetValue<string>() == category)!["enabled"]!.GetValue<bool>();
}
