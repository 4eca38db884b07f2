using Marketplace.Catalog.Tests.Support;
using Marketplace.Shared.Contracts;
using Marketplace.Testing;

namespace Marketplace.Catalog.Tests;

/// <summary>product.store goes through the Sellers contract's GetStores, batched: one call for a page, however many stores.</summary>
public sealed class HydrationTests(CatalogApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Products_of_three_stores_cost_one_GetStores_call()
    {
        var category = await _client.CategoryAsync(app);
        var products = new List<(string Id, string Slug)>();
        for (var i = 0; i < 3; i++)
        {
            var shop = await _client.SellerStoreAsync(app);
            for (var j = 0; j < 2; j++)
            {
                var id = (await _client.ProductAsync(shop.Token, CatalogFlows.ProductInput(shop.StoreId, category))).Text("id");
                (await _client.PublishAsync(shop.Token, id)).Codes().Should().BeEmpty();
                products.Add((id, shop.Slug));
            }
        }

        var query = "query { " + string.Join(" ", products.Select((p, i) => $"p{i}: product(id: \"{p.Id}\") {{ id store {{ slug }} category {{ slug }} }}")) + " }";
        var correlation = "hydrate-" + Guid.NewGuid().ToString("N");

        var body = await _client.SendAsync(query, correlationId: correlation);

        body["errors"].Should().BeNull(body.ToJsonString());
        for (var i = 0; i < products.Count; i++)
            body["data"]![$"p{i}"]!["store"].Text("slug").Should().Be(products[i].Slug);
        // The visitor's own calls (the gateway's loader) are batched into one; the Catalog module checks store status as
        // a service on its own.
        app.Sellers!.Calls(correlation, "GetStores", CallerKind.Anonymous).Should().Be(1);
    }

    [Fact]
    public async Task A_search_page_shows_its_stores_listing_facts_without_a_Sellers_call_and_asks_for_anything_more_once()
    {
        var (token, _) = await _client.SellerAsync(app);
        var category = await _client.CategoryAsync(app);
        var (lat, lon) = Gql.NewPlace();
        var stores = new List<(string Id, string Name)>();
        var products = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var (storeLat, storeLon) = SearchFlows.Offset(lat, lon, 0.5 * (i + 1), 0);
            var (storeId, _) = await _client.StoreAtAsync(token, storeLat, storeLon);
            stores.Add((storeId, "Search test shop"));
            products.Add((await _client.ListedAsync(token, storeId, category, $"Hydrated {i}")).Id);
        }

        await _client.AwaitIdsAsync(() => _client.NearAsync(lat, lon, 5), products, "the three products are searchable");
        const string Facts = "query($lat: Float!, $lon: Float!) { productsNear(location: { latitude: $lat, longitude: $lon }, radiusKm: 5) { edges { node { id store { id name slug status location { latitude } } } } } }";
        const string More = "query($lat: Float!, $lon: Float!) { productsNear(location: { latitude: $lat, longitude: $lon }, radiusKm: 5) { edges { node { id store { id name followersCount } } } } }";

        var factsCorrelation = "facts-" + Guid.NewGuid().ToString("N");
        var facts = await _client.SendAsync(Facts, new { lat, lon }, correlationId: factsCorrelation);
        var moreCorrelation = "more-" + Guid.NewGuid().ToString("N");
        var more = await _client.SendAsync(More, new { lat, lon }, correlationId: moreCorrelation);

        facts["errors"].Should().BeNull(facts.ToJsonString());
        var shown = facts.Edges().Select(e => e!["node"]!["store"]!).ToList();
        shown.Select(s => s.Text("id")).Should().Equal(stores.Select(s => s.Id), "nearest first, each product with its own store");
        shown.Should().AllSatisfy(s =>
        {
            s.Text("name").Should().Be("Search test shop");
            s.Text("status").Should().Be("ACTIVE");
            s.Text("slug").Should().StartWith("near-");
        });
        app.Sellers!.Calls(factsCorrelation, "GetStores", CallerKind.Anonymous).Should().Be(0, "the listing facts come with the search rows (Catalog's store copy)");
        more["errors"].Should().BeNull(more.ToJsonString());
        more.Edges().Select(e => e!["node"]!["store"]!["followersCount"]!.GetValue<int>()).Should().AllBeEquivalentTo(0);
        app.Sellers!.Calls(moreCorrelation, "GetStores", CallerKind.Anonymous).Should().Be(1, "anything beyond the listing facts costs one batched call for the page");
    }

    [Fact]
    public async Task A_results_page_with_facets_names_its_categories_and_stores_from_the_search_itself()
    {
        var (token, _) = await _client.SellerAsync(app);
        var parent = await _client.CategoryAsync(app, name: "Facet parent");
        var child = await _client.CategoryAsync(app, parent, name: "Facet child");
        var (lat, lon) = Gql.NewPlace();
        var stores = new List<string>();
        var products = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var (storeLat, storeLon) = SearchFlows.Offset(lat, lon, 0.5 * (i + 1), 0);
            var (storeId, _) = await _client.StoreAtAsync(token, storeLat, storeLon);
            stores.Add(storeId);
            products.Add((await _client.ListedAsync(token, storeId, i == 0 ? parent : child, $"Faceted {i}")).Id);
        }

        await _client.AwaitIdsAsync(() => _client.NearAsync(lat, lon, 5), products, "both products are searchable");
        const string Category = "id name slug path position createdAt updatedAt parent { id name }";
        const string Named = $$"""
            query($lat: Float!, $lon: Float!) {
              productsNear(location: { latitude: $lat, longitude: $lon }, radiusKm: 5) {
                edges { node { id store { id name } category { id name } } }
                facets { categories { count category { {{Category}} } } stores { count store { id name slug status location { latitude longitude } } } }
              }
            }
            """;
        const string More = "query($lat: Float!, $lon: Float!) { productsNear(location: { latitude: $lat, longitude: $lon }, radiusKm: 5, first: 1) { facets { stores { store { id followersCount } } } } }";

        var namedCorrelation = "named-" + Guid.NewGuid().ToString("N");
        var named = await _client.SendAsync(Named, new { lat, lon }, correlationId: namedCorrelation);
        var moreCorrelation = "more-" + Guid.NewGuid().ToString("N");
        var more = await _client.SendAsync(More, new { lat, lon }, correlationId: moreCorrelation);

        named["errors"].Should().BeNull(named.ToJsonString());
        var facets = named["data"]!["productsNear"]!["facets"]!;
        var categories = facets["categories"]!.AsArray().Select(v => v!["category"]!).ToList();
        categories.Select(c => c.Text("id")).Should().BeEquivalentTo([parent, child]);
        foreach (var category in categories)
        {
            // Exactly what the taxonomy answers for it on its own.
            var alone = await _client.SendAsync($"query($id: ID!) {{ category(id: $id) {{ {Category} }} }}", new { id = category.Text("id") });
            category.ToJsonString().Should().Be(alone["data"]!["category"]!.ToJsonString());
        }

        categories.Single(c => c.Text("id") == child)["parent"].Text("name").Should().Be("Facet parent");
        var facetStores = facets["stores"]!.AsArray().Select(v => v!["store"]!).ToList();
        facetStores.Select(s => s.Text("id")).Should().BeEquivalentTo(stores);
        facetStores.Should().AllSatisfy(s =>
        {
            s.Text("name").Should().Be("Search test shop");
            s.Text("status").Should().Be("ACTIVE");
        });
        named.Edges().Select(e => e!["node"]!["category"].Text("name")).Should().Equal("Facet parent", "Facet child");
        app.Taxonomy!.Calls(namedCorrelation, "GetCategories", CallerKind.Anonymous).Should().Be(0, "the facets carried the categories (and so the parent and the page's categories)");
        app.Sellers!.Calls(namedCorrelation, "GetStores", CallerKind.Anonymous).Should().Be(0, "the facets and the page carried the stores' listing facts");
        more["errors"].Should().BeNull(more.ToJsonString());
        more["data"]!["productsNear"]!["facets"]!["stores"]!.AsArray().Select(v => v!["store"]!.Text("id")).Should().BeEquivalentTo(stores);
        app.Sellers!.Calls(moreCorrelation, "GetStores", CallerKind.Anonymous).Should().Be(1, "anything beyond the listing facts costs one batched call for the facet's stores");
    }

    [Fact]
    public async Task A_closed_store_leaves_the_search_with_its_products_and_is_hidden_from_a_product_page()
    {
        var shop = await _client.SellerStoreAsync(app);
        var category = await _client.CategoryAsync(app);
        var listed = await _client.ListedAsync(shop.Token, shop.StoreId, category, "Soon gone");
        var (lat, lon) = await SearchFlows.StoreLocationAsync(shop.StoreLocalId);
        await _client.AwaitIdsAsync(() => _client.NearAsync(lat, lon, 1), [listed.Id], "the product is searchable");

        var close = (await _client.SendAsync("mutation($id: ID!) { storeClose(input: { id: $id }) { userErrors { code } } }", new { id = shop.StoreId }, shop.Token)).Data("storeClose");
        close.Codes().Should().BeEmpty();

        await _client.AwaitIdsAsync(() => _client.NearAsync(lat, lon, 1), [], "the closed store's products leave the search (store_updated.v1)");
        var page = await _client.SendAsync("query($id: ID!) { product(id: $id) { id store { id } } }", new { id = listed.Id });
        page["errors"].Should().BeNull(page.ToJsonString());
        page["data"]!["product"].Should().BeNull("visitors see products of ACTIVE stores only");
    }
}
