using System.Text.Json.Nodes;
using Marketplace.Modules.Catalog.Contracts.Events;
using Marketplace.Ordering.Tests.Support;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.Events;
using Microsoft.Extensions.DependencyInjection;
using NATS.Client.Core;
using NATS.Client.JetStream;
using Npgsql;

namespace Marketplace.Ordering.Tests;

/// <summary>
/// Catalog's product_published.v1 → the store's followers (not the others, not the seller), in-app under the
/// FOLLOWED_STORES preference; the products of one window as one notification per follower; once under redelivery.
/// (Here, with the whole marketplace: real stores, follows and products. The window is 5 seconds in these tests.)
/// </summary>
public sealed class FollowedStoreNotificationTests(OrderingApp app)
{
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(180);
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task A_new_product_reaches_the_stores_followers_only_and_respects_their_preference()
    {
        var shop = await app.ShopAsync(name: "Followed Bakery");
        var fan = await app.BuyerAsync();
        var quiet = await app.BuyerAsync();
        var stranger = await app.BuyerAsync();
        foreach (var token in new[] { fan.Token, quiet.Token, shop.SellerToken })
            await FollowAsync(token, shop);
        var preferences = (await _client.SendAsync(
            "mutation($i: NotificationPreferencesUpdateInput!) { notificationPreferencesUpdate(input: $i) { userErrors { code } } }",
            new { i = new { preferences = new[] { new { channel = "IN_APP", category = "FOLLOWED_STORES", enabled = false }, new { channel = "PUSH", category = "FOLLOWED_STORES", enabled = false } } } },
            quiet.Token)).Data("notificationPreferencesUpdate");
        preferences.Codes().Should().BeEmpty();

        await app.ProductAsync(shop, stock: 0, title: "Rye Sourdough");

        var told = await FeedAsync(fan.Token, 1);
        told[0].Text("kind").Should().Be("followed_store_new_product");
        told[0].Text("category").Should().Be("FOLLOWED_STORES");
        told[0].Text("title").Should().Be("Followed Bakery added Rye Sourdough");
        await DigestSentAsync(shop.StoreId);
        (await FeedAsync(quiet.Token, 0)).Should().BeEmpty("the follower switched followed stores off");
        (await FeedAsync(stranger.Token, 0)).Should().BeEmpty("not a follower");
        (await FeedAsync(shop.SellerToken, 0)).Should().BeEmpty("a seller following their own store hears nothing of it");
    }

    [Fact]
    public async Task Ten_products_in_one_window_are_one_notification_per_follower_and_redelivery_adds_nothing()
    {
        var shop = await app.ShopAsync(name: "Busy Bakery");
        var followers = new List<Buyer>();
        for (var i = 0; i < 3; i++)
        {
            var buyer = await app.BuyerAsync();
            await FollowAsync(buyer.Token, shop);
            followers.Add(buyer);
        }

        // Ten drafts, then all published at once (as a bulk import would): ten real product_published.v1 events.
        var drafts = new List<Listing>();
        for (var i = 0; i < 10; i++)
            drafts.Add(await app.ProductAsync(shop, stock: 0, title: $"Pastry {i}", publish: false));
        await Task.WhenAll(drafts.Select(d => app.PublishAsync(shop, d.ProductGlobalId)));

        foreach (var follower in followers)
        {
            var told = (await FeedAsync(follower.Token, 1)).Single();
            told.Text("kind").Should().Be("followed_store_new_products");
            told.Text("title").Should().Be("Busy Bakery added 10 new products");
            told.Text("body").Should().StartWith("Busy Bakery, a store you follow, added 10 new products, among them Pastry ");
        }

        await DigestSentAsync(shop.StoreId);
        // Every event again under new ids (a relay that published twice, past JetStream's duplicate window).
        var copies = new List<Guid>();
        foreach (var payload in await PublishedEventsAsync(shop.StoreId))
        {
            var id = Guid.CreateVersion7();
            await PublishAsync(payload, id);
            copies.Add(id);
        }

        copies.Should().HaveCount(10);
        await Eventually.AssertAsync(async () => await CountAsync("SELECT count(*) FROM notifications.inbox_messages WHERE event_id = ANY($1)", copies.ToArray()) == copies.Count, Delivery, "Notifications handled the copies");
        foreach (var follower in followers)
            (await FeedAsync(follower.Token, 1)).Should().ContainSingle();
        (await CountAsync("SELECT count(*) FROM notifications.follower_digests WHERE store_id = $1", Guid.Parse(shop.StoreId))).Should().Be(1, "copies of counted products open no new window");
        (await CountAsync("SELECT count(*) FROM notifications.follower_digest_products WHERE store_id = $1", Guid.Parse(shop.StoreId))).Should().Be(10);
    }

