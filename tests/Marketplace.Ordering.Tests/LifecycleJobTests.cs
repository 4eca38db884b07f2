using System.Text.Json.Nodes;
using Hangfire;
using Hangfire.Storage;
using Marketplace.Ordering.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Marketplace.Ordering.Tests.Support.LifecycleFlows;

namespace Marketplace.Ordering.Tests;

[CollectionDefinition(nameof(LifecycleJobTests), DisableParallelization = true)]
public sealed class LifecycleJobCollection;

/// <summary>
/// The order lifecycle over every status, every mutation and every kind of caller, and the jobs that move orders by
/// time (expiry, completion). Alone in its collection: the jobs run here with a 2-second acceptance time and return
/// window, and would move other tests' orders.
/// </summary>
[Collection(nameof(LifecycleJobTests))]
public sealed class LifecycleJobTests(OrderingApp app)
{
    private static readonly TimeSpan JobWait = TimeSpan.FromSeconds(30);
    private readonly HttpClient _client = app.CreateClient();

    private static readonly string[] Mutations = ["orderAccept", "orderReject", "orderMarkReady", "orderMarkOutForDelivery", "orderMarkDelivered", "orderCancel"];

    private static readonly string[] Actors = ["buyer", "seller", "admin", "otherBuyer", "otherSeller"];

    /// <summary>
    /// The lifecycle as the issue states it, written out here independently of the module's rules: (status, pickup?,
    /// mutation, actor) → the status it leads to. Everything else is refused.
    /// </summary>
    private static readonly Dictionary<(string From, bool Pickup, string Mutation, string Actor), string> Allowed = BuildAllowed();

    private static Dictionary<(string, bool, string, string), string> BuildAllowed()
    {
        var allowed = new Dictionary<(string, bool, string, string), string>();
        foreach (var pickup in new[] { true, false })
        {
            allowed[("PLACED", pickup, "orderAccept", "seller")] = "ACCEPTED";
            allowed[("PLACED", pickup, "orderReject", "seller")] = "REJECTED";
            allowed[("PLACED", pickup, "orderCancel", "buyer")] = "CANCELLED";
            var (ready, handedOver) = pickup ? ("READY_FOR_PICKUP", "PICKED_UP") : ("OUT_FOR_DELIVERY", "DELIVERED");
            allowed[("ACCEPTED", pickup, pickup ? "orderMarkReady" : "orderMarkOutForDelivery", "seller")] = ready;
            allowed[(ready, pickup, "orderMarkDelivered", "seller")] = handedOver;
            foreach (var from in new[] { "PLACED", "ACCEPTED", ready, handedOver, "COMPLETED" })
                allowed[(from, pickup, "orderCancel", "admin")] = "CANCELLED";
        }

        return allowed;
    }

