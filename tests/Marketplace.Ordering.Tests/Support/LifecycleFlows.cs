using System.Text.Json.Nodes;
using Marketplace.Shared.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Marketplace.Ordering.Tests.Support;

/// <summary>An order placed for a test: its buyer, its shop and listing, its global id and what the group answered.</summary>
public sealed record PlacedOrder(Buyer Buyer, Listing Listing, string OrderGlobalId, JsonNode Order, JsonNode Group, string? IntentId)
{
    public Shop Shop => Listing.Shop;

    public string OrderId => Ids.Local(OrderGlobalId);

    public decimal Total => Order["total"].Amount();
}

/// <summary>The lifecycle mutations, the order's row, history and events, and the module's jobs, for lifecycle tests.</summary>
public static class LifecycleFlows
{
    public const string OrderFields = "id number status paymentStatus total { amount } statusHistory { from to actorKind reason at }";

    /// <summary>
    /// One order of <paramref name="quantity"/> units at 5.00 from a new shop (10 in stock): delivered to the buyer's address
    /// (PAY_ON_DELIVERY), picked up (PAY_AT_PICKUP), or paid by card (held) when <paramref name="card"/>.
    /// </summary>
    public static async Task<PlacedOrder> PlaceOrderAsync(this OrderingApp app, bool pickup = false, bool card = false, int quantity = 2, Listing? listing = null)
    {
        var client = app.CreateClient();
        listing ??= await app.ProductAsync(await app.ShopAsync(), price: "5.00", stock: 10);
        var buyer = await app.BuyerAsync(at: (listing.Shop.Latitude, listing.Shop.Longitude));
        var group = await client.PlaceAsync(buyer, [(listing.VariantGlobalId(), quantity)], pickup, card);
        var order = group["orders"]![0]!;
        return new PlacedOrder(buyer, listing, order.Text("id"), order, group, app.IntentOf(group));
    }

    /// <summary>Fills the buyer's cart and checks out once (one order per store of the lines), card confirmed server-side.</summary>
    public static async Task<JsonNode> PlaceAsync(this HttpClient client, Buyer buyer, IReadOnlyList<(string VariantGlobalId, int Quantity)> lines, bool pickup, bool card, string cardMethod = "pm_card_visa")
    {
        (await client.AddAsync(buyer.Token, [.. lines])).Codes().Should().BeEmpty();
        object input = (pickup, card) switch
        {
            (true, true) => new { pickup = true, paymentMethod = "CARD", cardPaymentMethodId = cardMethod },
            (true, false) => new { pickup = true },
            (false, true) => new { deliveryAddressId = buyer.AddressGlobalId, paymentMethod = "CARD", cardPaymentMethodId = cardMethod },
            _ => new { deliveryAddressId = buyer.AddressGlobalId },
        };
        var created = await client.CheckoutCreateAsync(buyer.Token, input);
        created.Codes().Should().BeEmpty(created.ToJsonString());
        var checkout = created["checkout"]!;
        var completed = await client.CompleteAsync(buyer.Token, checkout.Text("id"), Guid.NewGuid().ToString(), checkout["total"].Text("amount"));
        completed.Codes().Should().BeEmpty(completed.ToJsonString());
        return completed["orderGroup"]!;
    }

    /// <summary>The group's PaymentIntent (CARD), from the database.</summary>
    public static string? IntentOf(this OrderingApp app, JsonNode group) =>
        Scalar<string?>("SELECT payment_intent_id FROM ordering.order_groups WHERE id = $1", Guid.Parse(Ids.Local(group.Text("id"))));

