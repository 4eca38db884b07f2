using System.Globalization;
using System.Text.Json.Nodes;
using Marketplace.Catalog.Tests.Support;
using Marketplace.Modules.Inventory.Contracts.Events;
using Marketplace.Testing;

namespace Marketplace.Catalog.Tests;

/// <summary>
/// totalCount and facets of productsNear, through GraphQL: for every combination of the filters (text, category subtree,
/// price range, in stock) and every sort, the page holds exactly the expected products and the counts are exact — each
/// facet adds up to totalCount. Stock comes from Inventory's stock_changed.v1, published on JetStream as Inventory does.
/// </summary>
public sealed class SearchFacetTests(CatalogApp app)
{
    private const string Query = """
        query($lat: Float!, $lon: Float!, $q: String, $c: ID, $min: Decimal, $max: Decimal, $stock: Boolean, $sort: ProductSearchSort, $first: Int) {
          productsNear(location: { latitude: $lat, longitude: $lon }, radiusKm: 5, query: $q, categoryId: $c, priceMin: $min, priceMax: $max,
                       inStockOnly: $stock, sort: $sort, first: $first) {
            totalCount
            edges { node { id slug } }
            facets {
              categories(first: 100) { count category { id } }
              stores(first: 100) { count store { id } }
              priceRanges { min max count }
              inStock outOfStock
            }
          }
        }
        """;

    private const string PageOnly = """
        query($lat: Float!, $lon: Float!, $q: String, $c: ID, $min: Decimal, $max: Decimal, $stock: Boolean, $sort: ProductSearchSort, $first: Int) {
          productsNear(location: { latitude: $lat, longitude: $lon }, radiusKm: 5, query: $q, categoryId: $c, priceMin: $min, priceMax: $max,
                       inStockOnly: $stock, sort: $sort, first: $first) { edges { node { id slug } } }
        }
        """;

    private readonly HttpClient _client = app.CreateClient();

    private sealed record Item(string Id, string StoreId, string CategoryId, decimal Price, bool InStock, bool Lamp);