    /// <summary>What a refused attempt answers: the role check at the gateway, the order's parties, or the status.</summary>
    private static string Refusal(string mutation, string actor) => (mutation, actor) switch
    {
        ("orderCancel", "seller" or "otherSeller") => "FORBIDDEN",
        ("orderCancel", "otherBuyer") => "ORDER_NOT_FOUND",
        ("orderCancel", _) => "INVALID_TRANSITION",
        (_, "buyer" or "admin" or "otherBuyer") => "FORBIDDEN",
        (_, "otherSeller") => "ORDER_NOT_FOUND",
        _ => "INVALID_TRANSITION",
    };

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Every_status_mutation_and_caller_is_allowed_or_refused_as_the_lifecycle_says(bool pickup)
    {
        var listing = await app.ProductAsync(await app.ShopAsync(), price: "5.00", stock: 100);
        var buyer = await app.BuyerAsync(at: (listing.Shop.Latitude, listing.Shop.Longitude));
        var otherBuyer = await app.BuyerAsync();
        var otherShop = await app.ShopAsync();
        var tokens = new Dictionary<string, string>
        {
            ["buyer"] = buyer.Token, ["seller"] = listing.Shop.SellerToken, ["admin"] = app.AdminToken(), ["otherBuyer"] = otherBuyer.Token, ["otherSeller"] = otherShop.SellerToken,
        };
        var (ready, handedOver) = pickup ? ("READY_FOR_PICKUP", "PICKED_UP") : ("OUT_FOR_DELIVERY", "DELIVERED");
        var failures = new List<string>();
        var checkedPairs = 0;

        foreach (var status in new[] { "PLACED", "ACCEPTED", ready, handedOver, "COMPLETED", "REJECTED", "CANCELLED", "EXPIRED" })
        {
            var probe = await OrderInAsync(status, listing, buyer, pickup, tokens["seller"]);
            var (historyBefore, eventsBefore) = (HistoryCount(Ids.Local(probe)), Events(Ids.Local(probe)).Count);
            var allowedHere = new List<(string Mutation, string Actor, string To)>();
            foreach (var mutation in Mutations)
            {
                foreach (var actor in Actors)
                {
                    checkedPairs++;
                    if (Allowed.TryGetValue((status, pickup, mutation, actor), out var to))
                    {
                        allowedHere.Add((mutation, actor, to));
                        continue;
                    }

                    var expected = Refusal(mutation, actor);
                    var payload = await _client.MoveAsync(mutation, tokens[actor], probe, Reason(mutation));
                    var got = payload["errors"] is JsonArray errors ? errors[0]!["extensions"].Text("code") : payload.Codes().FirstOrDefault() ?? $"moved to {payload["order"]?.Text("status")}";
                    if (got != expected)
                        failures.Add($"{status} {mutation} by {actor}: expected {expected}, got {got} ({payload.ToJsonString()})");
                    if (expected == "INVALID_TRANSITION" && got == expected)
                    {
                        var message = payload["userErrors"]![0].Text("message");
                        if (!message.StartsWith($"{status} → ", StringComparison.Ordinal) || !message.Contains(" is not allowed", StringComparison.Ordinal))
                            failures.Add($"{status} {mutation} by {actor}: the message does not name both states: {message}");
                    }
                }
            }

            // Nothing refused changed anything.
            Row(Ids.Local(probe)).Status.Should().Be(status);
            HistoryCount(Ids.Local(probe)).Should().Be(historyBefore, $"no refused attempt on a {status} order wrote history");
            Events(Ids.Local(probe)).Should().HaveCount(eventsBefore, $"no refused attempt on a {status} order wrote an event");

            // Each allowed move, on the probe first, then on fresh orders in the same status.
            var first = true;
            foreach (var (mutation, actor, to) in allowedHere)
            {
                var order = first ? probe : await OrderInAsync(status, listing, buyer, pickup, tokens["seller"]);
                first = false;
                var moved = await _client.MovedAsync(mutation, tokens[actor], order, Reason(mutation));
                moved.Text("status").Should().Be(to, $"{status} {mutation} by {actor}");
                var last = Events(Ids.Local(order)).Last();
                (last.Text("from"), last.Text("to"), last.Text("actorKind")).Should().Be((status, to, actor.ToUpperInvariant()));
                last["sequence"]!.GetValue<int>().Should().Be((int)HistoryCount(Ids.Local(order)));
            }
        }

        failures.Should().BeEmpty();
        checkedPairs.Should().Be(8 * Mutations.Length * Actors.Length);
    }

