using System.Text.Json.Nodes;
using Marketplace.Modules.Inventory.Contracts.V1;

namespace Marketplace.Ordering.Tests.Support;

/// <summary>A verified seller's ACTIVE store at a fresh place.</summary>
public sealed record Shop(string SellerToken, string SellerId, string StoreId, double Latitude, double Longitude)
{
    public string StoreGlobalId => Ids.Global("Store", StoreId);
}

/// <summary>A product of a shop with its variants (ids as contracts take them; global ids for GraphQL).</summary>
public sealed record Listing(Shop Shop, string ProductId, IReadOnlyList<string> VariantIds, IReadOnlyList<string> Skus, string Title)
{
    public string VariantId => VariantIds[0];

    public string ProductGlobalId => Ids.Global("Product", ProductId);

    public string VariantGlobalId(int index = 0) => Ids.Global("ProductVariant", VariantIds[index]);
}

/// <summary>A signed-in buyer (live session) with one address.</summary>
public sealed record Buyer(string Token, string UserId, string AddressId)
{
    public string AddressGlobalId => Ids.Global("Address", AddressId);
}

public static class Ids
{
    public static string Global(string type, string id) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{type}:{id}"));

    public static string Local(string globalId) => System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(globalId)).Split(':', 2)[1];
}

/// <summary>The flows ordering tests start from, all through the public surface (GraphQL) or the owning module's contract.</summary>
public static class OrderingFlows
{
    private static readonly SemaphoreSlim CategoryLock = new(1, 1);
    private static string? _categoryId;

    /// <summary>A new verified seller with a new ACTIVE store at a fresh place (or <paramref name="near"/> it, ~100 m apart).</summary>
    public static async Task<Shop> ShopAsync(this OrderingApp app, (double Latitude, double Longitude)? near = null, double radiusKm = 10, string name = "Ordering test shop")
    {
        var client = app.CreateClient();
        var (token, sellerId) = await client.SellerAsync(app);
        var (lat, lon) = near is { } at ? (at.Latitude + 0.001, at.Longitude) : Gql.NewPlace();
        var store = (await client.CreateStoreAsync(token, Gql.StoreInput(name, lat, lon, Gql.NewSlug("order"), radiusKm))).Data("storeCreate");
        store.Codes().Should().BeEmpty(store.ToJsonString());
        return new Shop(token, sellerId, Ids.Local(store["store"].Text("id")), lat, lon);
    }

    /// <summary>A published product with <paramref name="variants"/> variants at <paramref name="price"/>, each with <paramref name="stock"/> on hand.</summary>
    public static async Task<Listing> ProductAsync(this OrderingApp app, Shop shop, int variants = 1, string price = "4.50", string currency = "EUR", int stock = 10, string? title = null, bool publish = true)
    {
        var client = app.CreateClient();
        var categoryId = await CategoryAsync(app, client);
        var sizes = Enumerable.Range(0, variants).Select(i => $"S{i}").ToArray();
        var skus = sizes.Select(_ => $"ORD-{Guid.NewGuid():N}"[..24].ToUpperInvariant()).ToArray();
        title ??= $"Loaf {Guid.NewGuid():N}"[..13];
        var input = new Dictionary<string, object?>
        {
            ["storeId"] = shop.StoreGlobalId,
            ["title"] = title,
            ["description"] = "Baked for ordering tests.",
            ["categoryId"] = categoryId,
            ["images"] = new[] { "https://images.example.test/loaf.jpg" },
            ["options"] = new[] { new { name = "Size", values = sizes } },
            ["variants"] = sizes.Select((size, i) => new { sku = skus[i], price, currencyCode = currency, optionValues = new[] { new { name = "Size", value = size } } }).ToArray(),
        };
        var created = (await client.SendAsync(
            "mutation($i: ProductCreateInput!) { productCreate(input: $i) { product { id variants { id } } userErrors { field code message } } }",
            new { i = input }, shop.SellerToken)).Data("productCreate");
        created.Codes().Should().BeEmpty(created.ToJsonString());
        var product = created["product"]!;
        if (publish)
            await app.PublishAsync(shop, product.Text("id"));
        var variantIds = product["variants"]!.AsArray().Select(v => Ids.Local(v.Text("id"))).ToList();
        if (stock > 0)
        {
            foreach (var variantId in variantIds)
                await app.StockAsync(shop, variantId, stock);
        }

        return new Listing(shop, Ids.Local(product.Text("id")), variantIds, skus, title);
    }

