using Marketplace.Ordering.Tests.Support;
using static Marketplace.Ordering.Tests.Support.LifecycleFlows;

namespace Marketplace.Ordering.Tests;

/// <summary>
/// The order lifecycle through GraphQL: the stock, the payment (Stripe stand-in) and the events each transition moves,
/// concurrent transitions of one order, and bad input. The table of every status × mutation × caller and the time-driven
/// jobs are in <see cref="LifecycleJobTests"/>.
/// </summary>
public sealed class OrderLifecycleTests(OrderingApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task A_delivery_order_moves_its_stock_payment_history_and_events_at_each_step()
    {
        var order = await app.PlaceOrderAsync(quantity: 3);
        var seller = order.Shop.SellerToken;
        (await app.CountersAsync(order.Listing)).Should().Be((10, 0, 3), "placed: allocated to the order");

        var accepted = await _client.MovedAsync("orderAccept", seller, order.OrderGlobalId);
        (accepted.Text("status"), accepted.Text("paymentStatus")).Should().Be(("ACCEPTED", "PENDING"));
        (await app.CountersAsync(order.Listing)).Should().Be((10, 0, 3), "accepted: still in the store");

        var out_ = await _client.MovedAsync("orderMarkOutForDelivery", seller, order.OrderGlobalId);
        out_.Text("status").Should().Be("OUT_FOR_DELIVERY");
        (await app.CountersAsync(order.Listing)).Should().Be((7, 0, 0), "out for delivery: the units left the store (Fulfil)");

        var delivered = await _client.MovedAsync("orderMarkDelivered", seller, order.OrderGlobalId);
        (delivered.Text("status"), delivered.Text("paymentStatus")).Should().Be(("DELIVERED", "PAID"), "the seller took the cash");
        (await app.CountersAsync(order.Listing)).Should().Be((7, 0, 0));
        delivered["statusHistory"]!.AsArray().Select(h => (h!["from"]?.GetValue<string>(), h.Text("to"), h.Text("actorKind")))
            .Should().Equal((null, "PLACED", "BUYER"), ("PLACED", "ACCEPTED", "SELLER"), ("ACCEPTED", "OUT_FOR_DELIVERY", "SELLER"), ("OUT_FOR_DELIVERY", "DELIVERED", "SELLER"));

        // An administrator cancels after delivery: a refund (the seller hands the cash back); the goods stay with the buyer.
        var cancelled = await _client.MovedAsync("orderCancel", app.AdminToken(), order.OrderGlobalId, "Damaged on arrival.");
        (cancelled.Text("status"), cancelled.Text("paymentStatus")).Should().Be(("CANCELLED", "REFUNDED"));
        cancelled["statusHistory"]!.AsArray().Last()!["reason"]!.GetValue<string>().Should().Be("Damaged on arrival.");
        (await app.CountersAsync(order.Listing)).Should().Be((7, 0, 0), "a refund after delivery does not put goods back on the shelf");

        var events = Events(order.OrderId);
        events.Select(e => (e.Text("from"), e.Text("to"), e.Text("actorKind"), e.Text("paymentStatus"), e["sequence"]!.GetValue<int>())).Should().Equal(
            ("PLACED", "ACCEPTED", "SELLER", "PENDING", 2),
            ("ACCEPTED", "OUT_FOR_DELIVERY", "SELLER", "PENDING", 3),
            ("OUT_FOR_DELIVERY", "DELIVERED", "SELLER", "PAID", 4),
            ("DELIVERED", "CANCELLED", "ADMIN", "REFUNDED", 5));
        var last = events.Last();
        (last.Text("number"), last.Text("total"), last.Text("currencyCode"), last.Text("paymentMethod"), last.Text("fulfilment"), last.Text("reason"))
            .Should().Be((order.Order.Text("number"), "15.00", "EUR", "PAY_ON_DELIVERY", "DELIVERY", "Damaged on arrival."));
        (last.Text("buyerId"), last.Text("storeId"), last.Text("sellerId")).Should().Be((order.Buyer.UserId, order.Shop.StoreId, order.Shop.SellerId));
        events[0].Text("actorId").Should().Be(order.Shop.SellerId);
        PendingEffects(order.OrderId).Should().Be(0);
    }

    [Fact]
    public async Task Stock_goes_back_when_an_order_ends_before_its_units_leave_and_comes_back_from_the_courier()
    {
        var listing = await app.ProductAsync(await app.ShopAsync(), price: "5.00", stock: 10);
        var rejected = await app.PlaceOrderAsync(listing: listing, quantity: 1);
        var cancelledByBuyer = await app.PlaceOrderAsync(listing: listing, quantity: 2);
        var cancelledReady = await app.PlaceOrderAsync(listing: listing, quantity: 3, pickup: true);
        var cancelledOut = await app.PlaceOrderAsync(listing: listing, quantity: 4);
        (await app.CountersAsync(listing)).Should().Be((10, 0, 10));
        var seller = listing.Shop.SellerToken;
        var admin = app.AdminToken();

        await _client.MovedAsync("orderReject", seller, rejected.OrderGlobalId, "Out of flour.");
        (await app.CountersAsync(listing)).Should().Be((10, 0, 9), "rejected: released (Restock UNFULFILLED)");
        await _client.MovedAsync("orderCancel", cancelledByBuyer.Buyer.Token, cancelledByBuyer.OrderGlobalId);
        (await app.CountersAsync(listing)).Should().Be((10, 0, 7), "cancelled by the buyer: released");

        await _client.MovedAsync("orderAccept", seller, cancelledReady.OrderGlobalId);
        await _client.MovedAsync("orderMarkReady", seller, cancelledReady.OrderGlobalId);
        (await app.CountersAsync(listing)).Should().Be((10, 0, 7), "ready for pickup: still in the store");
        await _client.MovedAsync("orderCancel", admin, cancelledReady.OrderGlobalId, "Never collected.");
        (await app.CountersAsync(listing)).Should().Be((10, 0, 4), "cancelled while waiting at the store: released");

        await _client.MovedAsync("orderAccept", seller, cancelledOut.OrderGlobalId);
        await _client.MovedAsync("orderMarkOutForDelivery", seller, cancelledOut.OrderGlobalId);
        (await app.CountersAsync(listing)).Should().Be((6, 0, 0), "out for delivery: handed over (Fulfil)");
        await _client.MovedAsync("orderCancel", admin, cancelledOut.OrderGlobalId, "Address unreachable.");
        (await app.CountersAsync(listing)).Should().Be((10, 0, 0), "cancelled on the way: the courier brings the units back (Restock FULFILLED)");

        var pickedUp = await app.PlaceOrderAsync(listing: listing, quantity: 5, pickup: true);
        foreach (var step in new[] { "orderAccept", "orderMarkReady", "orderMarkDelivered" })
            await _client.MovedAsync(step, seller, pickedUp.OrderGlobalId);
        (await app.CountersAsync(listing)).Should().Be((5, 0, 0), "picked up: handed over");
        Row(pickedUp.OrderId).Should().Be(("PICKED_UP", "PAID"));
        foreach (var order in new[] { rejected, cancelledByBuyer, cancelledReady, cancelledOut, pickedUp })
            PendingEffects(order.OrderId).Should().Be(0);
        Row(rejected.OrderId).Should().Be(("REJECTED", "VOIDED"));
        Row(cancelledOut.OrderId).Should().Be(("CANCELLED", "VOIDED"), "paid on delivery, never delivered: nothing to give back");
    }

    [Fact]
    public async Task A_card_group_is_captured_per_accepted_order_let_go_once_decided_and_refunded_per_order()
    {
        var bakery = await app.ShopAsync(name: "Card Bakery");
        var grocer = await app.ShopAsync(near: (bakery.Latitude, bakery.Longitude), name: "Card Grocer");
        var florist = await app.ShopAsync(near: (bakery.Latitude, bakery.Longitude), name: "Card Florist");
        var bread = await app.ProductAsync(bakery, price: "2.50");
        var apples = await app.ProductAsync(grocer, price: "1.20");
        var roses = await app.ProductAsync(florist, price: "7.00");
        var buyer = await app.BuyerAsync(at: (bakery.Latitude, bakery.Longitude));
        var group = await _client.PlaceAsync(buyer, [(bread.VariantGlobalId(), 2), (apples.VariantGlobalId(), 5), (roses.VariantGlobalId(), 1)], pickup: false, card: true);
        var orders = group["orders"]!.AsArray().ToDictionary(o => Ids.Local(o!["store"].Text("storeId")), o => o!);
        var (a, b, c) = (orders[bakery.StoreId], orders[grocer.StoreId], orders[florist.StoreId]);
        var intentId = app.IntentOf(group)!;
        var intent = app.Stripe.Get(intentId);
        (intent.Amount, intent.Status, intent.Multicapture).Should().Be((1800L, "requires_capture", true), "one intent for the group, multicapture requested");

        var acceptedA = await _client.MovedAsync("orderAccept", bakery.SellerToken, a.Text("id"));
        acceptedA.Text("paymentStatus").Should().Be("PAID");
        intent = app.Stripe.Get(intentId);
        (intent.Status, intent.AmountReceived, intent.AmountCapturable).Should().Be(("requires_capture", 500L, 1300L), "the rest stays held for the other stores");
        intent.Captures.Should().Equal(new StripeStandIn.Capture(500, Ids.Local(a.Text("id")), false));

        var rejectedB = await _client.MovedAsync("orderReject", grocer.SellerToken, b.Text("id"), "No apples today.");
        rejectedB.Text("paymentStatus").Should().Be("VOIDED");
        app.Stripe.Get(intentId).Status.Should().Be("requires_capture", "the florist has not decided yet");

        await _client.MovedAsync("orderAccept", florist.SellerToken, c.Text("id"));
        intent = app.Stripe.Get(intentId);
        intent.Captures.Select(x => (x.Amount, x.OrderId)).Should().Equal((500L, Ids.Local(a.Text("id"))), (700L, Ids.Local(c.Text("id"))));
        (intent.AmountReceived, intent.AmountCapturable, intent.Status).Should().Be((1200L, 0L, "canceled"), "every order decided: the rejected store's 6.00 is let go");

        // An administrator cancels an accepted order: its total is refunded, once, however often it is asked.
        var cancelledA = await _client.MovedAsync("orderCancel", app.AdminToken(), a.Text("id"), "Seller could not bake.");
        cancelledA.Text("paymentStatus").Should().Be("REFUNDED");
        (await _client.MoveAsync("orderCancel", app.AdminToken(), a.Text("id"), "Again.")).Codes().Should().Equal("INVALID_TRANSITION");
        app.Stripe.RefundsOf(intentId).Select(r => (r.Amount, r.OrderId)).Should().Equal((500L, Ids.Local(a.Text("id"))));
        (Row(Ids.Local(a.Text("id"))), Row(Ids.Local(b.Text("id"))), Row(Ids.Local(c.Text("id"))))
            .Should().Be((("CANCELLED", "REFUNDED"), ("REJECTED", "VOIDED"), ("ACCEPTED", "PAID")));
        foreach (var order in new[] { a, b, c })
            PendingEffects(Ids.Local(order.Text("id"))).Should().Be(0);
        app.Stripe.Problems.Should().BeEmpty();
    }

    [Fact]
    public async Task A_card_without_multicapture_is_captured_once_for_the_accepted_orders_when_the_group_is_decided()
    {
        var bakery = await app.ShopAsync(name: "Single Bakery");
        var grocer = await app.ShopAsync(near: (bakery.Latitude, bakery.Longitude), name: "Single Grocer");
        var florist = await app.ShopAsync(near: (bakery.Latitude, bakery.Longitude), name: "Single Florist");
        var bread = await app.ProductAsync(bakery, price: "2.50");
        var apples = await app.ProductAsync(grocer, price: "1.20");
        var roses = await app.ProductAsync(florist, price: "7.00");
        var buyer = await app.BuyerAsync(at: (bakery.Latitude, bakery.Longitude));
        var group = await _client.PlaceAsync(buyer, [(bread.VariantGlobalId(), 2), (apples.VariantGlobalId(), 5), (roses.VariantGlobalId(), 1)], pickup: false, card: true, cardMethod: "pm_card_visa_single_capture");
        var orders = group["orders"]!.AsArray().ToDictionary(o => Ids.Local(o!["store"].Text("storeId")), o => o!);
        var (a, b, c) = (orders[bakery.StoreId], orders[grocer.StoreId], orders[florist.StoreId]);
        var intentId = app.IntentOf(group)!;

        (await _client.MovedAsync("orderAccept", bakery.SellerToken, a.Text("id"))).Text("paymentStatus").Should().Be("PAID");
        (await _client.MovedAsync("orderCancel", app.AdminToken(), a.Text("id"), "Duplicate order.")).Text("paymentStatus").Should().Be("REFUNDED");
        await _client.MovedAsync("orderAccept", florist.SellerToken, c.Text("id"));
        var intent = app.Stripe.Get(intentId);
        (intent.Status, intent.Captures.Count, app.Stripe.RefundsOf(intentId).Count).Should().Be(("requires_capture", 0, 0), "one authorisation is captured once: not while the grocer has not decided");

        await _client.MovedAsync("orderReject", grocer.SellerToken, b.Text("id"), "No apples today.");
        intent = app.Stripe.Get(intentId);
        intent.Captures.Should().Equal(new StripeStandIn.Capture(1200, null, true));
        (intent.Status, intent.AmountReceived).Should().Be(("succeeded", 1200L), "the two accepted orders (5.00 + 7.00) at once; the grocer's 6.00 let go");
        app.Stripe.RefundsOf(intentId).Select(r => (r.Amount, r.OrderId)).Should().Equal((500L, Ids.Local(a.Text("id"))));
        foreach (var order in new[] { a, b, c })
            PendingEffects(Ids.Local(order.Text("id"))).Should().Be(0);
        app.Stripe.Problems.Should().BeEmpty();
    }

    [Fact]
    public async Task A_single_store_card_order_is_captured_in_full_when_accepted_and_let_go_when_rejected()
    {
        var accepted = await app.PlaceOrderAsync(card: true);
        await _client.MovedAsync("orderAccept", accepted.Shop.SellerToken, accepted.OrderGlobalId);
        var intent = app.Stripe.Get(accepted.IntentId!);
        (intent.Status, intent.AmountReceived).Should().Be(("succeeded", 1000L));
        intent.Captures.Should().Equal(new StripeStandIn.Capture(1000, accepted.OrderId, true));

        var rejected = await app.PlaceOrderAsync(card: true, listing: accepted.Listing);
        await _client.MovedAsync("orderReject", rejected.Shop.SellerToken, rejected.OrderGlobalId, "Closed for the day.");
        (app.Stripe.Get(rejected.IntentId!).Status, app.Stripe.Get(rejected.IntentId!).AmountReceived).Should().Be(("canceled", 0L));

        var cancelled = await app.PlaceOrderAsync(card: true, pickup: true, listing: accepted.Listing);
        await _client.MovedAsync("orderCancel", cancelled.Buyer.Token, cancelled.OrderGlobalId);
        app.Stripe.Get(cancelled.IntentId!).Status.Should().Be("canceled");
        Row(cancelled.OrderId).Should().Be(("CANCELLED", "VOIDED"));
        (await app.CountersAsync(accepted.Listing)).Should().Be((10, 0, 2), "only the accepted order keeps its units");
        app.Stripe.Problems.Should().BeEmpty();
    }

    [Fact]
    public async Task Accept_racing_cancel_on_one_order_has_exactly_one_winner()
    {
        var order = await app.PlaceOrderAsync(card: true);
        var attempts = Enumerable.Range(0, 8).Select(i => Task.Run(() => i % 2 == 0
            ? _client.MoveAsync("orderAccept", order.Shop.SellerToken, order.OrderGlobalId)
            : _client.MoveAsync("orderCancel", order.Buyer.Token, order.OrderGlobalId))).ToList();
        var payloads = await Task.WhenAll(attempts);

        payloads.Where(p => p.Codes().Length == 0 && p["errors"] is null).Should().ContainSingle("exactly one transition wins");
        payloads.Where(p => p.Codes().Length > 0).Should().OnlyContain(p => p.Codes().Single() == "INVALID_TRANSITION").And.HaveCount(7);
        var (status, payment) = Row(order.OrderId);
        HistoryCount(order.OrderId).Should().Be(2, "one history row for the one transition");
        Events(order.OrderId).Should().ContainSingle().Which.Text("to").Should().Be(status);
        var intent = app.Stripe.Get(order.IntentId!);
        if (status == "ACCEPTED")
        {
            (payment, intent.Status, intent.AmountReceived).Should().Be(("PAID", "succeeded", 1000L));
            (await app.CountersAsync(order.Listing)).Should().Be((10, 0, 2));
        }
        else
        {
            (status, payment, intent.Status, intent.AmountReceived).Should().Be(("CANCELLED", "VOIDED", "canceled", 0L));
            (await app.CountersAsync(order.Listing)).Should().Be((10, 0, 0));
        }

        intent.Captures.Count.Should().BeLessThanOrEqualTo(1, "never captured twice");
    }

    [Fact]
    public async Task Reasons_are_required_where_asked_and_bounded_and_bad_ids_change_nothing()
    {
        var order = await app.PlaceOrderAsync();
        var seller = order.Shop.SellerToken;

        var noReason = await _client.MoveAsync("orderReject", seller, order.OrderGlobalId, "   ");
        (noReason.Codes().Single(), noReason["userErrors"]![0]!["field"]!.AsArray().Select(f => f!.GetValue<string>()).Last()).Should().Be(("REQUIRED", "reason"));
        var tooLong = await _client.MoveAsync("orderReject", seller, order.OrderGlobalId, new string('x', 501));
        tooLong.Codes().Should().Equal("TOO_LONG");
        var adminWithout = await _client.MoveAsync("orderCancel", app.AdminToken(), order.OrderGlobalId);
        adminWithout.Codes().Should().Equal("REQUIRED");
        var malformed = await _client.MoveAsync("orderAccept", seller, "not-an-id");
        malformed.Codes().Should().Equal("INVALID_ID");
        var unknown = await _client.MoveAsync("orderAccept", seller, Ids.Global("Order", Guid.CreateVersion7().ToString()));
        unknown.Codes().Should().Equal("ORDER_NOT_FOUND");
        var otherType = await _client.MoveAsync("orderAccept", seller, order.Shop.StoreGlobalId);
        otherType.Codes().Should().Equal("INVALID_ID");
        var anonymous = await _client.MoveAsync("orderCancel", null!, order.OrderGlobalId);
        anonymous["errors"]![0]!["extensions"].Text("code").Should().Be("UNAUTHENTICATED");

        Row(order.OrderId).Should().Be(("PLACED", "PENDING"));
        HistoryCount(order.OrderId).Should().Be(1);
        Events(order.OrderId).Should().BeEmpty();
        (await app.CountersAsync(order.Listing)).Should().Be((10, 0, 2));

        // The buyer may cancel without a reason, and one given is kept.
        var cancelled = await _client.MovedAsync("orderCancel", order.Buyer.Token, order.OrderGlobalId, "Ordered by mistake.");
        cancelled["statusHistory"]!.AsArray().Last()!["reason"]!.GetValue<string>().Should().Be("Ordered by mistake.");
    }
}
