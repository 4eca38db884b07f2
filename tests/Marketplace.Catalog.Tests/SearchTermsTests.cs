using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Marketplace.Catalog.Tests.Support;
using Marketplace.Modules.Catalog.Search;
using Marketplace.Modules.Inventory.Contracts.Events;
using Marketplace.Modules.Sellers.Contracts.Events;
using Marketplace.Testing;

namespace Marketplace.Catalog.Tests;

/// <summary>
/// Plain-word searches read <c>catalog.search_terms</c> (one row per word, store and product of every searchable row),
/// which triggers on the projection keep. Through every kind of change a product and its store go through — a new
/// title, a new price, stock, archive, a store that moves, closes and reopens — a search by the words finds exactly what
/// the product now is, and the terms equal the words of the searchable rows, row for row (checked in one snapshot over
/// the whole database, while the other tests write too).
/// </summary>
public sealed class SearchTermsTests(CatalogApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    private const string Query = """
        query($lat: Float!, $lon: Float!, $q: String, $stock: Boolean, $min: Decimal, $sort: ProductSearchSort) {
          productsNear(location: { latitude: $lat, longitude: $lon }, radiusKm: 5, query: $q, inStockOnly: $stock, priceMin: $min, sort: $sort) {
            edges { node { id title } }
          }
        }
        """;

    [Fact]
    public async Task Terms_follow_every_change_of_a_product_and_its_store()
    {
        var shop = await _client.SellerStoreAsync(app);
        var (lat, lon) = await SearchFlows.StoreLocationAsync(shop.StoreLocalId);
        var category = await _client.CategoryAsync(app);
        string NewWord() => new(Enumerable.Range(0, 9).Select(_ => (char)('a' + RandomNumberGenerator.GetInt32(26))).ToArray());
        var (before, after) = (NewWord(), NewWord());
        var product = await _client.ListedAsync(shop.Token, shop.StoreId, category, $"{before} kettle", "Boils water.", "10.00");
        var other = await _client.ListedAsync(shop.Token, shop.StoreId, category, $"{before} teapot", "Holds tea.", "10.00");
        await AwaitAsync(lat, lon, before, [product.Id, other.Id], "both are found by their title word");
        await AssertTermsInStepAsync();

        // A new title: the old word no longer finds the product, the new one does.
        var renamed = (await _client.SendAsync(CatalogFlows.UpdateMutation, new { i = new { id = product.Id, title = $"{after} kettle" } }, shop.Token)).Data("productUpdate");
        renamed.Codes().Should().BeEmpty(renamed.ToJsonString());
        await AwaitAsync(lat, lon, after, [product.Id], "the new title word finds it");
        await AwaitAsync(lat, lon, before, [other.Id], "the old title word no longer does");
        await AssertTermsInStepAsync();

        // A new price: the price filter reads it from the terms.
        var variant = await VariantAsync(product.Id, shop.Token);
        var repriced = (await _client.SendAsync(CatalogFlows.UpdateMutation, new
        {
            i = new
            {
                id = product.Id,
                variants = new object[] { new { id = variant.Text("id"), sku = variant.Text("sku"), price = "55.00", currencyCode = "EUR", optionValues = new[] { new { name = "Size", value = "S0" } } } },
            },
        }, shop.Token)).Data("productUpdate");
        repriced.Codes().Should().BeEmpty(repriced.ToJsonString());
        await AwaitAsync(lat, lon, "kettle", [product.Id], "kettle at 50 or more", min: "50");
        await AssertTermsInStepAsync();

        // Stock (Inventory's stock_changed.v1): in stock only finds it through the terms.
        (await SearchAsync(lat, lon, after, stock: true)).Should().BeEmpty("nobody stocked it yet");
        var variantId = Guid.Parse(CatalogFlows.LocalId(variant.Text("id")));
        await app.PublishAsync(new StockChanged(variantId, Guid.Parse(CatalogFlows.LocalId(product.Id)), shop.StoreLocalId, true, 1, DateTimeOffset.UtcNow));
        await AwaitAsync(lat, lon, after, [product.Id], "in stock now", stock: true);
        await AssertTermsInStepAsync();

        // The store closes and reopens (Sellers' store_updated.v1): its words leave the terms and come back.
        var sellerId = Guid.Parse(shop.SellerId);
        await app.PublishStoreUpdatedAsync(new StoreUpdated(shop.StoreLocalId, sellerId, "Terms shop", shop.Slug, lat, lon, 10, "CLOSED", 2, DateTimeOffset.UtcNow));
        await AwaitAsync(lat, lon, "kettle " + after, [], "a closed store's products are not found by their words");
        (await Gql.ScalarAsync<long>("SELECT count(*) FROM catalog.search_terms WHERE store_id = $1", shop.StoreLocalId)).Should().Be(0, "no word of a closed store is kept");
        await AssertTermsInStepAsync();
        await app.PublishStoreUpdatedAsync(new StoreUpdated(shop.StoreLocalId, sellerId, "Terms shop", shop.Slug, lat, lon, 10, "ACTIVE", 3, DateTimeOffset.UtcNow));
        await AwaitAsync(lat, lon, after, [product.Id], "reopened");

        // Archived: gone from the words.
        var archived = (await _client.SendAsync(CatalogFlows.ArchiveMutation, new { id = product.Id }, shop.Token)).Data("productArchive");
        archived.Codes().Should().BeEmpty(archived.ToJsonString());
        await AwaitAsync(lat, lon, after, [], "an archived product is not found by its words");
        await AwaitAsync(lat, lon, before, [other.Id], "the other product still is");
        await AssertTermsInStepAsync();
    }

    private async Task<JsonNode> VariantAsync(string productId, string sellerToken) =>
        (await _client.SendAsync("query($id: ID!) { product(id: $id) { variants { id sku } } }", new { id = productId }, sellerToken)).Data("product")["variants"]![0]!;

    private async Task<string[]> SearchAsync(double lat, double lon, string text, bool stock = false, string? min = null)
    {
        var body = await _client.SendAsync(Query, new { lat, lon, q = text, stock, min, sort = "PRICE_ASC" });
        body["errors"].Should().BeNull(body.ToJsonString());
        return body.Data("productsNear")["edges"]!.AsArray().Select(e => e!["node"].Text("id")).ToArray();
    }

    private Task AwaitAsync(double lat, double lon, string text, string[] expected, string because, bool stock = false, string? min = null) =>
        Eventually.AssertAsync(async () => (await SearchAsync(lat, lon, text, stock, min)).ToHashSet().SetEquals(expected), TimeSpan.FromSeconds(20), because);

    /// <summary>The terms against the words of every searchable row, both ways, in one statement (one snapshot).</summary>
    private static async Task AssertTermsInStepAsync()
    {
        var outOfStep = await Gql.ScalarAsync<long>(
            $"""
            WITH expected AS ({SearchProjection.TermsOfRowsSql("catalog.search_products")}),
            actual AS (
                SELECT lexeme, store_id, product_id, weight, category_id, min_price, published_at, in_stock FROM catalog.search_terms)
            SELECT (SELECT count(*) FROM (SELECT * FROM expected EXCEPT ALL SELECT * FROM actual) missing)
                 + (SELECT count(*) FROM (SELECT * FROM actual EXCEPT ALL SELECT * FROM expected) extra)
            """);
        outOfStep.Should().Be(0, "the terms are exactly the words of the searchable rows");
    }
}
