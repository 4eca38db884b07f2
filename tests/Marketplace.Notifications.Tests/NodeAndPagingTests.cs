using System.Text;
using Marketplace.Modules.Users.Contracts.Events;
using Marketplace.Notifications.Tests.Support;
using Marketplace.Testing;
using Marketplace.Testing.Stores;

namespace Marketplace.Notifications.Tests;

/// <summary>
/// The area's conventions through GraphQL (issue 13): notifications and delivery log entries are nodes under their query
/// fields' rules, the feed and the log page with opaque cursors and the module's hasNextPage, and ids and cursors that
/// are not this API's are refused naming the field.
/// </summary>
[Collection(NotificationsCollection.Name)]
public sealed class NodeAndPagingTests(NotificationsHost host)
{
    private const string Page = "query($after: String) { viewer { notifications(first: 1, after: $after) { totalCount nodes { id kind createdAt } pageInfo { hasNextPage hasPreviousPage endCursor } } } }";
    private const string NodeQuery = "query($id: ID!) { node(id: $id) { id ... on Notification { kind title } ... on NotificationDelivery { channel state notificationId } } }";

    /// <summary>A user with two feed entries: the seller welcome and (opted in to marketing in-app) the buyer welcome.</summary>
    private async Task<(Guid UserId, string Token, HttpClient Client)> UserWithTwoNotificationsAsync(TestSigningKey tokens)
    {
        var userId = Guid.CreateVersion7();
        var token = tokens.Issue(userId, "SELLER", "BUYER");
        var client = host.Factory.CreateClient();
        var optIn = await client.SendAsync(
            "mutation { notificationPreferencesUpdate(input: { preferences: [{ channel: IN_APP, category: MARKETING, enabled: true }] }) { userErrors { code } } }", token: token);
        optIn.Data("notificationPreferencesUpdate").Codes().Should().BeEmpty();
        await host.PublishAsync(new SellerEmailVerified(userId, NotificationsHost.UniqueEmail("paging"), "Pager", DateTimeOffset.UtcNow), Guid.CreateVersion7());
        await host.PublishAsync(new BuyerRegistered(userId, DateTimeOffset.UtcNow), Guid.CreateVersion7());
        await NotificationsHost.UntilAsync(
            () => client.SendAsync("{ viewer { unreadNotificationsCount } }", token: token),
            b => b["data"]?["viewer"]?["unreadNotificationsCount"]?.GetValue<int>() == 2,
            "both welcomes in the feed");
        return (userId, token, client);
    }