    /// <summary>Publishes a draft product (its global id) as its seller.</summary>
    public static async Task PublishAsync(this OrderingApp app, Shop shop, string productGlobalId)
    {
        var published = (await app.CreateClient().SendAsync("mutation($id: ID!) { productPublish(input: { id: $id }) { userErrors { code } } }", new { id = productGlobalId }, shop.SellerToken)).Data("productPublish");
        published.Codes().Should().BeEmpty(published.ToJsonString());
    }

    public static async Task<StockLevel> StockAsync(this OrderingApp app, Shop shop, string variantId, int onHand)
    {
        using var _ = OrderingApp.AsSeller(shop.SellerId);
        return await app.Stock.SetOnHandAsync(new SetOnHandRequest { VariantId = variantId, OnHand = onHand });
    }

    public static async Task<StockLevel> LevelAsync(this OrderingApp app, string variantId)
    {
        using var _ = OrderingApp.AsModule("Ordering");
        return (await app.Stock.GetStockLevelsAsync(new GetStockLevelsRequest { VariantIds = { variantId } })).Levels.Single();
    }

    /// <summary>A buyer signed in by the code flow, with one address at <paramref name="at"/> (a fresh place when not given).</summary>
    public static async Task<Buyer> BuyerAsync(this OrderingApp app, (double Latitude, double Longitude)? at = null)
    {
        var client = app.CreateClient();
        var signedIn = await client.SignInBuyerAsync();
        var token = signedIn.Text("accessToken");
        var (lat, lon) = at ?? Gql.NewPlace();
        var address = (await client.SendAsync(
            "mutation($i: AddressCreateInput!) { addressCreate(input: $i) { address { id } userErrors { field code message } } }",
            new { i = new { address = new { label = "Home", recipient = "Test Buyer", lines = new[] { "1 Test Street" }, city = "Lisbon", country = "PT", location = new { latitude = lat, longitude = lon } } } },
            token)).Data("addressCreate");
        address.Codes().Should().BeEmpty(address.ToJsonString());
        return new Buyer(token, signedIn["viewer"].Text("userId"), Ids.Local(address["address"].Text("id")));
    }

    public const string CartFields = """
        id lineCount totalQuantity currencyCode totals { amount currencyCode }
        lines { variantId quantity title variantTitle unitPrice { amount currencyCode } lineTotal { amount } availableForSale quantityAvailable available unavailableReason store { id name } }
        storeGroups { storeId store { name } subtotal { amount currencyCode } lines { variantId quantity } }
        """;

    public static async Task<JsonNode> AddAsync(this HttpClient client, string token, params (string VariantGlobalId, int Quantity)[] lines) =>
        (await client.SendAsync(
            $"mutation($i: CartLinesAddInput!) {{ cartLinesAdd(input: $i) {{ cart {{ {CartFields} }} userErrors {{ field code message }} }} }}",
            new { i = new { lines = lines.Select(l => new { variantId = l.VariantGlobalId, quantity = l.Quantity }).ToArray() } }, token)).Data("cartLinesAdd");

    public static async Task<JsonNode?> CartAsync(this HttpClient client, string token, string? correlationId = null)
    {
        var body = await client.SendAsync($"{{ viewer {{ cart {{ {CartFields} }} }} }}", null, token, correlationId);
        body["errors"].Should().BeNull(body.ToJsonString());
        return body["data"]!["viewer"]!["cart"];
    }

