using Marketplace.Ordering.Tests.Support;

namespace Marketplace.Ordering.Tests;

/// <summary>Bad input and refused checkouts: clear userErrors with codes, nothing changed, no stock held.</summary>
public sealed class CheckoutInputTests(OrderingApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Bad_checkoutCreate_input_is_a_user_error_and_holds_nothing()
    {
        var listing = await app.ProductAsync(await app.ShopAsync(), stock: 5);
        var buyer = await app.BuyerAsync(at: (listing.Shop.Latitude, listing.Shop.Longitude));
        var stranger = await app.BuyerAsync(at: (listing.Shop.Latitude, listing.Shop.Longitude));
        (await _client.CheckoutCreateAsync(buyer.Token, new { deliveryAddressId = buyer.AddressGlobalId })).Codes().Should().Equal("CART_EMPTY");
        (await _client.AddAsync(buyer.Token, (listing.VariantGlobalId(), 2))).Codes().Should().BeEmpty();

        var cases = new (object Input, string Code, string Field)[]
        {
            (new { deliveryAddressId = stranger.AddressGlobalId }, "ADDRESS_NOT_FOUND", "input.deliveryAddressId"),
            (new { deliveryAddressId = Ids.Global("Address", Guid.NewGuid().ToString()) }, "ADDRESS_NOT_FOUND", "input.deliveryAddressId"),
            (new { deliveryAddressId = listing.ProductGlobalId }, "INVALID_ID", "input.deliveryAddressId"),
            (new { pickup = false }, "REQUIRED", "input.deliveryAddressId"),
            (new { deliveryAddressId = buyer.AddressGlobalId, pickup = true }, "INVALID", "input.deliveryAddressId"),
            (new { deliveryAddressId = buyer.AddressGlobalId, paymentMethod = "PAY_AT_PICKUP" }, "INVALID_PAYMENT_METHOD", "input.paymentMethod"),
            (new { pickup = true, paymentMethod = "PAY_ON_DELIVERY" }, "INVALID_PAYMENT_METHOD", "input.paymentMethod"),
        };
        foreach (var (input, code, field) in cases)
        {
            var payload = await _client.CheckoutCreateAsync(buyer.Token, input);
            payload["checkout"].Should().BeNull(payload.ToJsonString());
            var error = payload["userErrors"]!.AsArray().Should().ContainSingle(payload.ToJsonString()).Subject!;
            (error.Text("code"), CartTests.Path(error)).Should().Be((code, field), payload.ToJsonString());
        }

        (await app.LevelAsync(listing.VariantId)).Reserved.Should().Be(0);
        var pickup = await _client.CheckoutCreateAsync(buyer.Token, new { pickup = true });
        pickup.Codes().Should().BeEmpty(pickup.ToJsonString());
        (pickup["checkout"].Text("fulfilment"), pickup["checkout"].Text("paymentMethod")).Should().Be(("PICKUP", "PAY_AT_PICKUP"));
    }

    [Fact]
    public async Task Stores_that_cannot_take_the_order_are_refused_one_error_per_problem_and_nothing_is_held()
    {
        var near = await app.ShopAsync(radiusKm: 1);
        var plenty = await app.ProductAsync(near, stock: 50);
        var scarce = await app.ProductAsync(near, stock: 1);
        var elsewhere = await app.ShopAsync(near: (near.Latitude + 0.05, near.Longitude), radiusKm: 1);
        var far = await app.ProductAsync(elsewhere, stock: 5);
        var buyer = await app.BuyerAsync(at: (near.Latitude, near.Longitude + 0.001));
        (await _client.AddAsync(buyer.Token, (plenty.VariantGlobalId(), 2), (far.VariantGlobalId(), 1))).Codes().Should().BeEmpty();

        var outside = await _client.CheckoutCreateAsync(buyer.Token, new { deliveryAddressId = buyer.AddressGlobalId });
        outside.Codes().Should().Equal("OUTSIDE_DELIVERY_AREA");

        // Pickup: every open store offers it. Then a short line: nothing of the others stays held.
        (await _client.AddAsync(buyer.Token, (scarce.VariantGlobalId(), 3))).Codes().Should().BeEmpty();
        var shortOfStock = await _client.CheckoutCreateAsync(buyer.Token, new { pickup = true });
        shortOfStock.Codes().Should().Equal("INSUFFICIENT_STOCK");
        shortOfStock["userErrors"]![0].Text("message").Should().Contain("only 1 available");
        foreach (var variant in new[] { plenty.VariantId, scarce.VariantId, far.VariantId })
            (await app.LevelAsync(variant)).Reserved.Should().Be(0);

        const string Update = "mutation($i: CartLinesUpdateInput!) { cartLinesUpdate(input: $i) { userErrors { code } } }";
        (await _client.SendAsync(Update, new { i = new { lines = new[] { new { variantId = scarce.VariantGlobalId(), quantity = 1 } } } }, buyer.Token)).Data("cartLinesUpdate").Codes().Should().BeEmpty();
        (await _client.SendAsync("mutation($id: ID!) { storeClose(input: { id: $id }) { userErrors { code } } }", new { id = elsewhere.StoreGlobalId }, elsewhere.SellerToken)).Data("storeClose").Codes().Should().BeEmpty();
        (await _client.CheckoutCreateAsync(buyer.Token, new { pickup = true })).Codes().Should().Equal("STORE_UNAVAILABLE");
        (await _client.SendAsync("mutation($id: ID!) { productArchive(input: { id: $id }) { userErrors { code } } }", new { id = scarce.ProductGlobalId }, near.SellerToken)).Data("productArchive").Codes().Should().BeEmpty();
        (await _client.CheckoutCreateAsync(buyer.Token, new { pickup = true })).Codes().Should().Equal("STORE_UNAVAILABLE", "LINE_UNAVAILABLE");
        foreach (var variant in new[] { plenty.VariantId, scarce.VariantId, far.VariantId })
            (await app.LevelAsync(variant)).Reserved.Should().Be(0);
    }

    [Fact]
    public async Task Bad_checkoutComplete_input_and_other_buyers_checkouts_are_refused()
    {
        var listing = await app.ProductAsync(await app.ShopAsync());
        var buyer = await app.BuyerAsync(at: (listing.Shop.Latitude, listing.Shop.Longitude));
        var stranger = await app.BuyerAsync();
        (await _client.AddAsync(buyer.Token, (listing.VariantGlobalId(), 1))).Codes().Should().BeEmpty();
        var checkout = await _client.CheckoutAsync(buyer);
        var id = checkout.Text("id");

        var cases = new (string CheckoutId, string Key, string Total, string Code, string Field)[]
        {
            (listing.ProductGlobalId, "k", "4.50", "INVALID_ID", "input.checkoutId"),
            (Ids.Global("Checkout", Guid.NewGuid().ToString()), "k", "4.50", "CHECKOUT_NOT_FOUND", "input.checkoutId"),
            (id, "", "4.50", "REQUIRED", "input.idempotencyKey"),
            (id, new string('k', 101), "4.50", "TOO_LONG", "input.idempotencyKey"),
            (id, "k", "-1", "INVALID", "input.expectedTotal"),
        };
        foreach (var (checkoutId, key, total, code, field) in cases)
        {
            var payload = await _client.CompleteAsync(buyer.Token, checkoutId, key, total);
            var error = payload["userErrors"]!.AsArray().Should().ContainSingle(payload.ToJsonString()).Subject!;
            (error.Text("code"), CartTests.Path(error)).Should().Be((code, field), payload.ToJsonString());
        }

        var foreign = await _client.CompleteAsync(stranger.Token, id, "k", "4.50");
        (foreign.Codes().Single(), CartTests.Path(foreign["userErrors"]![0])).Should().Be(("CHECKOUT_NOT_FOUND", "input.checkoutId"), "another buyer's checkout is not revealed");
        (await _client.SendAsync("mutation($i: CheckoutCompleteInput!) { checkoutComplete(input: $i) { userErrors { code } } }",
            new { i = new { checkoutId = id, idempotencyKey = "k", expectedTotal = "4.50" } }, listing.Shop.SellerToken)).ErrorCodes().Should().Equal("FORBIDDEN");
        (await _client.SendAsync("mutation($i: CheckoutCreateInput!) { checkoutCreate(input: $i) { userErrors { code } } }", new { i = new { pickup = true } }))
            .ErrorCodes().Should().Equal("UNAUTHENTICATED");
        (await CheckoutTests.OrderCountAsync(buyer)).Should().Be(0);
        (await app.LevelAsync(listing.VariantId)).Reserved.Should().Be(1, "refusals leave the checkout and its hold as they were");

        const string Node = "query($id: ID!) { node(id: $id) { ... on Checkout { id total { amount } } } }";
        (await _client.SendAsync(Node, new { id }, buyer.Token)).Data("node").Text("id").Should().Be(id);
        foreach (var token in new[] { stranger.Token, listing.Shop.SellerToken, app.AdminToken() })
            (await _client.SendAsync(Node, new { id }, token))["data"]!["node"].Should().BeNull();
        (await _client.SendAsync("{ viewer { checkout { id } } }", null, buyer.Token)).Data("viewer")["checkout"].Text("id").Should().Be(id);
        (await _client.SendAsync("{ viewer { checkout { id } } }", null, stranger.Token)).Data("viewer")["checkout"].Should().BeNull();
    }
}
