using System.Text.Json.Nodes;
using Marketplace.Modules.Ordering.Contracts.Events;
using Marketplace.Modules.Ordering.Contracts.V1;
using Marketplace.Modules.Ordering.Live;
using Marketplace.Ordering.Tests.Support;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.Events;
using Microsoft.Extensions.DependencyInjection;
using NATS.Client.Core;
using NATS.Client.JetStream;

namespace Marketplace.Ordering.Tests;

/// <summary>
/// orderStatusChanged and storeOrderPlaced over the gateway's graphql-transport-ws, with the real npm graphql-ws client
/// on a real socket, for orders placed through checkout and moved by the lifecycle's mutations.
/// </summary>
public sealed class LiveStatusTests(KestrelOrderingApp live) : IClassFixture<KestrelOrderingApp>
{
    private const string StatusQuery = "subscription($o: ID!) { orderStatusChanged(orderId: $o) { order { id number status paymentStatus } from to at sequence actorKind reason } }";
    private const string StoreQuery = "subscription($s: ID!) { storeOrderPlaced(storeId: $s) { id number status total { amount currencyCode } store { name } } }";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private OrderingApp App => live.App;

    private OrderLiveFeed Feed => App.Services.GetRequiredService<OrderLiveFeed>();

    [Fact]
    public async Task The_buyer_the_seller_and_an_administrator_receive_each_status_change_once_and_a_departed_client_leaves_no_stream()
    {
        var (shop, buyer, order) = await OrderAsync("Live Bakery");
        var orderId = Ids.Local(order.Text("id"));
        var variables = new JsonObject { ["o"] = order.Text("id") }.ToJsonString();
        await using var buyerClient = GraphQLWsNodeClient.Start(live.Address, buyer.Token, StatusQuery, variables);
        await using var sellerClient = GraphQLWsNodeClient.Start(live.Address, shop.SellerToken, StatusQuery, variables);
        await using var adminClient = GraphQLWsNodeClient.Start(live.Address, App.AdminToken(), StatusQuery, variables);
        await Eventually.AssertAsync(() => Task.FromResult(Feed.WatchersOf(Guid.Parse(orderId)) == 3), Patience, "the three subscriptions are open");

        // The seller accepts; the same ACCEPTED event arrives again under another id (a relay that published twice, past
        // JetStream's duplicate window): told once; then an administrator cancels.
        await TransitionAsync("orderAccept", new { orderId = order.Text("id") }, shop.SellerToken, "ACCEPTED");
        await RepublishAsync(orderId, "ACCEPTED");
        await TransitionAsync("orderCancel", new { orderId = order.Text("id"), reason = "Payment flagged" }, App.AdminToken(), "CANCELLED");

        foreach (var client in new[] { buyerClient, sellerClient, adminClient })
        {
            await client.UntilAsync(lines => lines.Count(l => l.Text("event") == "next") >= 2, Patience, "two changes");
            // NATS keeps one publisher's order: a duplicate would have arrived before the cancellation.
            var changes = client.Nexts.Select(n => n["data"]!["orderStatusChanged"]!).ToList();
            changes.Should().HaveCount(2);
            changes.Select(c => c.Text("to")).Should().Equal("ACCEPTED", "CANCELLED");
            changes[0].Text("from").Should().Be("PLACED");
            changes[0].Text("actorKind").Should().Be("SELLER");
            changes[0]["reason"].Should().BeNull();
            changes[0]["sequence"]!.GetValue<int>().Should().Be(2);
            changes[1].Text("actorKind").Should().Be("ADMIN");
            changes[1].Text("reason").Should().Be("Payment flagged");
            changes[1]["order"]!.Text("id").Should().Be(order.Text("id"));
            changes[1]["order"]!.Text("number").Should().Be(order.Text("number"));
            changes[1]["order"]!.Text("status").Should().Be("CANCELLED", "the order is read when the change is sent");
        }

        // The clients vanish without a goodbye (killed): their streams end with them.
        await buyerClient.DisposeAsync();
        await sellerClient.DisposeAsync();
        await adminClient.DisposeAsync();
        await Eventually.AssertAsync(() => Task.FromResult(Feed.WatchersOf(Guid.Parse(orderId)) == 0), Patience, "no stream outlives its client");
    }

    [Fact]
    public async Task Nobody_else_can_subscribe_to_an_order_and_the_answer_is_the_one_for_an_order_that_does_not_exist()
    {
        var (_, _, order) = await OrderAsync("Private Bakery");
        var otherBuyer = await App.BuyerAsync();
        var otherShop = await App.ShopAsync(name: "Rival Bakery");
        var missing = Ids.Global("Order", Guid.CreateVersion7().ToString());

        foreach (var (who, token) in new[] { ("another buyer", otherBuyer.Token), ("another seller", otherShop.SellerToken), ("anonymous", (string?)null) })
        {
            var refused = await RefusalAsync(token, StatusQuery, new JsonObject { ["o"] = order.Text("id") });
            var unknown = await RefusalAsync(token, StatusQuery, new JsonObject { ["o"] = missing });
            refused.Should().Be(unknown, $"{who} learns nothing about the order");
            refused.Should().Contain("NOT_FOUND", who);
        }

        Feed.WatchersOf(Guid.Parse(Ids.Local(order.Text("id")))).Should().Be(0, "a refused subscription holds no stream");

        // Over HTTP nobody subscribes, outsider or not.
        var overHttp = await App.CreateClient().SendAsync(StatusQuery, new { o = order.Text("id") }, otherBuyer.Token);
        overHttp["data"].Should().BeNull(overHttp.ToJsonString());
        overHttp.ErrorCodes().Should().Equal("BAD_REQUEST");
    }