    private static async Task<string> CategoryAsync(OrderingApp app, HttpClient client)
    {
        await CategoryLock.WaitAsync();
        try
        {
            if (_categoryId is not null)
                return _categoryId;
            var payload = (await client.SendAsync(
                "mutation($i: CategoryCreateInput!) { categoryCreate(input: $i) { category { id } userErrors { field code message } } }",
                new { i = new { name = "Ordering tests", slug = $"ord-{Guid.NewGuid():N}"[..30] } },
                app.AdminToken())).Data("categoryCreate");
            payload.Codes().Should().BeEmpty(payload.ToJsonString());
            return _categoryId = payload["category"].Text("id");
        }
        finally
        {
            CategoryLock.Release();
        }
    }
}

/// <summary>checkoutCreate and checkoutComplete through GraphQL.</summary>
public static class CheckoutFlows
{
    public const string CheckoutFields = """
        id status expiresAt fulfilment paymentMethod total { amount currencyCode } subtotal { amount }
        lines { variantId productTitle variantTitle sku unitPrice { amount } quantity lineTotal { amount } }
        stores { store { storeId name } subtotal { amount currencyCode } itemCount }
        """;

    public const string GroupFields = """
        id number total { amount currencyCode } paymentMethod
        orders { id number status paymentStatus paymentMethod fulfilment itemCount total { amount currencyCode } subtotal { amount }
          store { storeId name contactEmail address location { latitude longitude } }
          deliveryAddress { recipient city location { latitude } }
          lines { variantId productTitle variantTitle sku image { url } unitPrice { amount } quantity lineTotal { amount } } }
        """;

    public static async Task<JsonNode> CheckoutCreateAsync(this HttpClient client, string token, object input) =>
        (await client.SendAsync(
            $"mutation($i: CheckoutCreateInput!) {{ checkoutCreate(input: $i) {{ checkout {{ {CheckoutFields} }} userErrors {{ field code message }} }} }}",
            new { i = input }, token)).Data("checkoutCreate");

    /// <summary>A checkout delivered to the buyer's address, expected to succeed.</summary>
    public static async Task<JsonNode> CheckoutAsync(this HttpClient client, Buyer buyer)
    {
        var payload = await client.CheckoutCreateAsync(buyer.Token, new { deliveryAddressId = buyer.AddressGlobalId });
        payload.Codes().Should().BeEmpty(payload.ToJsonString());
        return payload["checkout"]!;
    }

    public static async Task<JsonNode> CompleteAsync(this HttpClient client, string token, string checkoutId, string key, string expectedTotal) =>
        (await client.SendAsync(
            $"mutation($i: CheckoutCompleteInput!) {{ checkoutComplete(input: $i) {{ orderGroup {{ {GroupFields} }} checkout {{ id status total {{ amount }} }} userErrors {{ field code message }} }} }}",
            new { i = new { checkoutId, idempotencyKey = key, expectedTotal } }, token)).Data("checkoutComplete");

    /// <summary>Fills the cart, creates a checkout and completes it; answers the order group.</summary>
    public static async Task<JsonNode> BuyAsync(this HttpClient client, Buyer buyer, params (string VariantGlobalId, int Quantity)[] lines)
    {
        (await client.AddAsync(buyer.Token, lines)).Codes().Should().BeEmpty();
        var checkout = await client.CheckoutAsync(buyer);
        var completed = await client.CompleteAsync(buyer.Token, checkout.Text("id"), Guid.NewGuid().ToString(), checkout["total"].Text("amount"));
        completed.Codes().Should().BeEmpty(completed.ToJsonString());
        return completed["orderGroup"]!;
    }

    public static decimal Amount(this JsonNode? money) => decimal.Parse(money.Text("amount"), System.Globalization.CultureInfo.InvariantCulture);
}
