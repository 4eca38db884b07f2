using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Ordering.Tests.Support;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.Events;
using Microsoft.Extensions.DependencyInjection;
using NATS.Client.Core;
using NATS.Client.JetStream;
using Npgsql;

namespace Marketplace.Ordering.Tests;

/// <summary>order_placed.v1 → Notifications: one confirmation for the buyer and one "new order" for the seller per order, however often the event arrives.</summary>
public sealed class OrderNotificationTests(OrderingApp app)
{
    private const string Subject = "marketplace.ordering.order_placed.v1";

    // Deliveries queue behind every other notification of the suite (each test's new sellers get a welcome email and an
    // in-app item: a few hundred), which the host's job workers work through in order.
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(180);
    private readonly HttpClient _client = app.CreateClient();
    private readonly DateTimeOffset _started = DateTimeOffset.UtcNow.AddSeconds(-2); // maildev stamps whole seconds

    [Fact]
    public async Task Each_order_notifies_its_buyer_and_its_seller_exactly_once_despite_redelivery()
    {
        var bakery = await app.ShopAsync(name: "Notified Bakery");
        var grocer = await app.ShopAsync(near: (bakery.Latitude, bakery.Longitude), name: "Notified Grocer");
        var bread = await app.ProductAsync(bakery, price: "2.50");
        var apples = await app.ProductAsync(grocer, price: "1.00");
        var buyer = await app.BuyerAsync(at: (bakery.Latitude, bakery.Longitude));
        var group = await _client.BuyAsync(buyer, (bread.VariantGlobalId(), 2), (apples.VariantGlobalId(), 3));
        var numbers = group["orders"]!.AsArray().Select(o => o.Text("number")).ToList();

        await FeedAsync(buyer.Token, "order_placed_buyer", 2);
        var sellerItem = (await FeedAsync(bakery.SellerToken, "order_placed_seller", 1)).Single();
        sellerItem.Text("title").Should().Be($"New order {numbers[0]}: 2 items, 5.00 EUR");
        await FeedAsync(grocer.SellerToken, "order_placed_seller", 1);
        var mail = await Eventually.ReturnsAsync(async () => await MailAsync(numbers[1]), m => m!.Count > 0, Delivery, "the seller's email reaches the store's contact address");
        mail.Single()["subject"]!.GetValue<string>().Should().Be($"New order {numbers[1]}: 3 items, 3.00 EUR");

        // The events again, under new message ids (a relay that published twice, past JetStream's duplicate window).
        var events = await EventsAsync(Ids.Local(group.Text("id")));
        events.Should().HaveCount(2);
        var copies = new List<Guid>();
        foreach (var payload in events)
            copies.Add(await RepublishAsync(payload));
        await Eventually.AssertAsync(async () => await InboxCountAsync(copies) == copies.Count, Delivery, "Notifications handled the copies");

        await FeedAsync(buyer.Token, "order_placed_buyer", 2);
        await FeedAsync(bakery.SellerToken, "order_placed_seller", 1);
        await FeedAsync(grocer.SellerToken, "order_placed_seller", 1);
        (await MailAsync(numbers[0])).Should().ContainSingle();
        (await MailAsync(numbers[1])).Should().ContainSingle();
    }

    private async Task<List<JsonNode>> FeedAsync(string token, string kind, int expected)
    {
        var items = await Eventually.ReturnsAsync(
            async () => (await _client.SendAsync("{ viewer { notifications(first: 20) { nodes { kind title body } } } }", token: token)).Data("viewer")["notifications"]!["nodes"]!.AsArray()
                .Where(n => n.Text("kind") == kind).Select(n => n!).ToList(),
            items => items!.Count >= expected,
            Delivery,
            $"{expected} {kind} notification(s)");
        items.Should().HaveCount(expected, $"exactly {expected} {kind} notification(s)");
        return items;
    }

    /// <summary>
    /// The emails about the order received since the test started: order numbers restart in every run's fresh database,
    /// and maildev keeps earlier runs' mail (every test store has the same contact address).
    /// </summary>
    private async Task<List<JsonNode>> MailAsync(string orderNumber)
    {
        using var http = new HttpClient();
        var url = Environment.GetEnvironmentVariable("MAILDEV_API_URL") ?? "http://127.0.0.1:11080";
        var all = await http.GetFromJsonAsync<JsonArray>($"{url.TrimEnd('/')}/email") ?? [];
        return all.Where(m => (m?["subject"]?.GetValue<string>() ?? "").Contains(orderNumber + ":", StringComparison.Ordinal)
                              && DateTimeOffset.Parse(m!["time"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) >= _started)
            .Select(m => m!).ToList();
    }

    private static async Task<List<string>> EventsAsync(string groupId)
    {
        await using var connection = new NpgsqlConnection(TestServices.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT payload::text FROM ordering.outbox_messages WHERE subject = $1 AND payload->>'orderGroupId' = $2 ORDER BY id", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = Subject });
        command.Parameters.Add(new NpgsqlParameter { Value = groupId });
        var events = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            events.Add(reader.GetString(0));
        return events;
    }

    private async Task<Guid> RepublishAsync(string payload)
    {
        var id = Guid.CreateVersion7();
        var envelope = new EventEnvelope(id, Subject, DateTimeOffset.UtcNow, CallContext.NewCorrelationId(), null, null, payload);
        var js = new NatsJSContext((NatsConnection)app.Services.GetRequiredService<INatsConnection>());
        var prefix = OrderingApp.SubjectPrefix;
        await js.PublishAsync(EventSubjects.OnWire(Subject, prefix), System.Text.Encoding.UTF8.GetBytes(payload), headers: envelope.ToHeaders(), opts: new NatsJSPubOpts { MsgId = id.ToString() });
        return id;
    }

    private static async Task<long> InboxCountAsync(IReadOnlyList<Guid> ids)
    {
        await using var connection = new NpgsqlConnection(TestServices.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM notifications.inbox_messages WHERE event_id = ANY($1)", connection) { Parameters = { new() { Value = ids.ToArray() } } };
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