    [Fact]
    public async Task StoreOrderPlaced_delivers_a_new_order_to_the_seller_who_runs_the_store_only()
    {
        var shop = await App.ShopAsync(name: "Watched Bakery");
        var rival = await App.ShopAsync(name: "Curious Rival");
        var bread = await App.ProductAsync(shop, price: "2.20");
        var buyer = await App.BuyerAsync(at: (shop.Latitude, shop.Longitude));
        var variables = new JsonObject { ["s"] = shop.StoreGlobalId };

        (await RefusalAsync(rival.SellerToken, StoreQuery, variables)).Should().Contain("NOT_FOUND");
        (await RefusalAsync(buyer.Token, StoreQuery, variables)).Should().Be(await RefusalAsync(buyer.Token, StoreQuery, new JsonObject { ["s"] = Ids.Global("Store", Guid.CreateVersion7().ToString()) }));
        (await RefusalAsync(null, StoreQuery, variables)).Should().Contain("NOT_FOUND");
        await using var seller = GraphQLWsNodeClient.Start(live.Address, shop.SellerToken, StoreQuery, variables.ToJsonString());
        await Eventually.AssertAsync(() => Task.FromResult(Feed.WatchersOf(Guid.Parse(shop.StoreId)) == 1), Patience, "the seller's subscription is open");

        var group = await App.CreateClient().BuyAsync(buyer, (bread.VariantGlobalId(), 2));

        await seller.UntilAsync(lines => lines.Any(l => l.Text("event") == "next"), Patience, "the new order");
        var placed = seller.Nexts.Single()["data"]!["storeOrderPlaced"]!;
        placed.Text("id").Should().Be(group["orders"]![0]!.Text("id"));
        placed.Text("number").Should().Be(group["orders"]![0]!.Text("number"));
        placed.Text("status").Should().Be("PLACED");
        placed["total"]!.Text("amount").Should().Be("4.40");
        placed["store"]!.Text("name").Should().Be("Watched Bakery");
    }

    [Fact]
    public async Task A_user_holds_at_most_the_configured_number_of_live_streams()
    {
        var (_, buyer, order) = await OrderAsync("Busy Bakery");
        var client = new OrderingLive.OrderingLiveClient(App.Services.GetRequiredService<ContractChannels>().InvokerFor("Ordering"));
        var max = new LiveOptions().MaxStreamsPerUser;
        var calls = new List<Grpc.Core.AsyncServerStreamingCall<OrderLiveEvent>>();
        try
        {
            using (OrderingApp.AsBuyer(buyer.UserId))
            {
                for (var i = 0; i < max; i++)
                {
                    var call = client.WatchOrder(new WatchOrderRequest { OrderId = Ids.Local(order.Text("id")) });
                    calls.Add(call);
                    (await call.ResponseStream.MoveNext(CancellationToken.None)).Should().BeTrue();
                    call.ResponseStream.Current.EventCase.Should().Be(OrderLiveEvent.EventOneofCase.Subscribed);
                }

                var refused = client.WatchOrder(new WatchOrderRequest { OrderId = Ids.Local(order.Text("id")) });
                var failure = await FluentActions.Awaiting(() => refused.ResponseStream.MoveNext(CancellationToken.None)).Should().ThrowAsync<Grpc.Core.RpcException>();
                failure.Which.StatusCode.Should().Be(Grpc.Core.StatusCode.ResourceExhausted);

                calls[0].Dispose();
                await Eventually.AssertAsync(() => Task.FromResult(Feed.WatchersOf(Guid.Parse(Ids.Local(order.Text("id")))) == max - 1), Patience, "a closed stream frees its place");
                var again = client.WatchOrder(new WatchOrderRequest { OrderId = Ids.Local(order.Text("id")) });
                calls.Add(again);
                (await again.ResponseStream.MoveNext(CancellationToken.None)).Should().BeTrue();
            }
        }
        finally
        {
            foreach (var call in calls)
                call.Dispose();
        }
    }