    [Fact]
    public async Task Counts_and_facets_are_exact_and_add_up_for_every_filter_combination_and_sort()
    {
        var (token, _) = await _client.SellerAsync(app);
        var (lat, lon) = Gql.NewPlace();
        var stores = new List<string>();
        foreach (var km in new[] { 0.3, 1.2 })
        {
            var (storeLat, storeLon) = SearchFlows.Offset(lat, lon, km, 0);
            stores.Add((await _client.StoreAtAsync(token, storeLat, storeLon)).Id);
        }

        var root = await _client.CategoryAsync(app, name: "Lighting");
        var child = await _client.CategoryAsync(app, root, name: "Desk lighting");
        var other = await _client.CategoryAsync(app, name: "Furniture");
        (string Title, int Store, string Category, string Price, bool InStock)[] specs =
        [
            ("Oak lamp", 0, child, "5.00", true),
            ("Oak table", 0, other, "30.00", false),
            ("Pine lamp", 1, root, "30.00", true),
            ("Pine shelf", 1, child, "150.00", true),
            ("Steel lamp", 1, other, "1200.00", false),
        ];
        var items = new List<Item>();
        foreach (var spec in specs)
        {
            var listed = await _client.ListedAsync(token, stores[spec.Store], spec.Category, spec.Title, "Made nearby.", spec.Price);
            items.Add(new Item(listed.Id, stores[spec.Store], spec.Category, decimal.Parse(spec.Price, CultureInfo.InvariantCulture), spec.InStock, spec.Title.Contains("lamp", StringComparison.Ordinal)));
        }

        // Stock once the rows exist: a stock_changed.v1 handled while the product's first rebuild is still uncommitted can
        // be lost today (see docs/catalog-search.md, "Known gaps"); this test is about counting, not that race.
        await _client.AwaitIdsAsync(() => SearchAsync(lat, lon), items.Select(i => i.Id), "every product is searchable");
        foreach (var item in items.Where(i => i.InStock))
            await StockAsync(token, item.Id);

        await Eventually.ReturnsAsync(
            async () => await SearchAsync(lat, lon, stock: true),
            body => body?["errors"] is null && Ids(body!).ToHashSet().SetEquals(items.Where(i => i.InStock).Select(i => i.Id)),
            TimeSpan.FromSeconds(20),
            "the stock events reached the projection");

        foreach (var text in new[] { null, "lamp" })
        foreach (var category in new[] { null, root })
        foreach (var price in new (string Min, string Max)?[] { null, ("10", "200") })
        foreach (var stock in new[] { false, true })
        {
            var expected = items.Where(i =>
                (text is null || i.Lamp) && (category is null || i.CategoryId == root || i.CategoryId == child)
                && (price is null || (i.Price >= 10 && i.Price <= 200)) && (!stock || i.InStock)).ToList();
            var because = $"text {text ?? "-"}, category {(category is null ? "-" : "Lighting")}, price {(price is null ? "-" : "10-200")}, in stock {stock}";
            foreach (var sort in text is null ? ["DISTANCE", "PRICE_ASC", "PRICE_DESC", "NEWEST"] : new[] { "RELEVANCE", "DISTANCE", "PRICE_ASC", "NEWEST" })
            {
                var body = await SearchAsync(lat, lon, text, category, price?.Min, price?.Max, stock, sort);
                body["errors"].Should().BeNull(body.ToJsonString());
                Ids(body).Should().BeEquivalentTo(expected.Select(i => i.Id), $"{because}, {sort}");
                // With text the page comes from the counts' statement: the very order of the page without counts.
                var alone = await _client.SendAsync(PageOnly, new { lat, lon, q = text, c = category, min = price?.Min, max = price?.Max, stock, sort, first = 50 });
                Ids(body).Should().Equal(Ids(alone), $"{because}, {sort}: the same page with and without counts");
                var near = body.Data("productsNear");
                near["totalCount"]!.GetValue<int>().Should().Be(expected.Count, because);
                var facets = near["facets"]!;
                Counts(facets["categories"]!, "category").Should().BeEquivalentTo(expected.GroupBy(i => i.CategoryId).ToDictionary(g => g.Key, g => g.Count()), because);
                Counts(facets["stores"]!, "store").Should().BeEquivalentTo(expected.GroupBy(i => i.StoreId).ToDictionary(g => g.Key, g => g.Count()), because);
                facets["priceRanges"]!.AsArray().Sum(b => b!["count"]!.GetValue<int>()).Should().Be(expected.Count, because);
                facets["inStock"]!.GetValue<int>().Should().Be(expected.Count(i => i.InStock), because);
                facets["outOfStock"]!.GetValue<int>().Should().Be(expected.Count(i => !i.InStock), because);
            }
        }

        // The price ranges of everything: below 10 (5.00), 25-50 (two at 30.00), 100-250 (150.00), 1000 and above (1200.00).
        var all = (await SearchAsync(lat, lon)).Data("productsNear")["facets"]!["priceRanges"]!.AsArray()
            .Select(b => (Min: b!["min"]?.GetValue<string>(), Max: b["max"]?.GetValue<string>(), Count: b["count"]!.GetValue<int>())).ToList();
        all.Should().Equal([(null, "10", 1), ("25", "50", 2), ("100", "250", 1), ("1000", null, 1)]);
    }