    [Fact]
    public async Task Concurrent_runs_of_a_digest_job_as_on_two_hosts_tell_each_follower_once()
    {
        var shop = await app.ShopAsync(name: "Raced Bakery");
        var followers = new List<Buyer>();
        for (var i = 0; i < 3; i++)
        {
            var buyer = await app.BuyerAsync();
            await FollowAsync(buyer.Token, shop);
            followers.Add(buyer);
        }

        await app.ProductAsync(shop, stock: 0, title: "Focaccia");
        var digestId = await Eventually.ReturnsAsync(
            async () => await ScalarAsync("SELECT id FROM notifications.follower_digests WHERE store_id = $1", Guid.Parse(shop.StoreId)),
            id => id is not null, Delivery, "the window opened");

        // Four runs at once (two hosts' workers, a Hangfire retry, a duplicate), and the scheduled one when the window ends.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(RunJobAsync)));
        await DigestSentAsync(shop.StoreId);

        foreach (var follower in followers)
            (await FeedAsync(follower.Token, 1)).Single().Text("title").Should().Be("Raced Bakery added Focaccia");
        (await CountAsync("SELECT count(*) FROM notifications.notifications WHERE idempotency_key LIKE $1", $"followed_store_new_product:%:{(Guid)digestId!:N}")).Should().Be(3);

        async Task RunJobAsync()
        {
            await using var scope = app.Services.CreateAsyncScope();
            using (OrderingApp.AsModule("Notifications"))
                await scope.ServiceProvider.GetRequiredService<Marketplace.Modules.Notifications.FollowedStores.FollowerDigestJob>().RunAsync((Guid)digestId!);
        }
    }

    private async Task FollowAsync(string token, Shop shop)
    {
        var followed = (await _client.SendAsync("mutation($s: ID!) { storeFollow(input: { storeId: $s }) { userErrors { code } } }", new { s = shop.StoreGlobalId }, token)).Data("storeFollow");
        followed.Codes().Should().BeEmpty(followed.ToJsonString());
    }

    /// <summary>The viewer's followed-store notifications, once there are <paramref name="expected"/>; exactly that many.</summary>
    private async Task<List<JsonNode>> FeedAsync(string token, int expected)
    {
        var items = await Eventually.ReturnsAsync(
            async () => (await _client.SendAsync("{ viewer { notifications(first: 50) { nodes { kind category title body } } } }", token: token)).Data("viewer")["notifications"]!["nodes"]!.AsArray()
                .Where(n => n.Text("kind").StartsWith("followed_store", StringComparison.Ordinal)).Select(n => n!).ToList(),
            items => items!.Count >= expected,
            Delivery,
            $"{expected} followed-store notification(s)");
        items.Should().HaveCount(expected);
        return items;
    }

    private static Task DigestSentAsync(string storeId) => Eventually.AssertAsync(
        async () => await CountAsync("SELECT count(*) FROM notifications.follower_digests WHERE store_id = $1 AND state = 'SENT'", Guid.Parse(storeId)) == 1,
        Delivery,
        "the store's digest went out");

    private static async Task<List<string>> PublishedEventsAsync(string storeId)
    {
        await using var connection = new NpgsqlConnection(TestServices.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT payload::text FROM catalog.outbox_messages WHERE subject = $1 AND payload->>'storeId' = $2", connection)
        {
            Parameters = { new() { Value = EventSubjects.Of(typeof(ProductPublished)) }, new() { Value = storeId } },
        };
        var events = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            events.Add(reader.GetString(0));
        return events;
    }

    private async Task PublishAsync(string payload, Guid id)
    {
        var subject = EventSubjects.Of(typeof(ProductPublished));
        var envelope = new EventEnvelope(id, subject, DateTimeOffset.UtcNow, CallContext.NewCorrelationId(), null, null, payload);
        var js = new NatsJSContext((NatsConnection)app.Services.GetRequiredService<INatsConnection>());
        var prefix = OrderingApp.SubjectPrefix;
        await js.PublishAsync(EventSubjects.OnWire(subject, prefix), System.Text.Encoding.UTF8.GetBytes(payload), headers: envelope.ToHeaders(), opts: new NatsJSPubOpts { MsgId = id.ToString() });
    }

    private static async Task<object?> ScalarAsync(string sql, object parameter)
    {
        await using var connection = new NpgsqlConnection(TestServices.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { Parameters = { new() { Value = parameter } } };
        return await command.ExecuteScalarAsync();
    }

    private static async Task<long> CountAsync(string sql, object parameter)
    {
        await using var connection = new NpgsqlConnection(TestServices.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { Parameters = { new() { Value = parameter } } };
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
