using System.Globalization;
using System.Text.Json.Nodes;
using Marketplace.Catalog.Tests.Support;
using Marketplace.Modules.Sellers.Contracts.Events;
using Marketplace.Testing;

namespace Marketplace.Catalog.Tests;

/// <summary>
/// productsNear over the search projection, through GraphQL, against the real PostgreSQL/PostGIS and NATS. The
/// projection is asynchronous, so every test first waits (bounded poll) until its products are searchable. Each test
/// works at a fresh random place, so other tests' products are never within its radius.
/// </summary>
public sealed class SearchTests(CatalogApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Only_listed_products_within_the_radius_are_found_nearest_first_with_PostGIS_distances()
    {
        var (token, _) = await _client.SellerAsync(app);
        var category = await _client.CategoryAsync(app);
        var (lat, lon) = Gql.NewPlace();
        // Stores at about 0.5, 2, 4.5 and 8 km in different directions, and one 25 km away.
        (double North, double East)[] offsets = [(0.5, 0), (-1.2, 1.6), (0, -4.5), (5.6, 5.7)];
        var near = new List<Listed>();
        foreach (var (north, east) in offsets)
        {
            var (storeLat, storeLon) = SearchFlows.Offset(lat, lon, north, east);
            var (store, _) = await _client.StoreAtAsync(token, storeLat, storeLon);
            near.Add(await _client.ListedAsync(token, store, category, $"Near {north}/{east}"));
        }

        var (farLat, farLon) = SearchFlows.Offset(lat, lon, 25, 0);
        var (farStore, _) = await _client.StoreAtAsync(token, farLat, farLon);
        var far = await _client.ListedAsync(token, farStore, category, "Far away");
        // A draft and an archived product of the nearest store are never found.
        var draft = await _client.ProductAsync(token, CatalogFlows.ProductInput(near[0].StoreId, category, title: "Still a draft"));
        var archived = await _client.ListedAsync(token, near[0].StoreId, category, "Sold out for good");
        var archive = (await _client.SendAsync(CatalogFlows.ArchiveMutation, new { id = archived.Id }, token)).Data("productArchive");
        archive.Codes().Should().BeEmpty();

        var body = await _client.AwaitIdsAsync(() => _client.NearAsync(lat, lon, 10), near.Select(p => p.Id), "the four near products become searchable, nothing else");

        body.Ids().Should().Equal(near.Select(p => p.Id), "nearest first");
        body.Ids().Should().NotContain([far.Id, draft.Text("id"), archived.Id]);
        foreach (var edge in body.Edges())
        {
            var node = edge!["node"]!;
            node.Text("status").Should().Be("ACTIVE");
            var storeLocalId = Guid.Parse(CatalogFlows.LocalId(node["store"].Text("id")));
            var expected = await Gql.ScalarAsync<double>(
                "SELECT ST_Distance(location, ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography) FROM sellers.stores WHERE id = $3", lon, lat, storeLocalId);
            edge["distanceMeters"]!.GetValue<double>().Should().BeApproximately(expected, expected * 0.005, node.Text("title"));
        }

        // A wider radius takes the far store too, last.
        var wide = await _client.AwaitIdsAsync(() => _client.NearAsync(lat, lon, 30), [.. near.Select(p => p.Id), far.Id], "the far product is within 30 km");
        wide.Ids().Last().Should().Be(far.Id);
    }

    [Fact]
    public async Task Without_radiusKm_the_search_reaches_10_km_like_storesNear()
    {
        var (token, _) = await _client.SellerAsync(app);
        var category = await _client.CategoryAsync(app);
        var (lat, lon) = Gql.NewPlace();
        var (insideLat, insideLon) = SearchFlows.Offset(lat, lon, 9.5, 0);
        var (outsideLat, outsideLon) = SearchFlows.Offset(lat, lon, 10.5, 0);
        var inside = await _client.ListedAsync(token, (await _client.StoreAtAsync(token, insideLat, insideLon)).Id, category, "Just inside");
        var outside = await _client.ListedAsync(token, (await _client.StoreAtAsync(token, outsideLat, outsideLon)).Id, category, "Just outside");
        const string Default = "query($lat: Float!, $lon: Float!) { productsNear(location: { latitude: $lat, longitude: $lon }) { edges { node { id } } } }";
        await _client.AwaitIdsAsync(() => _client.NearAsync(lat, lon, 20), [inside.Id, outside.Id], "both are searchable within 20 km");

        var body = await _client.SendAsync(Default, new { lat, lon });

        body.Ids().Should().Equal(inside.Id);
    }

    [Fact]
    public async Task Category_filter_takes_the_whole_subtree_and_nothing_else()
    {
        var shop = await _client.SellerStoreAsync(app);
        var (lat, lon) = await SearchFlows.StoreLocationAsync(shop.StoreLocalId);
        // Siblings whose slugs start with the root's (the filter is a range of paths: "home-x-garden" and "home-x0" sort
        // next to "home-x/…" but are not below it).
        var rootSlug = Gql.NewSlug("home");
        var root = await _client.CategoryAsync(app, slug: rootSlug, name: "Home");
        var child = await _client.CategoryAsync(app, root, name: "Kitchen");
        var grandchild = await _client.CategoryAsync(app, child, name: "Knives");
        var other = await _client.CategoryAsync(app, slug: rootSlug + "-garden", name: "Garden");
        var next = await _client.CategoryAsync(app, slug: rootSlug + "0", name: "Home zero");
        var inRoot = await _client.ListedAsync(shop.Token, shop.StoreId, root, "Doormat");
        var inChild = await _client.ListedAsync(shop.Token, shop.StoreId, child, "Kettle");
        var inGrandchild = await _client.ListedAsync(shop.Token, shop.StoreId, grandchild, "Paring knife");
        var inOther = await _client.ListedAsync(shop.Token, shop.StoreId, other, "Rake");
        var inNext = await _client.ListedAsync(shop.Token, shop.StoreId, next, "Doormat zero");
        await _client.AwaitIdsAsync(() => _client.NearAsync(lat, lon, 5), [inRoot.Id, inChild.Id, inGrandchild.Id, inOther.Id, inNext.Id], "all five are searchable");

        foreach (var sort in new string?[] { null, "PRICE_ASC", "NEWEST" })
        {
            (await _client.NearAsync(lat, lon, 5, categoryId: root, sort: sort)).Ids().Should().BeEquivalentTo([inRoot.Id, inChild.Id, inGrandchild.Id], sort);
            (await _client.NearAsync(lat, lon, 5, categoryId: child, sort: sort)).Ids().Should().BeEquivalentTo([inChild.Id, inGrandchild.Id], sort);
            (await _client.NearAsync(lat, lon, 5, categoryId: grandchild, sort: sort)).Ids().Should().BeEquivalentTo([inGrandchild.Id], sort);
            (await _client.NearAsync(lat, lon, 5, categoryId: other, sort: sort)).Ids().Should().BeEquivalentTo([inOther.Id], sort);
            (await _client.NearAsync(lat, lon, 5, categoryId: next, sort: sort)).Ids().Should().BeEquivalentTo([inNext.Id], sort);
            (await _client.NearAsync(lat, lon, 5, query: "doormat", categoryId: root, sort: sort)).Ids().Should().BeEquivalentTo([inRoot.Id], "with plain words too");
        }
    }

    [Fact]
    public async Task Price_filter_bounds_the_lowest_price()
    {
        var shop = await _client.SellerStoreAsync(app);
        var (lat, lon) = await SearchFlows.StoreLocationAsync(shop.StoreLocalId);
        var category = await _client.CategoryAsync(app);
        var cheap = await _client.ListedAsync(shop.Token, shop.StoreId, category, "Cheap", prices: "5.00");
        var middle = await _client.ListedAsync(shop.Token, shop.StoreId, category, "Middle", prices: ["15.00", "100.00"]);
        var edge = await _client.ListedAsync(shop.Token, shop.StoreId, category, "Edge", prices: "20.00");
        var dear = await _client.ListedAsync(shop.Token, shop.StoreId, category, "Dear", prices: "25.50");
        await _client.AwaitIdsAsync(() => _client.NearAsync(lat, lon, 5), [cheap.Id, middle.Id, edge.Id, dear.Id], "all four are searchable");

        (await _client.NearAsync(lat, lon, 5, priceMin: "10", priceMax: "20")).Ids().Should().BeEquivalentTo([middle.Id, edge.Id], "bounds are inclusive, on the lowest variant price");
        (await _client.NearAsync(lat, lon, 5, priceMin: "20.01")).Ids().Should().BeEquivalentTo([dear.Id]);
        (await _client.NearAsync(lat, lon, 5, priceMax: "5")).Ids().Should().BeEquivalentTo([cheap.Id]);
        var priced = (await _client.NearAsync(lat, lon, 5, priceMin: "15", priceMax: "15")).Edges().Single()!["node"]!["priceRange"]!["minVariantPrice"]!;
        priced.Text("amount").Should().Be("15.00");
        priced.Text("currencyCode").Should().Be("EUR");
    }

    [Fact]
    public async Task Text_query_matches_titles_category_names_and_descriptions_and_ranks_titles_first()
    {
        var shop = await _client.SellerStoreAsync(app);
        var (lat, lon) = await SearchFlows.StoreLocationAsync(shop.StoreLocalId);
        var boards = await _client.CategoryAsync(app, name: "Chopping boards");
        var plain = await _client.CategoryAsync(app, name: "Tableware");
        var inTitle = await _client.ListedAsync(shop.Token, shop.StoreId, plain, "Walnut chopping board");
        var inDescription = await _client.ListedAsync(shop.Token, shop.StoreId, plain, "Serving tray", "Doubles as a chopping surface for bread.");
        var inCategory = await _client.ListedAsync(shop.Token, shop.StoreId, boards, "Oak slab");
        var unrelated = await _client.ListedAsync(shop.Token, shop.StoreId, plain, "Teapot", "Brews four cups.");
        await _client.AwaitIdsAsync(() => _client.NearAsync(lat, lon, 5), [inTitle.Id, inDescription.Id, inCategory.Id, unrelated.Id], "all four are searchable");

        var found = await _client.NearAsync(lat, lon, 5, query: "chopping");
        found.Ids().Should().Equal([inTitle.Id, inCategory.Id, inDescription.Id], "RELEVANCE by default with a query: title over category names over description");
        (await _client.NearAsync(lat, lon, 5, query: "walnut board")).Ids().Should().Equal(inTitle.Id);
        (await _client.NearAsync(lat, lon, 5, query: "\"four cups\"")).Ids().Should().Equal(unrelated.Id);
        (await _client.NearAsync(lat, lon, 5, query: "chopping -walnut")).Ids().Should().BeEquivalentTo([inCategory.Id, inDescription.Id]);
        (await _client.NearAsync(lat, lon, 5, query: "boards", sort: "DISTANCE")).Ids().Should().BeEquivalentTo([inTitle.Id, inCategory.Id], "stemmed: boards matches board");
    }

    [Theory]
    [InlineData("DISTANCE", null)]
    [InlineData("DISTANCE", "1")]
    [InlineData("PRICE_ASC", null)]
    [InlineData("PRICE_DESC", null)]
    [InlineData("NEWEST", null)]
    [InlineData("RELEVANCE", null)]
    public async Task Every_sort_orders_and_pages_without_gaps_or_duplicates_also_through_ties(string sort, string? priceMin)
    {
        // DISTANCE with a filter (a price floor every product clears) takes the stores nearest first and stops once the
        // page is full; without one, the KNN path.
        var (token, _) = await _client.SellerAsync(app);
        var category = await _client.CategoryAsync(app);
        var (lat, lon) = Gql.NewPlace();
        // Three stores; products of one store tie on distance, and prices repeat (ties on PRICE_* too).
        var stores = new List<string>();
        foreach (var km in new[] { 0.4, 1.5, 3.0 })
        {
            var (storeLat, storeLon) = SearchFlows.Offset(lat, lon, km, km / 2);
            stores.Add((await _client.StoreAtAsync(token, storeLat, storeLon)).Id);
        }

        string[] prices = ["3.00", "7.50", "3.00", "12.00", "7.50", "3.00", "20.00"];
        var listed = new List<Listed>();
        for (var i = 0; i < 11; i++)
        {
            var title = i % 2 == 0 ? $"Linen towel {i}" : $"Linen linen towel {i}";
            listed.Add(await _client.ListedAsync(token, stores[i % stores.Count], category, title, "Woven linen.", prices[i % prices.Length]));
        }

        var query = sort == "RELEVANCE" ? "linen" : null;
        await _client.AwaitIdsAsync(() => _client.NearAsync(lat, lon, 10, query: query, first: 50), listed.Select(p => p.Id), "all eleven are searchable");

        // Pages of 2: fewer than a store's products, so a store's own first rows (price and newest pages) are cut after the cursor.
        var paged = await _client.AllPagesAsync(lat, lon, 10, sort, first: 2, query: query, priceMin: priceMin);
        var whole = (await _client.NearAsync(lat, lon, 10, query: query, priceMin: priceMin, sort: sort, first: 50)).Edges();

        paged.Select(Id).Should().OnlyHaveUniqueItems().And.BeEquivalentTo(listed.Select(p => p.Id), "no gaps, no duplicates");
        paged.Select(Id).Should().Equal(whole.Select(e => Id(e!)), "pages follow the same order as one big page");
        switch (sort)
        {
            case "DISTANCE":
                paged.Select(e => e["distanceMeters"]!.GetValue<double>()).Should().BeInAscendingOrder();
                break;
            case "PRICE_ASC":
                paged.Select(Price).Should().BeInAscendingOrder();
                break;
            case "PRICE_DESC":
                paged.Select(Price).Should().BeInDescendingOrder();
                break;
            case "NEWEST":
                paged.Select(e => DateTimeOffset.Parse(e["node"].Text("publishedAt"), CultureInfo.InvariantCulture)).Should().BeInDescendingOrder();
                paged.Select(Id).Should().Equal(listed.Select(p => p.Id).Reverse(), "published one after the other");
                break;
            case "RELEVANCE":
                // Titles with "linen" twice rank above those with it once.
                paged.Select(e => e["node"].Text("title").StartsWith("Linen linen", StringComparison.Ordinal)).Should().BeInDescendingOrder();
                break;
        }

        static string Id(JsonNode edge) => edge["node"].Text("id");
        static decimal Price(JsonNode edge) => decimal.Parse(edge["node"]!["priceRange"]!["minVariantPrice"].Text("amount"), CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task A_store_that_moves_or_closes_takes_its_products_with_it_and_older_states_are_ignored()
    {
        var shop = await _client.SellerStoreAsync(app);
        var (lat, lon) = await SearchFlows.StoreLocationAsync(shop.StoreLocalId);
        var category = await _client.CategoryAsync(app);
        var first = await _client.ListedAsync(shop.Token, shop.StoreId, category, "Bike bell");
        var second = await _client.ListedAsync(shop.Token, shop.StoreId, category, "Bike lamp");
        await _client.AwaitIdsAsync(() => _client.NearAsync(lat, lon, 5), [first.Id, second.Id], "both are searchable at the store");

        // Sellers says: the store moved 40 km north (version 2).
        var (newLat, newLon) = SearchFlows.Offset(lat, lon, 40, 0);
        var sellerId = Guid.Parse(shop.SellerId);
        await app.PublishStoreUpdatedAsync(new StoreUpdated(shop.StoreLocalId, sellerId, "Moved shop", shop.Slug, newLat, newLon, 10, "ACTIVE", 2, DateTimeOffset.UtcNow));

        var moved = await _client.AwaitIdsAsync(() => _client.NearAsync(newLat, newLon, 5), [first.Id, second.Id], "both are found at the new place");
        moved.Edges().Select(e => e!["distanceMeters"]!.GetValue<double>()).Should().AllSatisfy(d => d.Should().BeLessThan(1));
        (await _client.NearAsync(lat, lon, 5)).Ids().Should().BeEmpty("nothing is left at the old place");

        // Closed (version 3): gone; then version 2 arrives again late: ignored.
        await app.PublishStoreUpdatedAsync(new StoreUpdated(shop.StoreLocalId, sellerId, "Moved shop", shop.Slug, newLat, newLon, 10, "CLOSED", 3, DateTimeOffset.UtcNow));
        await _client.AwaitIdsAsync(() => _client.NearAsync(newLat, newLon, 5), [], "a closed store's products are not found");
        var late = await app.PublishStoreUpdatedAsync(new StoreUpdated(shop.StoreLocalId, sellerId, "Moved shop", shop.Slug, newLat, newLon, 10, "ACTIVE", 2, DateTimeOffset.UtcNow));
        await Eventually.AssertAsync(
            async () => await Gql.ScalarAsync<long>("SELECT count(*) FROM catalog.inbox_messages WHERE consumer = 'catalog__sellers_store_updated_v1' AND event_id = $1", late) == 1,
            TimeSpan.FromSeconds(20), "the late event was handled");
        (await Gql.ScalarAsync<string>("SELECT status FROM catalog.stores WHERE id = $1", shop.StoreLocalId)).Should().Be("CLOSED");
        (await _client.NearAsync(newLat, newLon, 5)).Ids().Should().BeEmpty("the older state did not reopen the store");

        // Reopened (version 4): found again.
        await app.PublishStoreUpdatedAsync(new StoreUpdated(shop.StoreLocalId, sellerId, "Moved shop", shop.Slug, newLat, newLon, 10, "ACTIVE", 4, DateTimeOffset.UtcNow));
        await _client.AwaitIdsAsync(() => _client.NearAsync(newLat, newLon, 5), [first.Id, second.Id], "reopened");
    }

    [Fact]
    public async Task A_seller_moving_and_closing_a_store_through_Sellers_moves_and_hides_its_products_end_to_end()
    {
        var shop = await _client.SellerStoreAsync(app);
        var (lat, lon) = await SearchFlows.StoreLocationAsync(shop.StoreLocalId);
        var category = await _client.CategoryAsync(app);
        var listed = await _client.ListedAsync(shop.Token, shop.StoreId, category, "Tyre pump");
        await _client.AwaitIdsAsync(() => _client.NearAsync(lat, lon, 5), [listed.Id], "searchable at the store");

        // The real path: storeUpdate → store_updated.v1 in Sellers' outbox → JetStream → Catalog's copy and search rows.
        var (newLat, newLon) = SearchFlows.Offset(lat, lon, 0, 30);
        var update = (await _client.SendAsync(
            "mutation($id: ID!, $lat: Float!, $lon: Float!) { storeUpdate(input: { id: $id, location: { latitude: $lat, longitude: $lon } }) { store { version } userErrors { code } } }",
            new { id = shop.StoreId, lat = newLat, lon = newLon }, shop.Token)).Data("storeUpdate");
        update["userErrors"]!.AsArray().Should().BeEmpty();
        await _client.AwaitIdsAsync(() => _client.NearAsync(newLat, newLon, 5), [listed.Id], "found where the store now is");
        (await _client.NearAsync(lat, lon, 5)).Ids().Should().BeEmpty("nothing is left at the old place");

        var close = (await _client.SendAsync("mutation($id: ID!) { storeClose(input: { id: $id }) { store { status } userErrors { code } } }", new { id = shop.StoreId }, shop.Token)).Data("storeClose");
        close["store"].Text("status").Should().Be("CLOSED");
        await _client.AwaitIdsAsync(() => _client.NearAsync(newLat, newLon, 5), [], "a closed store's products are not found");
    }

    [Fact]
    public async Task Renaming_a_parent_category_reaches_the_text_index_of_its_subtree_s_products()
    {
        var shop = await _client.SellerStoreAsync(app);
        var (lat, lon) = await SearchFlows.StoreLocationAsync(shop.StoreLocalId);
        var parent = await _client.CategoryAsync(app, name: "Outdoor");
        var child = await _client.CategoryAsync(app, parentId: parent, name: "Camping");
        var listed = await _client.ListedAsync(shop.Token, shop.StoreId, child, "Folding stool");
        await _client.AwaitIdsAsync(() => _client.NearAsync(lat, lon, 5), [listed.Id], "listed");
        var word = "zq" + Guid.NewGuid().ToString("N")[..10];
        (await _client.NearAsync(lat, lon, 5, query: word)).Ids().Should().BeEmpty("no category has that name yet");

        var renamed = (await _client.SendAsync(
            "mutation($i: CategoryUpdateInput!) { categoryUpdate(input: $i) { category { name } userErrors { code } } }",
            new { i = new { id = parent, name = word } }, app.AdminToken())).Data("categoryUpdate");
        renamed["userErrors"]!.AsArray().Should().BeEmpty();

        await _client.AwaitIdsAsync(() => _client.NearAsync(lat, lon, 5, query: word), [listed.Id], "the grandchild product is found by its ancestor's new name");
    }

    [Fact]
    public async Task A_product_event_that_overtakes_its_store_copy_fetches_the_store_from_Sellers()
    {
        var shop = await _client.SellerStoreAsync(app);
        var (lat, lon) = await SearchFlows.StoreLocationAsync(shop.StoreLocalId);
        var category = await _client.CategoryAsync(app);
        await Eventually.AssertAsync(async () => await Gql.ScalarAsync<long>("SELECT count(*) FROM catalog.stores WHERE id = $1", shop.StoreLocalId) == 1, TimeSpan.FromSeconds(20), "store_created.v1 copied");
        // As if store_created.v1 were still on its way.
        await Gql.ScalarAsync<int>("DELETE FROM catalog.stores WHERE id = $1", shop.StoreLocalId);

        var product = await _client.ListedAsync(shop.Token, shop.StoreId, category, "Early bird");

        await _client.AwaitIdsAsync(() => _client.NearAsync(lat, lon, 5), [product.Id], "the product is searchable with the fetched store");
        (await Gql.ScalarAsync<long>("SELECT version FROM catalog.stores WHERE id = $1", shop.StoreLocalId)).Should().Be(0, "a fetched copy yields to any store event");
    }

    [Fact]
    public async Task Reindex_rebuilds_everything_while_search_keeps_answering_from_the_old_rows()
    {
        var shop = await _client.SellerStoreAsync(app);
        var (lat, lon) = await SearchFlows.StoreLocationAsync(shop.StoreLocalId);
        var category = await _client.CategoryAsync(app);
        var listed = new List<Listed>();
        for (var i = 0; i < 3; i++)
            listed.Add(await _client.ListedAsync(shop.Token, shop.StoreId, category, $"Reindexed {i}"));
        await _client.AwaitIdsAsync(() => _client.NearAsync(lat, lon, 5), listed.Select(p => p.Id), "searchable before the rebuild");
        // A row gone stale behind the projection's back: only a rebuild from the catalog repairs it.
        await Gql.ScalarAsync<int>("UPDATE catalog.search_products SET title = 'stale' WHERE product_id = $1", Guid.Parse(CatalogFlows.LocalId(listed[0].Id)));

        var requested = (await _client.SendAsync(
            "mutation { catalogSearchReindexStart(input: { batchSize: 1000 }) { started reindex { id status } userErrors { code } } }", token: app.AdminToken())).Data("catalogSearchReindexStart");
        requested.Codes().Should().BeEmpty(requested.ToJsonString());
        var reindexId = requested["reindex"].Text("id");
        var again = (await _client.SendAsync("mutation { catalogSearchReindexStart { started reindex { id } } }", token: app.AdminToken())).Data("catalogSearchReindexStart");
        if (!again["started"]!.GetValue<bool>())
            again["reindex"].Text("id").Should().Be(reindexId, "a request while one is in flight answers that one");

        // Search all through the rebuild; some answers must fall entirely within RUNNING.
        var answeredWhileRunning = 0;
        var status = await Eventually.ReturnsAsync(
            async () =>
            {
                var before = await ReindexStatusAsync(reindexId);
                var body = await _client.NearAsync(lat, lon, 5);
                body["errors"].Should().BeNull(body.ToJsonString());
                body.Ids().Should().BeEquivalentTo(listed.Select(p => p.Id), "search answers throughout");
                if (before["status"]!.GetValue<string>() == "RUNNING" && (await ReindexStatusAsync(reindexId))["status"]!.GetValue<string>() == "RUNNING")
                    answeredWhileRunning++;
                return await ReindexStatusAsync(reindexId);
            },
            s => s?["status"]?.GetValue<string>() == "COMPLETED",
            TimeSpan.FromSeconds(90),
            "the rebuild completes");

        answeredWhileRunning.Should().BePositive("searches ran while the shadow table was being filled");
        status["batchesDone"]!.GetValue<int>().Should().Be(status["batchesTotal"]!.GetValue<int>());
        status["completedAt"].Should().NotBeNull();
        var after = await _client.NearAsync(lat, lon, 5);
        after.Ids().Should().BeEquivalentTo(listed.Select(p => p.Id));
        after.Edges().Select(e => e!["node"].Text("title")).Should().Contain(listed[0].Title).And.NotContain("stale", "the rebuild reads the catalog");
        (await Gql.ScalarAsync<int>("SELECT count(*)::int FROM pg_tables WHERE schemaname = 'catalog' AND tablename = 'search_products_next'")).Should().Be(0);
        (await Gql.ScalarAsync<int>("SELECT count(*)::int FROM pg_indexes WHERE schemaname = 'catalog' AND tablename = 'search_products' AND indexname IN ('pk_search_products', 'ix_search_products_location', 'ix_search_products_search_vector', 'ix_search_products_store_id')"))
            .Should().Be(4, "the swapped-in table keeps the canonical index names");
        // The words were rebuilt into a shadow of their own and swapped in with the rows.
        (await Gql.ScalarAsync<int>("SELECT count(*)::int FROM pg_tables WHERE schemaname = 'catalog' AND tablename = 'search_terms_next'")).Should().Be(0);
        (await Gql.ScalarAsync<int>("SELECT count(*)::int FROM pg_indexes WHERE schemaname = 'catalog' AND tablename = 'search_terms' AND indexname = 'pk_search_terms'")).Should().Be(1);
        (await _client.NearAsync(lat, lon, 5, query: "reindexed")).Ids().Should().BeEquivalentTo(listed.Select(p => p.Id), "plain words find the rebuilt rows");

        // The rebuild is a Node: administrators refetch it, anyone else gets null (as for an unknown id).
        const string ByNode = "query($id: ID!) { node(id: $id) { __typename ... on CatalogSearchReindex { status } } }";
        (await _client.SendAsync(ByNode, new { id = reindexId }, app.AdminToken())).Data("node").Text("status").Should().Be("COMPLETED");
        var hidden = await _client.SendAsync(ByNode, new { id = reindexId }, await _client.BuyerAsync());
        hidden["errors"].Should().BeNull(hidden.ToJsonString());
        hidden["data"]!["node"].Should().BeNull();

        // And the projection keeps following changes after the swap.
        var later = await _client.ListedAsync(shop.Token, shop.StoreId, category, "After the swap");
        await _client.AwaitIdsAsync(() => _client.NearAsync(lat, lon, 5), [.. listed.Select(p => p.Id), later.Id], "a product listed after the swap is found");
        await _client.AwaitIdsAsync(() => _client.NearAsync(lat, lon, 5, query: "swap"), [later.Id], "and by its words, through the swapped-in terms");
    }

    [Fact]
    public async Task Reindex_is_for_administrators_only()
    {
        var buyer = await _client.BuyerAsync();
        (await _client.SendAsync("mutation { catalogSearchReindexStart { started } }", token: buyer)).ErrorCodes().Should().Contain("FORBIDDEN");
        (await _client.SendAsync("mutation { catalogSearchReindexStart { started } }")).ErrorCodes().Should().Contain("UNAUTHENTICATED");
        (await _client.SendAsync("query($id: ID!) { catalogSearchReindexStatus(id: $id) { status } }", new { id = "Q2F0YWxvZ1NlYXJjaFJlaW5kZXg6eA==" }, buyer)).ErrorCodes().Should().Contain("FORBIDDEN");
        var unknown = await _client.SendAsync("query($id: ID!) { catalogSearchReindexStatus(id: $id) { status } }", new { id = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"CatalogSearchReindex:{Guid.NewGuid()}")) }, app.AdminToken());
        unknown["errors"].Should().BeNull(unknown.ToJsonString());
        unknown["data"]!["catalogSearchReindexStatus"].Should().BeNull();
        var foreign = await _client.SendAsync("query($id: ID!) { catalogSearchReindexStatus(id: $id) { status } }", new { id = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"Product:{Guid.NewGuid()}")) }, app.AdminToken());
        foreign.ErrorCodes().Should().Equal("BAD_USER_INPUT");

        var tooSmall = (await _client.SendAsync("mutation { catalogSearchReindexStart(input: { batchSize: 5 }) { started reindex { id } userErrors { field code } } }", token: app.AdminToken())).Data("catalogSearchReindexStart");
        tooSmall.Codes().Should().Equal("INVALID_BATCH_SIZE");
        tooSmall["userErrors"]![0]!["field"]!.AsArray().Select(f => f!.GetValue<string>()).Should().Equal("input", "batchSize");
    }

    [Fact]
    public async Task Bad_search_input_is_BAD_USER_INPUT_with_the_field()
    {
        var shop = await _client.SellerStoreAsync(app);
        var (lat, lon) = await SearchFlows.StoreLocationAsync(shop.StoreLocalId);
        var category = await _client.CategoryAsync(app);
        await _client.ListedAsync(shop.Token, shop.StoreId, category, "Cursor source");
        var page = await Eventually.ReturnsAsync<JsonNode>(async () => await _client.NearAsync(lat, lon, 5, first: 1), b => b?.Ids().Length == 1, TimeSpan.FromSeconds(20));
        var distanceCursor = page.Edges()[0]!.Text("cursor");

        await Refused(_client.NearAsync(95, 0), "location.latitude");
        await Refused(_client.NearAsync(0, -180.5), "location.longitude");
        await Refused(_client.NearAsync(lat, lon, 0), "radiusKm");
        await Refused(_client.NearAsync(lat, lon, 100.5), "radiusKm");
        await Refused(_client.NearAsync(lat, lon, 5, first: 101), null);
        await Refused(_client.NearAsync(lat, lon, 5, after: "not-a-cursor"), null);
        await Refused(_client.NearAsync(lat, lon, 5, sort: "PRICE_ASC", after: distanceCursor), "after");
        await Refused(_client.NearAsync(lat, lon, 5, priceMin: "20", priceMax: "10"), "priceMax");
        await Refused(_client.NearAsync(lat, lon, 5, priceMin: "-1"), "priceMin");
        await Refused(_client.NearAsync(lat, lon, 5, sort: "RELEVANCE"), "sort");
        await Refused(_client.NearAsync(lat, lon, 5, query: new string('a', 201)), "query");
        var unknownCategory = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"Category:{Guid.NewGuid()}"));
        await Refused(_client.NearAsync(lat, lon, 5, categoryId: unknownCategory), "categoryId");
        await Refused(_client.NearAsync(lat, lon, 5, query: "cursor", categoryId: unknownCategory, sort: "PRICE_ASC"), "categoryId");
        await Refused(_client.NearAsync(lat, lon, 5, categoryId: shop.StoreId), null);
        var floats = await _client.SendAsync("{ productsNear(location: { latitude: 0, longitude: 0 }, radiusKm: 1, priceMin: 1.5) { edges { cursor } } }");
        floats.ErrorCodes().Should().NotBeEmpty("prices are decimal strings, never floats");

        // The cursor of one page used again gives the same next page (stable), and first: 0 is an empty page.
        var next = await _client.NearAsync(lat, lon, 5, after: distanceCursor);
        next["errors"].Should().BeNull();
        (await _client.NearAsync(lat, lon, 5, first: 0)).Edges().Should().BeEmpty();

        static async Task Refused(Task<JsonNode> call, string? field)
        {
            var body = await call;
            body.ErrorCodes().Should().Contain("BAD_USER_INPUT", body.ToJsonString());
            if (field is not null)
            {
                var fields = body["errors"]![0]!["extensions"]!["fieldViolations"]!.AsArray().Select(v => v!.Text("field"));
                fields.Should().Contain(field, body.ToJsonString());
            }
        }
    }

    [Fact]
    public async Task Projection_lag_is_measured_per_event()
    {
        var measured = new System.Collections.Concurrent.ConcurrentQueue<(double Seconds, string Event)>();
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "marketplace.catalog.search.projection_lag")
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "event")
                    measured.Enqueue((value, (string)tag.Value!));
            }
        });
        listener.Start();
        var started = DateTimeOffset.UtcNow;

        var shop = await _client.SellerStoreAsync(app);
        var category = await _client.CategoryAsync(app);
        var listed = await _client.ListedAsync(shop.Token, shop.StoreId, category, "Measured");

        // The right condition: this product's product_published.v1 was handled. Its inbox row commits with the handler,
        // which records the lag before it commits; the suite's own consumers (CatalogApp) handle it in this process.
        var eventId = await Gql.ScalarAsync<Guid>(
            "SELECT id FROM catalog.outbox_messages WHERE subject = 'marketplace.catalog.product_published.v1' AND payload->>'productId' = $1",
            CatalogFlows.LocalId(listed.Id));
        await Eventually.AssertAsync(
            async () => await Gql.ScalarAsync<long>("SELECT count(*) FROM catalog.inbox_messages WHERE consumer = 'catalog__catalog_product_published_v1' AND event_id = $1", eventId) == 1,
            TimeSpan.FromSeconds(20),
            "the product's product_published.v1 was handled");
        var elapsed = (DateTimeOffset.UtcNow - started).TotalSeconds;

        // This product's lag lies between 0 and the time the test took; other tests' events may have been measured too.
        measured.Should().Contain(m => m.Event == "product_published" && m.Seconds >= 0 && m.Seconds <= elapsed, "the lag of the product's event was recorded, in seconds");
    }

    private async Task<JsonNode> ReindexStatusAsync(string id) =>
        (await _client.SendAsync("query($id: ID!) { catalogSearchReindexStatus(id: $id) { status batchesTotal batchesDone productsTotal productsIndexed completedAt } }", new { id }, app.AdminToken()))
            .Data("catalogSearchReindexStatus");
}