    [Fact]
    public async Task A_price_at_a_bound_is_in_the_range_it_starts_with_and_without_text()
    {
        // Without text the counts read each row's stored bucket (generated in the projection), with text they compute it:
        // both must agree with the bounds the ranges are listed with, at every bound and just below it.
        var shop = await _client.SellerStoreAsync(app);
        var (lat, lon) = await SearchFlows.StoreLocationAsync(shop.StoreLocalId);
        var category = await _client.CategoryAsync(app);
        string[] bounds = ["10", "25", "50", "100", "250", "500", "1000"];
        var prices = bounds.SelectMany(b => new[] { (decimal.Parse(b, CultureInfo.InvariantCulture) - 0.01m).ToString("0.00", CultureInfo.InvariantCulture), b + ".00" }).ToList();
        var listed = new List<string>();
        foreach (var price in prices)
            listed.Add((await _client.ListedAsync(shop.Token, shop.StoreId, category, $"Bucketed stool {price}", "Made nearby.", price)).Id);
        await _client.AwaitIdsAsync(() => _client.NearAsync(lat, lon, 5), listed, "every price is searchable");

        foreach (var text in new[] { null, "stool" })
        {
            var ranges = (await SearchAsync(lat, lon, text)).Data("productsNear")["facets"]!["priceRanges"]!.AsArray()
                .Select(b => (Min: b!["min"]?.GetValue<string>(), Max: b["max"]?.GetValue<string>(), Count: b["count"]!.GetValue<int>())).ToList();
            // Below 10: 9.99; each range [a, b): a.00 and (b - 0.01); 1000 and above: 1000.00.
            ranges.Should().Equal(
                [(null, "10", 1), ("10", "25", 2), ("25", "50", 2), ("50", "100", 2), ("100", "250", 2), ("250", "500", 2), ("500", "1000", 2), ("1000", null, 1)],
                text is null ? "no text: the stored buckets" : "with text: computed buckets");
        }
    }

    [Fact]
    public async Task First_zero_answers_only_the_counts_and_facet_sizes_are_bounded()
    {
        var shop = await _client.SellerStoreAsync(app);
        var (lat, lon) = await SearchFlows.StoreLocationAsync(shop.StoreLocalId);
        var category = await _client.CategoryAsync(app);
        var listed = new List<string>();
        for (var i = 0; i < 3; i++)
            listed.Add((await _client.ListedAsync(shop.Token, shop.StoreId, category, $"Counted {i}")).Id);
        await _client.AwaitIdsAsync(() => _client.NearAsync(lat, lon, 5), listed, "all three are searchable");

        var counted = await SearchAsync(lat, lon, first: 0);

        counted["errors"].Should().BeNull(counted.ToJsonString());
        Ids(counted).Should().BeEmpty();
        counted.Data("productsNear")["totalCount"]!.GetValue<int>().Should().Be(3);
        var tooMany = await _client.SendAsync(
            "query($lat: Float!, $lon: Float!) { productsNear(location: { latitude: $lat, longitude: $lon }) { facets { stores(first: 101) { count } } } }", new { lat, lon });
        tooMany.ErrorCodes().Should().Contain("BAD_USER_INPUT");
    }

    private async Task<JsonNode> SearchAsync(double lat, double lon, string? text = null, string? category = null, string? min = null, string? max = null,
        bool stock = false, string? sort = null, int first = 50) =>
        await _client.SendAsync(Query, new { lat, lon, q = text, c = category, min, max, stock, sort, first });

    private static string[] Ids(JsonNode body) => body.Data("productsNear")["edges"]!.AsArray().Select(e => e!["node"].Text("id")).ToArray();

    private static Dictionary<string, int> Counts(JsonNode list, string field) =>
        list.AsArray().ToDictionary(f => f![field].Text("id"), f => f!["count"]!.GetValue<int>());

    /// <summary>Inventory's stock_changed.v1 for the product's variant: available for sale (version 1).</summary>
    private async Task StockAsync(string sellerToken, string productId)
    {
        var body = await _client.SendAsync("query($id: ID!) { product(id: $id) { variants { id } } }", new { id = productId }, sellerToken);
        var variant = Guid.Parse(CatalogFlows.LocalId(body.Data("product")["variants"]![0].Text("id")));
        var product = Guid.Parse(CatalogFlows.LocalId(productId));
        var store = await Gql.ScalarAsync<Guid>("SELECT store_id FROM catalog.products WHERE id = $1", product);
        await app.PublishAsync(new StockChanged(variant, product, store, true, 1, DateTimeOffset.UtcNow));
    }
}