    [Fact]
    public async Task Orders_nobody_accepts_in_time_expire_with_their_stock_back_and_their_card_hold_let_go()
    {
        var card = await app.PlaceOrderAsync(card: true);
        var cash = await app.PlaceOrderAsync(pickup: true);
        var accepted = await app.PlaceOrderAsync(listing: cash.Listing);
        await _client.MovedAsync("orderAccept", accepted.Shop.SellerToken, accepted.OrderGlobalId);

        await Eventually.AssertAsync(
            async () =>
            {
                await app.RunJobAsync("ExpireOrdersJob");
                return Row(card.OrderId).Status == "EXPIRED" && Row(cash.OrderId).Status == "EXPIRED";
            },
            JobWait,
            "both PLACED orders expire once older than Lifecycle:AcceptWithin (2 s here)");

        Row(card.OrderId).Should().Be(("EXPIRED", "VOIDED"));
        Row(cash.OrderId).Should().Be(("EXPIRED", "VOIDED"));
        Row(accepted.OrderId).Status.Should().Be("ACCEPTED", "an accepted order never expires");
        app.Stripe.Get(card.IntentId!).Status.Should().Be("canceled", "the card hold is let go");
        app.Stripe.Get(card.IntentId!).Captures.Should().BeEmpty();
        (await app.CountersAsync(card.Listing)).Should().Be((10, 0, 0), "the expired order's units are back on sale");
        (await app.CountersAsync(cash.Listing)).Should().Be((10, 0, 2), "only the accepted order's units stay allocated");
        var expired = Events(card.OrderId).Single();
        (expired.Text("from"), expired.Text("to"), expired.Text("actorKind"), expired.Text("paymentStatus"), expired.Text("reason"))
            .Should().Be(("PLACED", "EXPIRED", "SYSTEM", "VOIDED", "Not accepted in time."));
        expired["actorId"].Should().BeNull();
        expired["sequence"]!.GetValue<int>().Should().Be(2);

        var history = (await _client.SendAsync("query($id: ID!) { order(id: $id) { statusHistory { from to actorKind reason } } }", new { id = cash.OrderGlobalId }, cash.Buyer.Token))
            .Data("order")["statusHistory"]!.AsArray();
        history.Select(h => (h!["from"]?.GetValue<string>(), h.Text("to"), h.Text("actorKind"))).Should().Equal((null, "PLACED", "BUYER"), ("PLACED", "EXPIRED", "SYSTEM"));
        app.Stripe.Problems.Should().BeEmpty();
    }

    [Fact]
    public async Task Handed_over_orders_complete_after_the_return_window()
    {
        var delivered = await app.PlaceOrderAsync(card: true);
        var pickedUp = await app.PlaceOrderAsync(pickup: true);
        var onTheWay = await app.PlaceOrderAsync(listing: delivered.Listing);
        foreach (var (order, steps) in new[] { (delivered, new[] { "orderAccept", "orderMarkOutForDelivery", "orderMarkDelivered" }), (pickedUp, ["orderAccept", "orderMarkReady", "orderMarkDelivered"]), (onTheWay, ["orderAccept", "orderMarkOutForDelivery"]) })
        {
            foreach (var step in steps)
                await _client.MovedAsync(step, order.Shop.SellerToken, order.OrderGlobalId);
        }

        await Eventually.AssertAsync(
            async () =>
            {
                await app.RunJobAsync("CompleteOrdersJob");
                return Row(delivered.OrderId).Status == "COMPLETED" && Row(pickedUp.OrderId).Status == "COMPLETED";
            },
            JobWait,
            "handed-over orders complete once their return window (2 s here) has passed");

        Row(delivered.OrderId).Should().Be(("COMPLETED", "PAID"));
        Row(pickedUp.OrderId).Should().Be(("COMPLETED", "PAID"), "paid in cash at pickup");
        Row(onTheWay.OrderId).Status.Should().Be("OUT_FOR_DELIVERY", "not handed over yet");
        var completed = Events(delivered.OrderId).Last();
        (completed.Text("from"), completed.Text("to"), completed.Text("actorKind"), completed.Text("reason")).Should().Be(("DELIVERED", "COMPLETED", "SYSTEM", ""));
        completed["sequence"]!.GetValue<int>().Should().Be(5);
        Events(delivered.OrderId).Select(e => e["sequence"]!.GetValue<int>()).Should().Equal(2, 3, 4, 5);
        (await app.CountersAsync(delivered.Listing)).Should().Be((6, 0, 0), "both orders' units left the store when they went out for delivery");
    }

