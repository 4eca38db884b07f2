using System.Text.Json.Nodes;
using Marketplace.Ordering.Tests.Support;
using Npgsql;

namespace Marketplace.Ordering.Tests;

/// <summary>checkoutCreate and checkoutComplete through GraphQL: orders per store, totals, stock, idempotency, prices, expiry.</summary>
public sealed class CheckoutTests(OrderingApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task A_cart_across_three_stores_becomes_three_orders_in_one_group_that_add_up_to_the_cent()
    {
        var first = await app.ShopAsync(name: "Baker");
        var shops = new[] { first, await app.ShopAsync(near: (first.Latitude, first.Longitude), name: "Grocer"), await app.ShopAsync(near: (first.Latitude + 0.002, first.Longitude), name: "Florist") };
        var bread = await app.ProductAsync(shops[0], price: "3.33", stock: 10, title: "Rye");
        var apples = await app.ProductAsync(shops[1], variants: 2, price: "0.10", stock: 10, title: "Apples");
        var tulips = await app.ProductAsync(shops[2], price: "7.77", stock: 10, title: "Tulips");
        var buyer = await app.BuyerAsync(at: (first.Latitude + 0.001, first.Longitude + 0.001));
        (await _client.AddAsync(buyer.Token, (bread.VariantGlobalId(), 3), (apples.VariantGlobalId(0), 7), (tulips.VariantGlobalId(), 1), (apples.VariantGlobalId(1), 1))).Codes().Should().BeEmpty();

        var checkout = await _client.CheckoutAsync(buyer);
        checkout.Text("status").Should().Be("OPEN");
        checkout["total"].Amount().Should().Be(3.33m * 3 + 0.10m * 8 + 7.77m);
        checkout["stores"]!.AsArray().Select(s => (s!["store"].Text("name"), s["subtotal"].Amount())).Should().Equal(("Baker", 9.99m), ("Grocer", 0.80m), ("Florist", 7.77m));
        (await app.LevelAsync(apples.VariantIds[0])).Reserved.Should().Be(7, "checkoutCreate holds the stock");

        var completed = await _client.CompleteAsync(buyer.Token, checkout.Text("id"), Guid.NewGuid().ToString(), checkout["total"].Text("amount"));
        completed.Codes().Should().BeEmpty(completed.ToJsonString());
        var group = completed["orderGroup"]!;
        var orders = group["orders"]!.AsArray();
        orders.Should().HaveCount(3);
        var number = group.Text("number");
        number.Should().MatchRegex(@"^MP-\d+$");
        orders.Select(o => o.Text("number")).Should().Equal($"{number}-1", $"{number}-2", $"{number}-3");
        orders.Select(o => o!["store"].Text("name")).Should().Equal("Baker", "Grocer", "Florist");
        orders.Select(o => o!["total"].Amount()).Should().Equal(9.99m, 0.80m, 7.77m);
        orders.Sum(o => o!["total"].Amount()).Should().Be(group["total"].Amount()).And.Be(18.56m);
        orders.Should().OnlyContain(o => o.Text("status") == "PLACED" && o.Text("paymentStatus") == "PENDING" && o.Text("paymentMethod") == "PAY_ON_DELIVERY");
        var grocer = orders[1]!;
        grocer["lines"]!.AsArray().Select(l => (l.Text("productTitle"), l.Text("variantTitle"), l!["quantity"]!.GetValue<int>(), l["lineTotal"].Amount()))
            .Should().Equal(("Apples", "S0", 7, 0.70m), ("Apples", "S1", 1, 0.10m));
        grocer["deliveryAddress"].Text("recipient").Should().Be("Test Buyer");

        foreach (var (variant, allocated) in new[] { (bread.VariantId, 3), (apples.VariantIds[0], 7), (apples.VariantIds[1], 1), (tulips.VariantId, 1) })
        {
            var level = await app.LevelAsync(variant);
            (level.OnHand, level.Reserved, level.Allocated).Should().Be((10, 0, allocated), "the holds became the orders' allocations");
        }

        (await _client.CartAsync(buyer.Token)).Should().BeNull("the cart was checked out");
    }

    [Fact]
    public async Task The_same_key_answers_the_first_group_and_other_input_under_it_is_refused()
    {
        var listing = await app.ProductAsync(await app.ShopAsync(), price: "2.00");
        var buyer = await app.BuyerAsync(at: (listing.Shop.Latitude, listing.Shop.Longitude));
        (await _client.AddAsync(buyer.Token, (listing.VariantGlobalId(), 2))).Codes().Should().BeEmpty();
        var checkout = await _client.CheckoutAsync(buyer);
        var key = Guid.NewGuid().ToString();

        var first = await _client.CompleteAsync(buyer.Token, checkout.Text("id"), key, "4.00");
        first.Codes().Should().BeEmpty(first.ToJsonString());
        var again = await _client.CompleteAsync(buyer.Token, checkout.Text("id"), key, "4.00");
        again.Codes().Should().BeEmpty(again.ToJsonString());
        again["orderGroup"].Text("id").Should().Be(first["orderGroup"].Text("id"));

        (await _client.CompleteAsync(buyer.Token, checkout.Text("id"), key, "4.01")).Codes().Should().Equal("IDEMPOTENCY_KEY_REUSED");
        (await _client.CompleteAsync(buyer.Token, checkout.Text("id"), Guid.NewGuid().ToString(), "4.00")).Codes().Should().Equal("CHECKOUT_COMPLETED");
        (await OrderCountAsync(buyer)).Should().Be(1);
        (await app.LevelAsync(listing.VariantId)).Allocated.Should().Be(2);
    }

    [Fact]
    public async Task Concurrent_completions_of_one_checkout_place_one_order_group()
    {
        foreach (var sameKey in new[] { true, false })
        {
            var listing = await app.ProductAsync(await app.ShopAsync(), price: "1.50", stock: 20);
            var buyer = await app.BuyerAsync(at: (listing.Shop.Latitude, listing.Shop.Longitude));
            (await _client.AddAsync(buyer.Token, (listing.VariantGlobalId(), 3))).Codes().Should().BeEmpty();
            var checkout = await _client.CheckoutAsync(buyer);
            var sharedKey = Guid.NewGuid().ToString();

            var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
                app.CreateClient().CompleteAsync(buyer.Token, checkout.Text("id"), sameKey ? sharedKey : Guid.NewGuid().ToString(), "4.50")));

            var placed = answers.Where(a => a.Codes().Length == 0).Select(a => a["orderGroup"].Text("id")).Distinct().ToList();
            placed.Should().ContainSingle(string.Join("\n", answers.Select(a => a.ToJsonString())));
            answers.Where(a => a.Codes().Length > 0).SelectMany(a => a.Codes())
                .Should().OnlyContain(c => c == "CHECKOUT_IN_PROGRESS" || c == "CHECKOUT_COMPLETED");
            if (sameKey)
            {
                var retried = await _client.CompleteAsync(buyer.Token, checkout.Text("id"), sharedKey, "4.50");
                retried["orderGroup"].Text("id").Should().Be(placed[0], "a retry with the key answers the first result");
            }

            (await OrderCountAsync(buyer)).Should().Be(1);
            var level = await app.LevelAsync(listing.VariantId);
            (level.OnHand, level.Reserved, level.Allocated).Should().Be((20, 0, 3));
        }
    }

    [Fact]
    public async Task A_price_change_after_checkoutCreate_is_PRICE_CHANGED_with_the_new_total_and_nothing_placed()
    {
        var listing = await app.ProductAsync(await app.ShopAsync(), price: "5.00");
        var buyer = await app.BuyerAsync(at: (listing.Shop.Latitude, listing.Shop.Longitude));
        (await _client.AddAsync(buyer.Token, (listing.VariantGlobalId(), 2))).Codes().Should().BeEmpty();
        var checkout = await _client.CheckoutAsync(buyer);
        await RepriceAsync(listing, "5.25");

        var refused = await _client.CompleteAsync(buyer.Token, checkout.Text("id"), Guid.NewGuid().ToString(), "10.00");
        refused.Codes().Should().Equal("PRICE_CHANGED");
        refused["userErrors"]![0].Text("message").Should().Contain("10.50");
        refused["orderGroup"].Should().BeNull();
        (refused["checkout"].Text("status"), refused["checkout"]!["total"].Amount()).Should().Be(("OPEN", 10.50m));
        (await OrderCountAsync(buyer)).Should().Be(0);
        (await app.LevelAsync(listing.VariantId)).Reserved.Should().Be(2, "the checkout stays open with its hold");

        var placed = await _client.CompleteAsync(buyer.Token, checkout.Text("id"), Guid.NewGuid().ToString(), "10.50");
        placed.Codes().Should().BeEmpty(placed.ToJsonString());
        placed["orderGroup"]!["orders"]![0]!["lines"]![0]!["unitPrice"].Amount().Should().Be(5.25m);
    }

    [Fact]
    public async Task An_expired_checkout_is_CHECKOUT_EXPIRED_and_its_hold_is_released()
    {
        var listing = await app.ProductAsync(await app.ShopAsync(), stock: 4);
        var buyer = await app.BuyerAsync(at: (listing.Shop.Latitude, listing.Shop.Longitude));
        (await _client.AddAsync(buyer.Token, (listing.VariantGlobalId(), 3))).Codes().Should().BeEmpty();
        var checkout = await _client.CheckoutAsync(buyer);
        (await app.LevelAsync(listing.VariantId)).Reserved.Should().Be(3);
        await ExpireAsync(Ids.Local(checkout.Text("id")));

        var key = Guid.NewGuid().ToString();
        (await _client.CompleteAsync(buyer.Token, checkout.Text("id"), key, checkout["total"].Text("amount"))).Codes().Should().Equal("CHECKOUT_EXPIRED");
        (await _client.CompleteAsync(buyer.Token, checkout.Text("id"), key, checkout["total"].Text("amount"))).Codes().Should().Equal("CHECKOUT_EXPIRED");
        var level = await app.LevelAsync(listing.VariantId);
        (level.Reserved, level.Allocated).Should().Be((0, 0));
        (await OrderCountAsync(buyer)).Should().Be(0);

        // The cart is still there: a new checkout holds the stock again. A refusal never consumed the key.
        var renewed = await _client.CheckoutAsync(buyer);
        (await app.LevelAsync(listing.VariantId)).Reserved.Should().Be(3);
        (await _client.CompleteAsync(buyer.Token, renewed.Text("id"), key, renewed["total"].Text("amount"))).Codes().Should().BeEmpty();
    }

    [Fact]
    public async Task A_new_checkout_replaces_the_open_one_and_its_hold()
    {
        var listing = await app.ProductAsync(await app.ShopAsync(), stock: 10);
        var other = await app.ProductAsync(await app.ShopAsync(near: (listing.Shop.Latitude, listing.Shop.Longitude)), stock: 10);
        var buyer = await app.BuyerAsync(at: (listing.Shop.Latitude, listing.Shop.Longitude));
        (await _client.AddAsync(buyer.Token, (listing.VariantGlobalId(), 4), (other.VariantGlobalId(), 2))).Codes().Should().BeEmpty();
        var first = await _client.CheckoutAsync(buyer);
        const string Remove = "mutation($i: CartLinesRemoveInput!) { cartLinesRemove(input: $i) { userErrors { code } } }";
        (await _client.SendAsync(Remove, new { i = new { variantIds = new[] { other.VariantGlobalId() } } }, buyer.Token)).Data("cartLinesRemove").Codes().Should().BeEmpty();
        const string Update = "mutation($i: CartLinesUpdateInput!) { cartLinesUpdate(input: $i) { userErrors { code } } }";
        (await _client.SendAsync(Update, new { i = new { lines = new[] { new { variantId = listing.VariantGlobalId(), quantity = 1 } } } }, buyer.Token)).Data("cartLinesUpdate").Codes().Should().BeEmpty();

        (await _client.CompleteAsync(buyer.Token, first.Text("id"), Guid.NewGuid().ToString(), first["total"].Text("amount"))).Codes().Should().Equal("CART_CHANGED");
        var second = await _client.CheckoutAsync(buyer);
        ((await app.LevelAsync(listing.VariantId)).Reserved, (await app.LevelAsync(other.VariantId)).Reserved).Should().Be((1, 0), "the new hold replaced the old one");
        (await _client.CompleteAsync(buyer.Token, first.Text("id"), Guid.NewGuid().ToString(), first["total"].Text("amount"))).Codes().Should().Equal("CHECKOUT_CLOSED");
        var placed = await _client.CompleteAsync(buyer.Token, second.Text("id"), Guid.NewGuid().ToString(), second["total"].Text("amount"));
        placed.Codes().Should().BeEmpty(placed.ToJsonString());
        ((await app.LevelAsync(listing.VariantId)).Allocated, (await app.LevelAsync(other.VariantId)).Allocated).Should().Be((1, 0));
    }

    private async Task RepriceAsync(Listing listing, string price)
    {
        var payload = (await _client.SendAsync(
            "mutation($i: ProductVariantsBulkUpdateInput!) { productVariantsBulkUpdate(input: $i) { userErrors { field code message } } }",
            new { i = new { productId = listing.ProductGlobalId, variants = new[] { new { id = listing.VariantGlobalId(), price } } } }, listing.Shop.SellerToken)).Data("productVariantsBulkUpdate");
        payload.Codes().Should().BeEmpty(payload.ToJsonString());
    }

    private static async Task ExpireAsync(string checkoutId)
    {
        // Time passing, not a shortcut around a rule: the checkout's hold ends in the past, as 15 minutes later.
        await using var connection = new NpgsqlConnection(TestServices.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("UPDATE ordering.checkouts SET expires_at = now() - interval '1 second' WHERE id = $1", connection) { Parameters = { new() { Value = Guid.Parse(checkoutId) } } };
        (await command.ExecuteNonQueryAsync()).Should().Be(1);
    }

    internal static async Task<long> OrderCountAsync(Buyer buyer)
    {
        await using var connection = new NpgsqlConnection(TestServices.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM ordering.orders WHERE buyer_id = $1", connection) { Parameters = { new() { Value = Guid.Parse(buyer.UserId) } } };
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
