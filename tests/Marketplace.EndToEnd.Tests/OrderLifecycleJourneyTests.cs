using System.Text.Json.Nodes;
using Marketplace.EndToEnd.Tests.Support;

namespace Marketplace.EndToEnd.Tests;

/// <summary>
/// After checkout: the seller accepts, sends the order out and marks it delivered; the buyer hears of each step; the
/// completion job closes it after the return window; the order's sale reaches the seller's payout ledger (cash on
/// delivery: the seller owes the commission), an administrator's adjustment and a payout run net it, and the payout is
/// marked paid. Ordering, Inventory, Notifications and Sellers each play their part, in one process or in their own.
/// </summary>
public sealed class OrderLifecycleJourneyTests(Topology topology)
{
    private readonly HttpClient _client = topology.Client();

    [Fact]
    public async Task An_order_is_accepted_delivered_and_completed_and_its_sale_is_netted_in_a_paid_payout()
    {
        var shop = await _client.ShopAsync("E2E Lifecycle Bakery");
        var bread = await _client.ProductAsync(topology, shop, price: "12.50", stock: 5);
        var buyer = await _client.BuyerAsync((shop.Latitude, shop.Longitude));
        var order = await PlaceAsync(buyer, bread);
        var admin = topology.AdminToken();

        foreach (var (mutation, status) in new[] { ("orderAccept", "ACCEPTED"), ("orderMarkOutForDelivery", "OUT_FOR_DELIVERY"), ("orderMarkDelivered", "DELIVERED") })
        {
            var moved = (await _client.SendAsync(
                $"mutation($i: {char.ToUpperInvariant(mutation[0])}{mutation[1..]}Input!) {{ {mutation}(input: $i) {{ order {{ status paymentStatus }} userErrors {{ field code message }} }} }}",
                new { i = new { orderId = order } }, shop.SellerToken)).Data(mutation);
            moved.Codes().Should().BeEmpty(moved.ToJsonString());
            moved["order"].Text("status").Should().Be(status);
        }

        (await _client.FeedAsync(buyer.Token, "order_accepted", 1)).Should().ContainSingle();
        (await _client.FeedAsync(buyer.Token, "order_delivered", 1)).Should().ContainSingle();
        var completed = await Eventually.ReturnsAsync<JsonNode>(
            async () => (await _client.SendAsync("query($id: ID!) { order(id: $id) { status paymentStatus statusHistory { to actorKind } } }", new { id = order }, buyer.Token)).Data("order"),
            o => o.Text("status") == "COMPLETED", TimeSpan.FromSeconds(150), "the completion job closes the order after its 1-second return window");
        completed!.Text("paymentStatus").Should().Be("PAID", "the seller took the cash at the door");

        // Cash on delivery: the seller holds the buyer's 12.50 and owes the commission (10 %: 1.25), available once completed.
        var ledger = await Eventually.ReturnsAsync<JsonNode>(
            async () => (await _client.SendAsync("{ viewer { payoutBalance { currencyCode available { amount } pending { amount } } ledgerEntries(first: 20) { nodes { type amount { amount } status } } } }", token: shop.SellerToken)).Data("viewer"),
            v => v!["payoutBalance"]!.AsArray().Count == 1 && v["payoutBalance"]![0]!["available"].Text("amount") == "-1.25",
            TimeSpan.FromSeconds(60), "the completed sale is available in the seller's ledger");
        ledger["ledgerEntries"]!["nodes"]!.AsArray().Select(e => (e.Text("type"), e!["amount"].Text("amount"), e.Text("status")))
            .Should().BeEquivalentTo(new[] { ("SALE", "12.50", "AVAILABLE"), ("COMMISSION", "-1.25", "AVAILABLE"), ("COLLECTED_BY_SELLER", "-12.50", "AVAILABLE") });

        var sellerId = (await _client.SendAsync("{ viewer { userId } }", token: shop.SellerToken)).Data("viewer").Text("userId");
        var adjusted = (await _client.SendAsync(
            "mutation($i: LedgerAdjustInput!) { ledgerAdjust(input: $i) { userErrors { field code message } } }",
            new { i = new { sellerId, currencyCode = "EUR", amount = "20.00", reason = "Launch bonus" } }, admin)).Data("ledgerAdjust");
        adjusted.Codes().Should().BeEmpty(adjusted.ToJsonString());
        var run = (await _client.SendAsync(
            "mutation { payoutRunStart(input: { currencyCode: \"EUR\" }) { payouts { id sellerId amount { amount } status } userErrors { field code message } } }", token: admin)).Data("payoutRunStart");
        run.Codes().Should().BeEmpty(run.ToJsonString());
        var payout = run["payouts"]!.AsArray().Single(p => p.Text("sellerId") == sellerId)!;
        payout["amount"].Text("amount").Should().Be("18.75", "the bonus less the commission owed on the cash sale");
        var paid = (await _client.SendAsync(
            "mutation($i: PayoutMarkPaidInput!) { payoutMarkPaid(input: $i) { payout { status } userErrors { field code message } } }",
            new { i = new { payoutId = payout.Text("id"), reference = "SEPA-E2E-1" } }, admin)).Data("payoutMarkPaid");
        paid.Codes().Should().BeEmpty(paid.ToJsonString());
        paid["payout"].Text("status").Should().Be("PAID");
        var after = (await _client.SendAsync("{ viewer { payoutBalance { available { amount } } payouts(first: 5) { nodes { status amount { amount } } } } }", token: shop.SellerToken)).Data("viewer");
        after["payoutBalance"]![0]!["available"].Text("amount").Should().Be("0.00");
        after["payouts"]!["nodes"]!.AsArray().Select(p => (p.Text("status"), p!["amount"].Text("amount"))).Should().Equal(("PAID", "18.75"));
    }

    private async Task<string> PlaceAsync(Buyer buyer, Listing listing)
    {
        var added = (await _client.SendAsync(
            "mutation($i: CartLinesAddInput!) { cartLinesAdd(input: $i) { userErrors { field code message } } }",
            new { i = new { lines = new[] { new { variantId = listing.VariantIds[0], quantity = 1 } } } }, buyer.Token)).Data("cartLinesAdd");
        added.Codes().Should().BeEmpty(added.ToJsonString());
        var checkout = (await _client.SendAsync(
            "mutation($i: CheckoutCreateInput!) { checkoutCreate(input: $i) { checkout { id total { amount } } userErrors { field code message } } }",
            new { i = new { deliveryAddressId = buyer.AddressId } }, buyer.Token)).Data("checkoutCreate");
        checkout.Codes().Should().BeEmpty(checkout.ToJsonString());
        var completed = (await _client.SendAsync(
            "mutation($i: CheckoutCompleteInput!) { checkoutComplete(input: $i) { orderGroup { orders { id } } userErrors { field code message } } }",
            new { i = new { checkoutId = checkout["checkout"].Text("id"), idempotencyKey = Guid.NewGuid().ToString(), expectedTotal = checkout["checkout"]!["total"].Text("amount") } }, buyer.Token)).Data("checkoutComplete");
        completed.Codes().Should().BeEmpty(completed.ToJsonString());
        return completed["orderGroup"]!["orders"]![0].Text("id");
    }
}