    [Fact]
    public async Task Jobs_racing_each_other_and_a_seller_move_each_order_exactly_once()
    {
        var listing = await app.ProductAsync(await app.ShopAsync(), price: "5.00", stock: 20);
        var buyer = await app.BuyerAsync(at: (listing.Shop.Latitude, listing.Shop.Longitude));
        var orders = new List<string>();
        for (var i = 0; i < 8; i++)
            orders.Add((await _client.PlaceAsync(buyer, [(listing.VariantGlobalId(), 1)], pickup: false, card: false))["orders"]![0].Text("id"));
        var ids = orders.Select(Ids.Local).ToList();
        await Eventually.AssertAsync(
            () => Task.FromResult(Scalar<long>("SELECT count(*) FROM ordering.orders WHERE id = ANY($1) AND updated_at < now() - interval '2 seconds'", ids.Select(Guid.Parse).ToArray()) == ids.Count),
            JobWait,
            "the orders are older than Lifecycle:AcceptWithin");

        // Four runs at once, as two hosts (or more) would run them, and the seller accepting one of the orders meanwhile.
        var runs = Enumerable.Range(0, 4).Select(_ => Task.Run(() => app.RunJobAsync("ExpireOrdersJob"))).ToList();
        var accept = Task.Run(() => _client.MoveAsync("orderAccept", listing.Shop.SellerToken, orders[0]));
        await Task.WhenAll(runs);
        var accepted = await accept;

        var statuses = ids.Select(id => Row(id).Status).ToList();
        statuses.Skip(1).Should().OnlyContain(s => s == "EXPIRED");
        if (accepted.Codes().Length == 0)
            statuses[0].Should().Be("ACCEPTED", "the seller got there first");
        else
            (accepted.Codes().Single(), statuses[0]).Should().Be(("INVALID_TRANSITION", "EXPIRED"));
        foreach (var id in ids)
        {
            HistoryCount(id).Should().Be(2, "one transition each, never two");
            Events(id).Should().ContainSingle();
            PendingEffects(id).Should().Be(0);
        }

        var allocated = statuses[0] == "ACCEPTED" ? 1 : 0;
        (await app.CountersAsync(listing)).Should().Be((20, 0, allocated), "each expired order's unit came back exactly once");
    }

    [Fact]
    public void The_lifecycle_jobs_are_scheduled_with_hangfire_on_the_modules_queue()
    {
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        var recurring = connection.GetRecurringJobs().ToDictionary(j => j.Id);
        foreach (var (id, type) in new[] { ("ordering:expire-orders", "ExpireOrdersJob"), ("ordering:complete-orders", "CompleteOrdersJob"), ("ordering:order-effects", "OrderEffectsJob") })
        {
            recurring.Should().ContainKey(id);
            (recurring[id].Job.Type.Name, recurring[id].Job.Queue, recurring[id].Cron).Should().Be((type, "ordering", "0 0 1 1 *"), "the test host's settings (never on their own here)");
        }
    }

    /// <summary>An order of <paramref name="listing"/> for <paramref name="buyer"/>, moved to <paramref name="status"/> the way it would be.</summary>
    private async Task<string> OrderInAsync(string status, Listing listing, Buyer buyer, bool pickup, string sellerToken)
    {
        var id = (await _client.PlaceAsync(buyer, [(listing.VariantGlobalId(), 1)], pickup, card: false))["orders"]![0].Text("id");
        var path = status switch
        {
            "PLACED" or "EXPIRED" => [],
            "ACCEPTED" => ["orderAccept"],
            "READY_FOR_PICKUP" or "OUT_FOR_DELIVERY" => ["orderAccept", pickup ? "orderMarkReady" : "orderMarkOutForDelivery"],
            "PICKED_UP" or "DELIVERED" or "COMPLETED" => ["orderAccept", pickup ? "orderMarkReady" : "orderMarkOutForDelivery", "orderMarkDelivered"],
            "REJECTED" => ["orderReject"],
            "CANCELLED" => new[] { "orderCancel" },
            _ => throw new ArgumentOutOfRangeException(nameof(status)),
        };
        foreach (var step in path)
            await _client.MovedAsync(step, step == "orderCancel" ? buyer.Token : sellerToken, id, Reason(step));
        if (status is "EXPIRED" or "COMPLETED")
        {
            var job = status == "EXPIRED" ? "ExpireOrdersJob" : "CompleteOrdersJob";
            await Eventually.AssertAsync(
                async () =>
                {
                    await app.RunJobAsync(job);
                    return Row(Ids.Local(id)).Status == status;
                },
                JobWait,
                $"the order becomes {status}");
        }

        Row(Ids.Local(id)).Status.Should().Be(status);
        return id;
    }

    private static string? Reason(string mutation) => mutation is "orderReject" or "orderCancel" ? "Because." : null;
}