    /// <summary>Runs a lifecycle mutation; answers its payload (or the whole body when there is no payload: a top-level error).</summary>
    public static async Task<JsonNode> MoveAsync(this HttpClient client, string mutation, string token, string orderGlobalId, string? reason = null)
    {
        var input = new Dictionary<string, object?> { ["orderId"] = orderGlobalId };
        if (reason is not null)
            input["reason"] = reason;
        var inputType = char.ToUpperInvariant(mutation[0]) + mutation[1..] + "Input";
        var body = await client.SendAsync(
            $"mutation($i: {inputType}!) {{ {mutation}(input: $i) {{ order {{ {OrderFields} }} userErrors {{ field code message }} }} }}",
            new { i = input }, token);
        return body["data"]?[mutation] ?? body;
    }

    /// <summary>Runs a lifecycle mutation that must succeed; answers the order after.</summary>
    public static async Task<JsonNode> MovedAsync(this HttpClient client, string mutation, string token, string orderGlobalId, string? reason = null)
    {
        var payload = await client.MoveAsync(mutation, token, orderGlobalId, reason);
        payload.Codes().Should().BeEmpty(payload.ToJsonString());
        payload["errors"].Should().BeNull(payload.ToJsonString());
        return payload["order"]!;
    }

    /// <summary>The order's status and payment status as stored.</summary>
    public static (string Status, string PaymentStatus) Row(string orderId)
    {
        using var connection = new NpgsqlConnection(TestServices.Postgres);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT status, payment_status FROM ordering.orders WHERE id = $1", connection) { Parameters = { new() { Value = Guid.Parse(orderId) } } };
        using var reader = command.ExecuteReader();
        reader.Read().Should().BeTrue();
        return (reader.GetString(0), reader.GetString(1));
    }

    public static long HistoryCount(string orderId) => Scalar<long>("SELECT count(*) FROM ordering.order_status_history WHERE order_id = $1", Guid.Parse(orderId));

    /// <summary>The order's <c>order_status_changed.v1</c> events as written to the outbox, in order.</summary>
    public static List<JsonNode> Events(string orderId)
    {
        using var connection = new NpgsqlConnection(TestServices.Postgres);
        connection.Open();
        using var command = new NpgsqlCommand(
            "SELECT payload::text FROM ordering.outbox_messages WHERE subject = 'marketplace.ordering.order_status_changed.v1' AND payload->>'orderId' = $1 ORDER BY id",
            connection) { Parameters = { new() { Value = orderId } } };
        var events = new List<JsonNode>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
            events.Add(JsonNode.Parse(reader.GetString(0))!);
        return events;
    }

    /// <summary>Side effects of the order still pending (a payment or stock call not done yet).</summary>
    public static long PendingEffects(string orderId) => Scalar<long>("SELECT count(*) FROM ordering.order_effects WHERE order_id = $1 AND done_at IS NULL", Guid.Parse(orderId));

    public static T Scalar<T>(string sql, params object[] parameters)
    {
        using var connection = new NpgsqlConnection(TestServices.Postgres);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        var value = command.ExecuteScalar();
        return value is null or DBNull ? default! : (T)value;
    }

    /// <summary>Runs one of the Ordering module's jobs (<c>ExpireOrdersJob</c>, <c>CompleteOrdersJob</c>, <c>OrderEffectsJob</c>) as Hangfire would.</summary>
    public static async Task RunJobAsync(this OrderingApp app, string jobName)
    {
        var type = typeof(Marketplace.Modules.Ordering.OrderingModule).Assembly.GetType($"Marketplace.Modules.Ordering.Jobs.{jobName}", throwOnError: true)!;
        await using var scope = app.Services.CreateAsyncScope();
        using var _ = OrderingApp.As(Caller.Service("Ordering"));
        await (Task)type.GetMethod("RunAsync")!.Invoke(scope.ServiceProvider.GetRequiredService(type), [])!;
    }

    /// <summary>The stock counters of the listing's variant: (on hand, reserved, allocated).</summary>
    public static async Task<(int OnHand, int Reserved, int Allocated)> CountersAsync(this OrderingApp app, Listing listing)
    {
        var level = await app.LevelAsync(listing.VariantId);
        return (level.OnHand, level.Reserved, level.Allocated);
    }
}