    [Fact]
    public async Task One_connection_holds_at_most_its_subscription_budget_and_closing_it_ends_every_stream()
    {
        var (_, buyer, order) = await OrderAsync("Budget Bakery");
        var orderId = Guid.Parse(Ids.Local(order.Text("id")));
        using var socket = new System.Net.WebSockets.ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        await socket.ConnectAsync(new Uri($"ws://{live.Address.Authority}/graphql"), CancellationToken.None);
        await SendAsync(socket, new JsonObject { ["type"] = "connection_init", ["payload"] = new JsonObject { ["Authorization"] = "Bearer " + buyer.Token } });
        (await ReceiveAsync(socket))!.Text("type").Should().Be("connection_ack");

        const int budget = 20; // Gateway:WebSockets:MaxSubscriptionsPerConnection
        for (var i = 0; i <= budget; i++)
        {
            await SendAsync(socket, new JsonObject
            {
                ["id"] = $"s{i}",
                ["type"] = "subscribe",
                ["payload"] = new JsonObject { ["query"] = StatusQuery, ["variables"] = new JsonObject { ["o"] = order.Text("id") } },
            });
            if (i < budget)
                await Eventually.AssertAsync(() => Task.FromResult(Feed.WatchersOf(orderId) == i + 1), Patience, $"subscription {i} is open");
        }

        var refused = (await ReceiveAsync(socket))!;
        refused.Text("type").Should().Be("error", refused.ToJsonString());
        refused.Text("id").Should().Be($"s{budget}");
        refused["payload"]![0]!["extensions"]!.Text("code").Should().Be("RESOURCE_EXHAUSTED");
        Feed.WatchersOf(orderId).Should().Be(budget);

        // The socket drops without completing its operations: every stream ends with it.
        socket.Abort();
        await Eventually.AssertAsync(() => Task.FromResult(Feed.WatchersOf(orderId) == 0), Patience, "no stream outlives its connection");
    }

    private static Task SendAsync(System.Net.WebSockets.WebSocket socket, JsonObject message) =>
        socket.SendAsync(System.Text.Encoding.UTF8.GetBytes(message.ToJsonString()), System.Net.WebSockets.WebSocketMessageType.Text, true, CancellationToken.None);

    private static async Task<JsonNode?> ReceiveAsync(System.Net.WebSockets.WebSocket socket)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == System.Net.WebSockets.WebSocketMessageType.Close)
                return null;
            message.Write(buffer, 0, result.Count);
            if (!result.EndOfMessage)
                continue;
            var node = JsonNode.Parse(message.ToArray());
            message.SetLength(0);
            if (node?["type"]?.GetValue<string>() is not ("ping" or "pong"))
                return node;
        }
    }

    private async Task<(Shop Shop, Buyer Buyer, JsonNode Order)> OrderAsync(string storeName)
    {
        var shop = await App.ShopAsync(name: storeName);
        var bread = await App.ProductAsync(shop, price: "3.00");
        var buyer = await App.BuyerAsync(at: (shop.Latitude, shop.Longitude));
        var group = await App.CreateClient().BuyAsync(buyer, (bread.VariantGlobalId(), 1));
        return (shop, buyer, group["orders"]![0]!);
    }

    /// <summary>What the real client reports when the server refuses the subscription: message, code and reason.</summary>
    private async Task<string> RefusalAsync(string? token, string query, JsonObject variables)
    {
        await using var client = GraphQLWsNodeClient.Start(live.Address, token, query, variables.ToJsonString());
        (await client.ExitAsync(Patience)).Should().Be(1, "the subscription is refused");
        var error = client.Lines.Single(l => l.Text("event") == "error")["error"]!.AsArray().Single()!;
        return $"{error.Text("message")} {error["extensions"]?["code"]} {error["extensions"]?["reason"]}";
    }

    private async Task TransitionAsync(string mutation, object input, string token, string expectedStatus)
    {
        var inputType = char.ToUpperInvariant(mutation[0]) + mutation[1..] + "Input";
        var payload = (await App.CreateClient().SendAsync($"mutation($i: {inputType}!) {{ {mutation}(input: $i) {{ order {{ status }} userErrors {{ code message }} }} }}", new { i = input }, token)).Data(mutation);
        payload.Codes().Should().BeEmpty(payload.ToJsonString());
        payload["order"]!.Text("status").Should().Be(expectedStatus);
    }

    /// <summary>The order's order_status_changed.v1 to <paramref name="to"/> from the outbox, published again as the relay does, under a new event id.</summary>
    private async Task RepublishAsync(string orderId, string to)
    {
        var subject = EventSubjects.Of(typeof(OrderStatusChanged));
        await using var connection = new Npgsql.NpgsqlConnection(TestServices.Postgres);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT payload::text FROM ordering.outbox_messages WHERE subject = $1 AND payload->>'orderId' = $2 AND payload->>'to' = $3", connection)
        {
            Parameters = { new() { Value = subject }, new() { Value = orderId }, new() { Value = to } },
        };
        var payload = (string)(await command.ExecuteScalarAsync())!;
        var id = Guid.CreateVersion7();
        var envelope = new EventEnvelope(id, subject, DateTimeOffset.UtcNow, CallContext.NewCorrelationId(), null, null, payload);
        var js = new NatsJSContext((NatsConnection)App.Services.GetRequiredService<INatsConnection>());
        var prefix = OrderingApp.SubjectPrefix;
        await js.PublishAsync(EventSubjects.OnWire(subject, prefix), System.Text.Encoding.UTF8.GetBytes(payload), headers: envelope.ToHeaders(), opts: new NatsJSPubOpts { MsgId = id.ToString() });
    }
}