    [Fact]
    public async Task The_feed_pages_with_opaque_cursors_and_the_modules_hasNextPage()
    {
        var tokens = await TestSigningKey.CreateAsync(host.Database);
        var (_, token, client) = await UserWithTwoNotificationsAsync(tokens);

        var first = (await client.SendAsync(Page, new { after = (string?)null }, token)).Data("viewer")["notifications"]!;
        var second = (await client.SendAsync(Page, new { after = first["pageInfo"]!["endCursor"]!.GetValue<string>() }, token)).Data("viewer")["notifications"]!;

        first["totalCount"]!.GetValue<int>().Should().Be(2);
        first["pageInfo"]!["hasNextPage"]!.GetValue<bool>().Should().BeTrue();
        first["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>().Should().BeFalse();
        second["pageInfo"]!["hasNextPage"]!.GetValue<bool>().Should().BeFalse();
        second["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>().Should().BeTrue();
        var nodes = first["nodes"]!.AsArray().Concat(second["nodes"]!.AsArray()).ToList();
        nodes.Select(n => n!["kind"]!.GetValue<string>()).Should().BeEquivalentTo(["buyer_welcome", "seller_welcome"]);
        var times = nodes.Select(n => DateTimeOffset.Parse(n!["createdAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        times[0].Should().BeOnOrAfter(times[1], "newest first");
    }

    [Fact]
    public async Task A_cursor_whose_key_the_module_never_made_is_BAD_USER_INPUT_naming_after()
    {
        var tokens = await TestSigningKey.CreateAsync(host.Database);
        using var client = host.Factory.CreateClient();
        var forged = Convert.ToBase64String(Encoding.UTF8.GetBytes("cursor:not-a-notification-id"));

        var answer = await client.SendAsync(Page, new { after = forged }, tokens.Issue(Guid.CreateVersion7(), "BUYER"));

        answer.ErrorCodes().Should().Equal("BAD_USER_INPUT");
        answer["errors"]![0]!["extensions"]!["fieldViolations"]!.AsArray()
            .Select(v => (v!["field"]!.GetValue<string>(), v["code"]!.GetValue<string>())).Should().Equal(("after", "INVALID_CURSOR"));
    }

    [Fact]
    public async Task A_notification_is_a_node_for_its_recipient_only()
    {
        var tokens = await TestSigningKey.CreateAsync(host.Database);
        var (_, token, client) = await UserWithTwoNotificationsAsync(tokens);
        var listed = (await client.SendAsync(Page, new { after = (string?)null }, token)).Data("viewer")["notifications"]!["nodes"]![0]!;
        var id = listed["id"]!.GetValue<string>();

        var owner = await client.SendAsync(NodeQuery, new { id }, token);
        var stranger = await client.SendAsync(NodeQuery, new { id }, tokens.Issue(Guid.CreateVersion7(), "BUYER"));
        var administrator = await client.SendAsync(NodeQuery, new { id }, tokens.Issue(Guid.CreateVersion7(), "ADMIN"));
        var anonymous = await client.SendAsync(NodeQuery, new { id });

        owner.Data("node")["id"]!.GetValue<string>().Should().Be(id);
        owner.Data("node")["kind"]!.GetValue<string>().Should().Be(listed["kind"]!.GetValue<string>());
        foreach (var refused in new[] { stranger, administrator, anonymous })
        {
            refused["errors"].Should().BeNull(refused.ToJsonString());
            refused["data"]!["node"].Should().BeNull("only the recipient sees a notification");
        }
    }

    [Fact]
    public async Task The_delivery_log_pages_filters_by_notification_and_its_entries_are_nodes_for_administrators_only()
    {
        var tokens = await TestSigningKey.CreateAsync(host.Database);
        var (_, token, client) = await UserWithTwoNotificationsAsync(tokens);
        var feed = (await client.SendAsync("{ viewer { notifications(first: 2) { nodes { id kind } } } }", token: token)).Data("viewer")["notifications"]!["nodes"]!.AsArray();
        var welcomeId = feed.Single(n => n!["kind"]!.GetValue<string>() == "seller_welcome")!["id"]!.GetValue<string>();
        var admin = tokens.Issue(Guid.CreateVersion7(), "ADMIN");
        const string Log = "query($n: ID, $after: String) { notificationDeliveries(notificationId: $n, first: 1, after: $after) { nodes { id notificationId channel } pageInfo { hasNextPage endCursor } } }";

        var first = (await NotificationsHost.UntilAsync(
            () => client.SendAsync(Log, new { n = welcomeId, after = (string?)null }, admin),
            b => b["data"]?["notificationDeliveries"]?["pageInfo"]?["hasNextPage"]?.GetValue<bool>() == true,
            "the welcome's two deliveries logged")).Data("notificationDeliveries");
        var second = (await client.SendAsync(Log, new { n = welcomeId, after = first["pageInfo"]!["endCursor"]!.GetValue<string>() }, admin)).Data("notificationDeliveries");

        var entries = first["nodes"]!.AsArray().Concat(second["nodes"]!.AsArray()).ToList();
        second["pageInfo"]!["hasNextPage"]!.GetValue<bool>().Should().BeFalse();
        entries.Select(e => e!["channel"]!.GetValue<string>()).Should().BeEquivalentTo(["EMAIL", "IN_APP"]);
        entries.Should().OnlyContain(e => e!["notificationId"]!.GetValue<string>() == welcomeId, "notificationId is the notification's global id");

        var deliveryId = entries[0]!["id"]!.GetValue<string>();
        var asAdmin = await client.SendAsync(NodeQuery, new { id = deliveryId }, admin);
        var asRecipient = await client.SendAsync(NodeQuery, new { id = deliveryId }, token);
        asAdmin.Data("node")["id"]!.GetValue<string>().Should().Be(deliveryId);
        asRecipient["errors"].Should().BeNull(asRecipient.ToJsonString());
        asRecipient["data"]!["node"].Should().BeNull("the delivery log is for administrators");
    }

    [Fact]
    public async Task An_id_that_is_not_a_notifications_is_INVALID_ID_on_its_place_in_the_input_and_marks_nothing()
    {
        var tokens = await TestSigningKey.CreateAsync(host.Database);
        var (_, token, client) = await UserWithTwoNotificationsAsync(tokens);
        var realId = (await client.SendAsync(Page, new { after = (string?)null }, token)).Data("viewer")["notifications"]!["nodes"]![0]!["id"]!.GetValue<string>();
        var storeId = Convert.ToBase64String(Encoding.UTF8.GetBytes($"Store:{Guid.CreateVersion7()}"));

        var answer = (await client.SendAsync(
            "mutation($ids: [ID!]) { notificationsMarkRead(input: { ids: $ids }) { markedCount userErrors { field code } } }",
            new { ids = new[] { realId, storeId } },
            token)).Data("notificationsMarkRead");

        answer["markedCount"]!.GetValue<int>().Should().Be(0);
        var error = answer["userErrors"]!.AsArray().Should().ContainSingle().Subject!;
        error["code"]!.GetValue<string>().Should().Be("INVALID_ID");
        error["field"]!.AsArray().Select(f => f!.GetValue<string>()).Should().Equal("input", "ids", "1");
        (await client.SendAsync("{ viewer { unreadNotificationsCount } }", token: token)).Data("viewer")["unreadNotificationsCount"]!.GetValue<int>().Should().Be(2);
    }
}
