using System.Text.Json.Nodes;
using Marketplace.Modules.Inventory.Contracts.V1;

namespace Marketplace.Inventory.Tests.Support;

/// <summary>A seller's product as a test knows it: the variants' own ids (what contracts take) and their global ids (GraphQL).</summary>
public sealed record Listing(string SellerToken, string SellerId, string StoreId, string ProductId, IReadOnlyList<string> VariantIds, IReadOnlyList<string> VariantGlobalIds)
{
    /// <summary>Where the store is (a fresh place, far from other tests' stores).</summary>
    public (double Latitude, double Longitude) Place { get; init; }

    public string ProductGlobalId => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"Product:{ProductId}"));

    public string VariantId => VariantIds[0];

    public string VariantGlobalId => VariantGlobalIds[0];
}

/// <summary>The flows inventory tests start from: a verified seller's store, a product with variants, stock on hand.</summary>
public static class InventoryFlows
{
    private static readonly SemaphoreSlim CategoryLock = new(1, 1);
    private static string? _categoryId;

    /// <summary>A new seller with a new ACTIVE store and one product of <paramref name="variants"/> variants (published unless told).</summary>
    public static async Task<Listing> ListingAsync(this InventoryApp app, int variants = 1, bool publish = true)
    {
        var client = app.CreateClient();
        var (token, sellerId) = await client.SellerAsync(app);
        var (lat, lon) = Gql.NewPlace();
        var store = (await client.CreateStoreAsync(token, Gql.StoreInput("Inventory test shop", lat, lon, Gql.NewSlug("stock")))).Data("storeCreate");
        store.Codes().Should().BeEmpty(store.ToJsonString());
        return await app.ProductAsync(token, sellerId, store["store"].Text("id"), variants, publish) with { Place = (lat, lon) };
    }

    /// <summary>Another product of the same seller and store.</summary>
    public static async Task<Listing> AnotherProductAsync(this InventoryApp app, Listing listing, int variants = 1, bool publish = true) =>
        await app.ProductAsync(listing.SellerToken, listing.SellerId, listing.StoreId, variants, publish) with { Place = listing.Place };

    private static async Task<Listing> ProductAsync(this InventoryApp app, string token, string sellerId, string storeId, int variants, bool publish)
    {
        var client = app.CreateClient();
        var categoryId = await CategoryAsync(app, client);
        var sizes = Enumerable.Range(0, variants).Select(i => $"S{i}").ToArray();
        var input = new Dictionary<string, object?>
        {
            ["storeId"] = storeId,
            ["title"] = "Stocked loaf",
            ["description"] = "Counted daily.",
            ["categoryId"] = categoryId,
            ["options"] = new[] { new { name = "Size", values = sizes } },
            ["variants"] = sizes.Select(size => new
            {
                sku = $"INV-{Guid.NewGuid():N}"[..24].ToUpperInvariant(),
                price = "4.50",
                currencyCode = "EUR",
                optionValues = new[] { new { name = "Size", value = size } },
            }).ToArray(),
        };
        var created = (await client.SendAsync(
            "mutation($i: ProductCreateInput!) { productCreate(input: $i) { product { id variants { id } } userErrors { field code message } } }",
            new { i = input }, token)).Data("productCreate");
        created.Codes().Should().BeEmpty(created.ToJsonString());
        var product = created["product"]!;
        if (publish)
        {
            var published = (await client.SendAsync("mutation($id: ID!) { productPublish(input: { id: $id }) { userErrors { code } } }", new { id = product.Text("id") }, token)).Data("productPublish");
            published.Codes().Should().BeEmpty(published.ToJsonString());
        }

        var globalIds = product["variants"]!.AsArray().Select(v => v.Text("id")).ToList();
        return new Listing(token, sellerId, storeId, LocalId(product.Text("id")), globalIds.Select(LocalId).ToList(), globalIds);
    }

    /// <summary>Sets on hand as the seller (through the contract) and returns the level.</summary>
    public static async Task<StockLevel> StockAsync(this InventoryApp app, Listing listing, string variantId, int onHand)
    {
        using var _ = InventoryApp.AsSeller(listing.SellerId);
        return await app.Stock.SetOnHandAsync(new SetOnHandRequest { VariantId = variantId, OnHand = onHand });
    }

    public static async Task<StockLevel> LevelAsync(this InventoryApp app, string variantId)
    {
        using var _ = InventoryApp.AsCheckout();
        return (await app.Stock.GetStockLevelsAsync(new GetStockLevelsRequest { VariantIds = { variantId } })).Levels.Single();
    }

    public static async Task<ReserveResponse> ReserveAsync(this InventoryApp app, string holderId, int ttlSeconds, params (string VariantId, int Quantity)[] lines)
    {
        using var _ = InventoryApp.AsCheckout();
        return await app.Reservations.ReserveAsync(new ReserveRequest
        {
            HolderId = holderId,
            TtlSeconds = ttlSeconds,
            Lines = { lines.Select(l => new StockLine { VariantId = l.VariantId, Quantity = l.Quantity }) },
        });
    }

    public static string NewHolder() => $"checkout-{Guid.NewGuid():N}";

    public static string LocalId(string globalId) => System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(globalId)).Split(':', 2)[1];

    private static async Task<string> CategoryAsync(InventoryApp app, HttpClient client)
    {
        await CategoryLock.WaitAsync();
        try
        {
            if (_categoryId is not null)
                return _categoryId;
            var payload = (await client.SendAsync(
                "mutation($i: CategoryCreateInput!) { categoryCreate(input: $i) { category { id } userErrors { field code message } } }",
                new { i = new { name = "Inventory tests", slug = $"inv-{Guid.NewGuid():N}"[..30] } },
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
