using System.Text.Json.Nodes;
using Marketplace.Ordering.Tests.Support;

namespace Marketplace.Ordering.Tests;

/// <summary>The cart through GraphQL: lines, limits, hydration from Catalog, Inventory and Sellers, and who may see it.</summary>
public sealed class CartTests(OrderingApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task A_buyer_fills_one_cart_from_two_stores_and_sees_it_hydrated_and_grouped()
    {
        var bakery = await app.ShopAsync(name: "Bakery");
        var bread = await app.ProductAsync(bakery, variants: 2, price: "4.50", title: "Sourdough");
        var grocer = await app.ShopAsync(near: (bakery.Latitude, bakery.Longitude), name: "Grocer");
        var apples = await app.ProductAsync(grocer, price: "1.25", stock: 3, title: "Apples");
        var buyer = await app.BuyerAsync();

        var added = await _client.AddAsync(buyer.Token, (bread.VariantGlobalId(0), 2), (apples.VariantGlobalId(), 1), (bread.VariantGlobalId(1), 1));
        added.Codes().Should().BeEmpty(added.ToJsonString());
        var again = await _client.AddAsync(buyer.Token, (apples.VariantGlobalId(), 1));
        again.Codes().Should().BeEmpty();

        var cart = (await _client.CartAsync(buyer.Token))!;
        cart["lineCount"]!.GetValue<int>().Should().Be(3);
        cart["totalQuantity"]!.GetValue<int>().Should().Be(5);
        cart.Text("currencyCode").Should().Be("EUR");
        Money(cart["totals"]![0]).Should().Be((4.50m * 3 + 1.25m * 2, "EUR"));
        var first = cart["lines"]![0]!;
        (first.Text("title"), first.Text("variantTitle"), first["quantity"]!.GetValue<int>(), Money(first["unitPrice"]), first["available"]!.GetValue<bool>())
            .Should().Be(("Sourdough", "S0", 2, (4.50m, "EUR"), true));
        cart["lines"]![1]!["quantityAvailable"]!.GetValue<int>().Should().Be(3);
        cart["lines"]![1]!["store"].Text("name").Should().Be("Grocer");

        var groups = cart["storeGroups"]!.AsArray();
        groups.Select(g => g!["store"].Text("name")).Should().Equal("Bakery", "Grocer");
        groups.Select(g => Money(g!["subtotal"])).Should().Equal((13.50m, "EUR"), (2.50m, "EUR"));
        groups[0]!["lines"]!.AsArray().Should().HaveCount(2);
    }

    [Fact]
    public async Task Adding_a_variant_again_adds_to_its_quantity_up_to_the_line_limit()
    {
        var listing = await app.ProductAsync(await app.ShopAsync());
        var buyer = await app.BuyerAsync();

        (await _client.AddAsync(buyer.Token, (listing.VariantGlobalId(), 40), (listing.VariantGlobalId(), 50))).Codes().Should().BeEmpty();
        var tooMany = await _client.AddAsync(buyer.Token, (listing.VariantGlobalId(), 10));
        tooMany["cart"].Should().BeNull();
        var error = tooMany["userErrors"]!.AsArray().Should().ContainSingle().Subject!;
        (error.Text("code"), Path(error)).Should().Be(("QUANTITY_LIMIT", "input.lines.0.quantity"));
        (await _client.CartAsync(buyer.Token))!["lines"]![0]!["quantity"]!.GetValue<int>().Should().Be(90, "a refused add changes nothing");
        (await _client.AddAsync(buyer.Token, (listing.VariantGlobalId(), 9))).Codes().Should().BeEmpty();
    }

    [Fact]
    public async Task Bad_lines_are_user_errors_and_change_nothing()
    {
        var shop = await app.ShopAsync();
        var euro = await app.ProductAsync(shop);
        var pound = await app.ProductAsync(shop, currency: "GBP");
        var draft = await DraftAsync(shop);
        var buyer = await app.BuyerAsync();
        (await _client.AddAsync(buyer.Token, (euro.VariantGlobalId(), 1))).Codes().Should().BeEmpty();

        var cases = new (object Lines, string Code, string Field)[]
        {
            (new[] { new { variantId = "bm90LWFuLWlk", quantity = 1 } }, "INVALID_ID", "input.lines.0.variantId"),
            (new[] { new { variantId = euro.ProductGlobalId, quantity = 1 } }, "INVALID_ID", "input.lines.0.variantId"),
            (new[] { new { variantId = Ids.Global("ProductVariant", Guid.NewGuid().ToString()), quantity = 1 } }, "VARIANT_NOT_FOUND", "input.lines.0.variantId"),
            (new[] { new { variantId = draft, quantity = 1 } }, "VARIANT_NOT_FOUND", "input.lines.0.variantId"),
            (new[] { new { variantId = euro.VariantGlobalId(), quantity = 0 } }, "INVALID_QUANTITY", "input.lines.0.quantity"),
            (new[] { new { variantId = euro.VariantGlobalId(), quantity = -3 } }, "INVALID_QUANTITY", "input.lines.0.quantity"),
            (new[] { new { variantId = euro.VariantGlobalId(), quantity = 100 } }, "INVALID_QUANTITY", "input.lines.0.quantity"),
            (new[] { new { variantId = pound.VariantGlobalId(), quantity = 1 } }, "CURRENCY_MISMATCH", "input.lines.0.variantId"),
            (Enumerable.Repeat(new { variantId = euro.VariantGlobalId(), quantity = 1 }, 101).ToArray(), "TOO_MANY_LINES", "input.lines"),
            (Array.Empty<object>(), "REQUIRED", "input.lines"),
        };
        foreach (var (lines, code, field) in cases)
        {
            var payload = (await _client.SendAsync("mutation($i: CartLinesAddInput!) { cartLinesAdd(input: $i) { cart { id } userErrors { field code message } } }", new { i = new { lines } }, buyer.Token)).Data("cartLinesAdd");
            payload["cart"].Should().BeNull(payload.ToJsonString());
            var error = payload["userErrors"]!.AsArray().Should().ContainSingle().Subject!;
            (error.Text("code"), Path(error)).Should().Be((code, field), payload.ToJsonString());
        }

        var cart = (await _client.CartAsync(buyer.Token))!;
        cart["lines"]!.AsArray().Select(l => (l.Text("variantId"), l!["quantity"]!.GetValue<int>())).Should().Equal((euro.VariantGlobalId(), 1));
    }

    [Fact]
    public async Task Lines_are_updated_and_removed_by_variant()
    {
        var listing = await app.ProductAsync(await app.ShopAsync(), variants: 3);
        var other = await app.ProductAsync(await app.ShopAsync());
        var buyer = await app.BuyerAsync();
        (await _client.AddAsync(buyer.Token, (listing.VariantGlobalId(0), 1), (listing.VariantGlobalId(1), 1), (listing.VariantGlobalId(2), 1))).Codes().Should().BeEmpty();

        const string Update = "mutation($i: CartLinesUpdateInput!) { cartLinesUpdate(input: $i) { cart { lines { variantId quantity } } userErrors { field code } } }";
        var updated = (await _client.SendAsync(Update, new { i = new { lines = new[] { new { variantId = listing.VariantGlobalId(0), quantity = 7 }, new { variantId = listing.VariantGlobalId(1), quantity = 0 } } } }, buyer.Token)).Data("cartLinesUpdate");
        updated.Codes().Should().BeEmpty(updated.ToJsonString());
        updated["cart"]!["lines"]!.AsArray().Select(l => (l.Text("variantId"), l!["quantity"]!.GetValue<int>()))
            .Should().Equal((listing.VariantGlobalId(0), 7), (listing.VariantGlobalId(2), 1));

        var missing = (await _client.SendAsync(Update, new { i = new { lines = new[] { new { variantId = other.VariantGlobalId(), quantity = 2 } } } }, buyer.Token)).Data("cartLinesUpdate");
        missing.Codes().Should().Equal("LINE_NOT_FOUND");

        const string Remove = "mutation($i: CartLinesRemoveInput!) { cartLinesRemove(input: $i) { cart { lineCount currencyCode } userErrors { field code } } }";
        var notThere = (await _client.SendAsync(Remove, new { i = new { variantIds = new[] { listing.VariantGlobalId(2), other.VariantGlobalId() } } }, buyer.Token)).Data("cartLinesRemove");
        notThere["userErrors"]!.AsArray().Select(e => (e.Text("code"), Path(e))).Should().Equal(("LINE_NOT_FOUND", "input.variantIds.1"));
        var removed = (await _client.SendAsync(Remove, new { i = new { variantIds = new[] { listing.VariantGlobalId(0), listing.VariantGlobalId(2) } } }, buyer.Token)).Data("cartLinesRemove");
        removed.Codes().Should().BeEmpty();
        (removed["cart"]!["lineCount"]!.GetValue<int>(), removed["cart"]!["currencyCode"]).Should().Be((0, null));
    }

    [Fact]
    public async Task A_line_whose_product_was_archived_or_whose_store_closed_stays_and_is_unavailable()
    {
        var archivedShop = await app.ShopAsync();
        var archived = await app.ProductAsync(archivedShop);
        var closing = await app.ShopAsync(near: (archivedShop.Latitude, archivedShop.Longitude));
        var closed = await app.ProductAsync(closing);
        var scarce = await app.ProductAsync(archivedShop, stock: 2);
        var buyer = await app.BuyerAsync();
        (await _client.AddAsync(buyer.Token, (archived.VariantGlobalId(), 1), (closed.VariantGlobalId(), 1), (scarce.VariantGlobalId(), 3))).Codes().Should().BeEmpty();

        (await _client.SendAsync("mutation($id: ID!) { productArchive(input: { id: $id }) { userErrors { code } } }", new { id = archived.ProductGlobalId }, archivedShop.SellerToken)).Data("productArchive").Codes().Should().BeEmpty();
        (await _client.SendAsync("mutation($id: ID!) { storeClose(input: { id: $id }) { userErrors { code } } }", new { id = closing.StoreGlobalId }, closing.SellerToken)).Data("storeClose").Codes().Should().BeEmpty();

        var cart = (await _client.CartAsync(buyer.Token))!;
        var lines = cart["lines"]!.AsArray();
        lines.Select(l => (l.Text("variantId"), l!["available"]!.GetValue<bool>(), l!["unavailableReason"]?.GetValue<string>())).Should().Equal(
            (archived.VariantGlobalId(), false, "PRODUCT_UNAVAILABLE"),
            (closed.VariantGlobalId(), false, "STORE_UNAVAILABLE"),
            (scarce.VariantGlobalId(), false, "INSUFFICIENT_STOCK"));
        lines[0]!["title"].Should().BeNull();
        lines[1]!["store"].Should().BeNull();
        cart["storeGroups"]!.AsArray().Should().HaveCount(2);
        Money(cart["totals"]![0]).Should().Be((4.50m * 3, "EUR"), "only lines still on sale are priced");
    }

    [Fact]
    public async Task Only_buyers_have_carts_and_nobody_sees_another_buyers_cart()
    {
        var listing = await app.ProductAsync(await app.ShopAsync());
        var buyer = await app.BuyerAsync();
        var added = await _client.AddAsync(buyer.Token, (listing.VariantGlobalId(), 1));
        var cartId = added["cart"].Text("id");
        var other = await app.BuyerAsync();

        (await _client.SendAsync("mutation($i: CartLinesAddInput!) { cartLinesAdd(input: $i) { cart { id } } }", new { i = new { lines = new[] { new { variantId = listing.VariantGlobalId(), quantity = 1 } } } }, listing.Shop.SellerToken))
            .ErrorCodes().Should().Equal("FORBIDDEN");
        (await _client.SendAsync("mutation($i: CartLinesAddInput!) { cartLinesAdd(input: $i) { cart { id } } }", new { i = new { lines = new[] { new { variantId = listing.VariantGlobalId(), quantity = 1 } } } }))
            .ErrorCodes().Should().Equal("UNAUTHENTICATED");

        const string Node = "query($id: ID!) { node(id: $id) { ... on Cart { id lineCount } } }";
        (await _client.SendAsync(Node, new { id = cartId }, buyer.Token)).Data("node").Text("id").Should().Be(cartId);
        foreach (var token in new[] { other.Token, listing.Shop.SellerToken, app.AdminToken() })
        {
            var answer = await _client.SendAsync(Node, new { id = cartId }, token);
            answer["errors"].Should().BeNull(answer.ToJsonString());
            answer["data"]!["node"].Should().BeNull("another buyer's cart is not revealed");
        }

        (await _client.CartAsync(other.Token)).Should().BeNull();
        (await _client.CartAsync(listing.Shop.SellerToken)).Should().BeNull();
        // Another buyer's update cannot reach this cart: it names their own (empty) cart.
        var update = (await _client.SendAsync("mutation($i: CartLinesUpdateInput!) { cartLinesUpdate(input: $i) { userErrors { code } } }",
            new { i = new { lines = new[] { new { variantId = listing.VariantGlobalId(), quantity = 5 } } } }, other.Token)).Data("cartLinesUpdate");
        update.Codes().Should().Equal("LINE_NOT_FOUND");
        (await _client.CartAsync(buyer.Token))!["lines"]![0]!["quantity"]!.GetValue<int>().Should().Be(1);
    }

    [Fact]
    public async Task A_fifty_line_cart_across_three_stores_costs_one_call_per_module()
    {
        var first = await app.ShopAsync();
        var shops = new[] { first, await app.ShopAsync(near: (first.Latitude, first.Longitude)), await app.ShopAsync(near: (first.Latitude + 0.002, first.Longitude)) };
        var listings = await Task.WhenAll(shops.Select((s, i) => app.ProductAsync(s, variants: i == 2 ? 16 : 17, stock: 5)));
        var buyer = await app.BuyerAsync();
        var lines = listings.SelectMany(l => l.VariantIds.Select((_, i) => (l.VariantGlobalId(i), 1))).ToArray();
        lines.Should().HaveCount(50);
        (await _client.AddAsync(buyer.Token, lines)).Codes().Should().BeEmpty();

        var correlation = "cart-" + Guid.NewGuid().ToString("N");
        var body = await _client.SendAsync(
            """
            { viewer { cart { totals { amount } lines { title unitPrice { amount } available quantityAvailable store { name }
                variant { sku availableForSale quantityAvailable product { title } } }
              storeGroups { store { name } subtotal { amount } lines { lineTotal { amount } } } } } }
            """, null, buyer.Token, correlation);

        body["errors"].Should().BeNull(body.ToJsonString());
        var cart = body["data"]!["viewer"]!["cart"]!;
        cart["lines"]!.AsArray().Should().HaveCount(50).And.OnlyContain(l => l!["available"]!.GetValue<bool>());
        cart["storeGroups"]!.AsArray().Should().HaveCount(3);
        decimal.Parse(cart["totals"]![0].Text("amount"), System.Globalization.CultureInfo.InvariantCulture).Should().Be(4.50m * 50);
        app.CatalogCalls.Calls(correlation, "GetVariants").Should().Be(1);
        app.InventoryCalls.Calls(correlation, "GetAvailability").Should().Be(1);
        app.SellersCalls.Calls(correlation, "GetStores").Should().Be(1);
    }

    private async Task<string> DraftAsync(Shop shop)
    {
        var payload = (await _client.SendAsync(
            "mutation($i: ProductCreateInput!) { productCreate(input: $i) { product { variants { id } } userErrors { code } } }",
            new { i = new { storeId = shop.StoreGlobalId, title = "Not yet", categoryId = (await CategoryOf(shop)), variants = new[] { new { sku = $"D-{Guid.NewGuid():N}"[..20], price = "1.00", currencyCode = "EUR" } } } },
            shop.SellerToken)).Data("productCreate");
        payload.Codes().Should().BeEmpty(payload.ToJsonString());
        return payload["product"]!["variants"]![0].Text("id");
    }

    private async Task<string> CategoryOf(Shop shop)
    {
        // The category of any product: the flows made one when they created the shop's first product.
        var listing = await app.ProductAsync(shop, stock: 0);
        var body = await _client.SendAsync("query($id: ID!) { product(id: $id) { category { id } } }", new { id = listing.ProductGlobalId }, shop.SellerToken);
        return body.Data("product")["category"].Text("id");
    }

    internal static (decimal Amount, string CurrencyCode) Money(JsonNode? money) =>
        (decimal.Parse(money.Text("amount"), System.Globalization.CultureInfo.InvariantCulture), money.Text("currencyCode"));

    internal static string Path(JsonNode? error) =>
        error!["field"] is JsonArray parts ? string.Join('.', parts.Select(p => p!.GetValue<string>())) : "";
}
