using Marketplace.EndToEnd.Tests.Support;

namespace Marketplace.EndToEnd.Tests;

/// <summary>
/// A buyer fills a cart from two stores, checks out and completes: one order per store, stock taken, and both sides
/// notified (the buyer in the app, each seller by email too).
/// </summary>
public sealed class CheckoutJourneyTests(Topology topology)
{
    private readonly HttpClient _client = topology.Client();

    [Fact]
    public async Task A_cart_from_two_stores_checks_out_into_two_orders_that_take_stock_and_notify_both_sides()
    {
        var bakery = await _client.ShopAsync("E2E Checkout Bakery");
        var grocer = await _client.ShopAsync("E2E Checkout Grocer", near: (bakery.Latitude, bakery.Longitude));
        var bread = await _client.ProductAsync(topology, bakery, price: "2.50", stock: 5);
        var apples = await _client.ProductAsync(topology, grocer, price: "1.00", stock: 9);
        var buyer = await _client.BuyerAsync((bakery.Latitude, bakery.Longitude));

        var added = (await _client.SendAsync(
            "mutation($i: CartLinesAddInput!) { cartLinesAdd(input: $i) { cart { lineCount totalQuantity totals { amount currencyCode } } userErrors { field code message } } }",
            new { i = new { lines = new[] { new { variantId = bread.VariantIds[0], quantity = 2 }, new { variantId = apples.VariantIds[0], quantity = 3 } } } }, buyer.Token)).Data("cartLinesAdd");
        added.Codes().Should().BeEmpty(added.ToJsonString());
        added["cart"]!["totalQuantity"]!.GetValue<int>().Should().Be(5);

        var created = (await _client.SendAsync(
            "mutation($i: CheckoutCreateInput!) { checkoutCreate(input: $i) { checkout { id total { amount currencyCode } stores { itemCount } } userErrors { field code message } } }",
            new { i = new { deliveryAddressId = buyer.AddressId } }, buyer.Token)).Data("checkoutCreate");
        created.Codes().Should().BeEmpty(created.ToJsonString());
        var checkout = created["checkout"]!;
        checkout["total"].Text("amount").Should().Be("8.00");

        var completed = (await _client.SendAsync(
            "mutation($i: CheckoutCompleteInput!) { checkoutComplete(input: $i) { orderGroup { id number orders { number status store { storeId } total { amount } } } userErrors { field code message } } }",
            new { i = new { checkoutId = checkout.Text("id"), idempotencyKey = Guid.NewGuid().ToString(), expectedTotal = "8.00" } }, buyer.Token)).Data("checkoutComplete");

        completed.Codes().Should().BeEmpty(completed.ToJsonString());
        var orders = completed["orderGroup"]!["orders"]!.AsArray();
        orders.Select(o => o!["total"].Text("amount")).Should().BeEquivalentTo(["5.00", "3.00"]);
        var order = orders.Single(o => o!["store"].Text("storeId") == bakery.StoreId)!;
        var level = (await _client.SendAsync("query($id: ID!) { product(id: $id) { variants { inventory { onHand allocated available } } } }", new { id = bread.ProductId }, bakery.SellerToken))
            .Data("product")["variants"]![0]!["inventory"]!;
        level["available"]!.GetValue<int>().Should().Be(3, level.ToJsonString());
        var orderNumber = order.Text("number");
        var cartAfter = (await _client.SendAsync("{ viewer { cart { lineCount } } }", token: buyer.Token)).Data("viewer")["cart"];
        cartAfter.Should().BeNull("a completed checkout empties the cart");

        (await _client.FeedAsync(buyer.Token, "order_placed_buyer", 2)).Should().HaveCount(2, "one confirmation per order");
        (await _client.FeedAsync(bakery.SellerToken, "order_placed_seller", 1)).Single().Text("title").Should().Contain(orderNumber);
        var mail = await Eventually.ReturnsAsync<List<System.Text.Json.Nodes.JsonNode>>(
            async () => (await Journeys.EmailsToAsync(bakery.ContactEmail)).Where(m => (m["subject"]?.GetValue<string>() ?? "").Contains(orderNumber, StringComparison.Ordinal)).ToList(),
            m => m!.Count > 0, Journeys.Delivery, "the seller's new-order email reaches the store's contact address");
        mail.Should().ContainSingle();
    }
}
