using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Marketplace.Catalog.Tests.Support;
using Marketplace.Modules.Catalog.Search;
using Marketplace.Testing;
using Npgsql;

namespace Marketplace.Catalog.Tests;

[CollectionDefinition(nameof(SearchPlanTests), DisableParallelization = true)]
public sealed class SearchPlanCollection;

/// <summary>
/// The plan of every search shape, read with EXPLAIN (ANALYZE) from exactly the module's batch
/// (<c>ProductSearch.BuildBatch</c>) on this suite's database. How the plans are pinned on small data: the suite's
/// tables hold a few hundred rows, where a sequential scan is the cheapest of all; the session turns sequential scans
/// off (<c>enable_seqscan = off</c>) and vacuums the projection (so its visibility map is set, as on a settled table), so
/// the planner chooses among the index paths as it does at 1M rows — the benchmark's EXPLAIN output in
/// docs/catalog-search.md shows the same plans on its 1M-row database with no setting changed. A text shape is pinned
/// less tightly: on a few hundred rows a bitmap of a whole partial index is cheaper than the text's GIN bitmap whatever
/// the settings, so the test checks the statement's structure (the text and the stores in the radius both narrow one scan
/// of the projection, the page read by primary key) and the benchmark's plans show the GIN and store bitmaps intersected
/// at 1M rows. A shape whose statement
/// no longer fits its indexes (a filter the covering index lacks, a sort key read from the table) shows up here as a
/// different scan.
/// <para>
/// The plans run alone (a collection without parallelization): index-only scans are costed by the share of all-visible
/// pages, and other tests writing search rows during the EXPLAIN made the per-store index-only scan look dearer than a
/// filtered scan of the location index on these few hundred rows (seen once in a full run).
/// </para>
/// </summary>
[Collection(nameof(SearchPlanTests))]
public sealed class SearchPlanTests(CatalogApp app)
{
    private const double Lat = 48.8566;
    private const double Lon = 2.3522;

    /// <summary>A category id for the plans (whether it exists changes no index the statements use).</summary>
    private static readonly Guid PlanCategory = Guid.Parse("0193a5c0-0000-7000-8000-00000000c0de");

    public static TheoryData<string> Shapes => [.. Requests.Keys];

    private static readonly Dictionary<string, SearchRequest> Requests = new(StringComparer.Ordinal)
    {
        ["nearest"] = Request(SearchSort.Distance),
        ["category, PRICE_ASC"] = Request(SearchSort.PriceAsc) with { CategoryId = PlanCategory },
        ["price range, PRICE_DESC"] = Request(SearchSort.PriceDesc) with { PriceMin = 10m, PriceMax = 120m },
        ["in stock, NEWEST"] = Request(SearchSort.Newest) with { InStockOnly = true },
        ["category, NEWEST, after a cursor"] = Request(SearchSort.Newest) with { CategoryId = PlanCategory, After = new SearchKey(SearchSort.Newest, "1700000000000000", Guid.Empty) },
        ["in stock, DISTANCE"] = Request(SearchSort.Distance) with { InStockOnly = true },
        ["all filters, DISTANCE, max radius"] = Request(SearchSort.Distance) with { CategoryId = PlanCategory, PriceMin = 1m, InStockOnly = true, RadiusKm = ProductSearch.MaxRadiusKm },
        ["text, RELEVANCE"] = Request(SearchSort.Relevance) with { Query = "lamp" },
        ["forgiving text, PRICE_ASC"] = Request(SearchSort.PriceAsc) with { Query = "lmap chiar", InStockOnly = true },
        ["web-search text, DISTANCE"] = Request(SearchSort.Distance) with { Query = "\"oak chair\" -pine", CategoryId = PlanCategory },
        ["web-search text, RELEVANCE, max radius"] = Request(SearchSort.Relevance) with { Query = "lamp or chair", RadiusKm = ProductSearch.MaxRadiusKm },
        ["nearest with totals and facets"] = Request(SearchSort.Distance) with { Extras = SearchExtras.TotalCount | SearchExtras.Facets },
        ["text with totals and facets"] = Request(SearchSort.Newest) with { Query = "lamp", Extras = SearchExtras.TotalCount | SearchExtras.Facets },
        ["web-search text with a total"] = Request(SearchSort.Relevance) with { Query = "\"oak chair\"", Extras = SearchExtras.TotalCount },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Every_shape_reads_through_its_indexes(string shape)
    {
        var request = Requests[shape];
        var plans = await ExplainAsync(request);

        var all = string.Join("\n", plans);
        all.Should().NotContain("Seq Scan on search_products", "no shape reads the whole projection");
        all.Should().NotContain("Seq Scan on stores", "the radius is found with the stores' GiST index");
        var page = plans[0];
        if (SearchSql.UsesNearestPath(request))
        {
            // KNN: the GiST index yields rows nearest first; the scan stops after the page (incremental sort only).
            page.Should().Contain("Index Scan using ix_search_products_location on search_products");
            page.Should().Contain("Order By: (location <->");
            page.Should().NotMatchRegex(@"(?m)^\s*->\s+Sort\s", "only an incremental sort of equal-distance groups");
        }
        else
        {
            page.Should().Contain("ix_stores_location_active", "the radius becomes the stores within it");
            page.Should().MatchRegex(@"Index Cond: \(product_id = ", "only the page's rows are read from the table, by primary key");
            if (request.Query is null)
            {
                switch (request.Sort)
                {
                    case var _ when request.CategoryId is not null:
                        page.Should().Contain("Index Only Scan using ix_search_products_by_category on search_products", "a category filter reads the subtree's rows of each store");
                        page.Should().MatchRegex(@"Index Cond: \(\(store_id = (n|near)\.id\) AND \(category_key >= ", "the subtree is one range of the category path");
                        break;
                    case SearchSort.PriceAsc or SearchSort.PriceDesc:
                        page.Should().MatchRegex("Index Only Scan (Backward )?using ix_search_products_by_price on search_products", "each store's first rows by price, from index pages alone");
                        page.Should().Contain("Limit", "a store gives no more rows than the page holds");
                        break;
                    case SearchSort.Newest:
                        page.Should().MatchRegex("Index Only Scan (Backward )?using ix_search_products_by_newest on search_products", "each store's newest rows, from index pages alone");
                        page.Should().Contain("Limit", "a store gives no more rows than the page holds");
                        break;
                    default:
                        page.Should().MatchRegex("Index Only Scan using ix_search_products_(nearby|by_price|by_newest|by_category) on search_products", "every row in the radius comes from index pages alone");
                        break;
                }

                if (SearchSql.ReadsStoresNearestFirst(request))
                {
                    page.Should().Contain("Presorted Key: near.distance", "stores are read nearest first and the page's sort stops pulling them once it is full");
                    page.Should().NotMatchRegex(@"(?m)^\s*->\s+Sort\s+\(.*\n\s+Sort Key: near\.distance, ", "no full sort of every row in the radius");
                }
            }
            else if (SearchText.Parse(request.Query) is { Forgiving: true })
            {
                page.Should().Contain("Index Only Scan using pk_search_terms on search_terms", "plain words are probed in the terms' index alone");
                page.Should().MatchRegex(@"Index Cond: \(\(lexeme = ANY \(\$\d+\)\) AND \(store_id = n\.id\)\)", "once per alternative and store in the radius");
                page.Should().NotContain("search_vector", "no row's tsvector is read to match or rank plain words");
                page.Should().Contain("ix_search_words_trigrams", "typos are corrected against the title dictionary's trigram index");
            }
            else
            {
                page.Should().Contain("(search_vector @@ $", "the text narrows the scan");
                page.Should().Contain("((store_id)::text = ANY ($", "the exact radius is checked on the intersection, never as an index condition of its own");
            }
        }

        if (SearchSql.CountsWithPage(request))
        {
            plans.Should().HaveCount(1, "with text the page and the counts are one statement over one set of matches");
            Regex.Matches(page, @"CTE cand\b").Should().HaveCount(1, "the matches are kept once");
            Regex.Matches(page, @" on search_(terms|products) sp\b")
                .Should().HaveCount(1, "the text's matches are found once, and read by both the page and the counts:\n{0}", page);
            if (request.Extras.HasFlag(SearchExtras.Facets))
                page.Should().MatchRegex("(Mixed|Hash|Group)Aggregate", "every facet in one pass over the matches (grouping sets)");
        }
        else if (request.Extras != SearchExtras.None)
        {
            plans.Should().HaveCount(2, "the counts are a second statement of the same batch");
            plans[1].Should().MatchRegex(request.Query is null ? "Index Only Scan using ix_search_products_(nearby|by_price|by_newest|by_category)"
                : SearchText.Parse(request.Query).Forgiving ? "Index Only Scan using pk_search_terms" : @"\(search_vector @@ \$");
            plans[1].Should().MatchRegex("(Mixed|Hash|Group)Aggregate", "every facet in one pass over the matches (grouping sets)");
        }
    }

    /// <summary>
    /// Plain words are matched through <c>catalog.search_terms</c>; the same words in web-search syntax (each quoted) are
    /// matched on the rows' tsvectors, through the stores' tokens (few stores) or the grid cells (many;
    /// <c>Search:StoreTokensUpTo</c>). All three must find exactly the same products in the same order for every sort —
    /// relevance included for one word (a word's weight in the terms is what <c>ts_rank_cd</c> counts for it; for several words
    /// the terms add the words' weights where <c>ts_rank_cd</c> also weighs their proximity) — and a typo
    /// the same products as its correction; a store just outside the radius is found by none.
    /// </summary>
    [Fact]
    public async Task Plain_words_find_the_same_products_in_the_same_order_through_the_terms_the_stores_tokens_and_the_grid_cells()
    {
        var client = app.CreateClient();
        var shop = await client.SellerStoreAsync(app);
        var category = await client.CategoryAsync(app);
        var word = new string(Enumerable.Range(0, 8).Select(_ => (char)('a' + RandomNumberGenerator.GetInt32(26))).ToArray());
        var (lat, lon) = await SearchFlows.StoreLocationAsync(shop.StoreLocalId);
        var listed = new List<string>();
        foreach (var (title, description, price) in new[]
                 {
                     ($"{word} lamp", $"A {word} made nearby.", "12.00"), ($"Oak {word}", "Solid oak.", "30.00"), ("Lamp shade", $"Goes with any {word}.", "8.00"),
                     ($"{word} {word} lamp", "Twice the word.", "30.00"), ("Chair", "Nothing else.", "5.00"),
                 })
            listed.Add((await client.ListedAsync(shop.Token, shop.StoreId, category, title, description, price)).Id);
        var (neighbour, _) = await client.StoreAtAsync(shop.Token, lat + 0.02, lon); // 2.2 km north
        var outside = await client.ListedAsync(shop.Token, neighbour, category, $"{word} chair", "Two kilometres away.");
        await client.AwaitIdsAsync(() => client.NearAsync(lat, lon, 5), [.. listed, outside.Id], "the products are searchable");

        var storesNear = await Gql.ScalarAsync<long>(
            "SELECT count(*) FROM catalog.stores WHERE status = 'ACTIVE' AND ST_DWithin(location, ST_SetSRID(ST_MakePoint($2, $1), 4326)::geography, 5000)", lat, lon);
        storesNear.Should().BeLessThanOrEqualTo(SearchCells.DefaultStoreTokensUpTo, "the default names these stores in the index query");
        var outsideId = Guid.Parse(CatalogFlows.LocalId(outside.Id));
        var typo = word[..3] + word[4..];
        foreach (var radiusKm in new[] { 1.0, 3.0 })
        {
            foreach (var (plain, webSearch, sort) in new[]
                     {
                         (word, $"\"{word}\"", SearchSort.Relevance), (word, $"\"{word}\"", SearchSort.PriceAsc), (word, $"\"{word}\"", SearchSort.Distance),
                         ($"{word} lamp", $"\"{word}\" \"lamp\"", SearchSort.PriceAsc), ($"{word} lamp", $"\"{word}\" \"lamp\"", SearchSort.Newest),
                         (typo, $"\"{word}\"", SearchSort.PriceDesc),
                     })
            {
                var request = new SearchRequest(lat, lon, radiusKm, plain, null, null, null, sort, 20, null);
                var byTerms = await ProductIdsAsync(request);
                var byStores = await ProductIdsAsync(request with { Query = webSearch });
                var byCells = await ProductIdsAsync(request with { Query = webSearch, StoreTokensUpTo = 0 });
                byTerms.Should().NotBeEmpty($"'{plain}' matches products of the store ({sort}, {radiusKm} km)");
                byTerms.Should().Equal(byStores, $"'{plain}' ({sort}, {radiusKm} km) finds through the terms what {webSearch} finds through the stores' tokens, in the same order");
                byStores.Should().Equal(byCells, $"{webSearch} ({sort}, {radiusKm} km) finds the same products, in the same order, through the stores' tokens and the cells");
                if (radiusKm < 2)
                    byTerms.Should().NotContain(outsideId, "a store outside the radius is found by none");
                else if (plain == word)
                    byTerms.Should().Contain(outsideId, "the neighbouring store is within 3 km");
            }
        }
    }

    private async Task<List<Guid>> ProductIdsAsync(SearchRequest request)
    {
        await using var connection = new NpgsqlConnection(app.Database);
        await connection.OpenAsync();
        await using var batch = ProductSearch.BuildBatch(request);
        batch.Connection = connection;
        var ids = new List<Guid>();
        await using var reader = await batch.ExecuteReaderAsync();
        do
        {
            while (await reader.ReadAsync())
            {
                if (reader.FieldCount > 0 && reader.GetFieldType(0) == typeof(Guid))
                    ids.Add(reader.GetGuid(0));
            }
        }
        while (await reader.NextResultAsync());
        return ids;
    }

    private static SearchRequest Request(SearchSort sort) => new(Lat, Lon, 5, null, null, null, null, sort, 20, null);

    private async Task<List<string>> ExplainAsync(SearchRequest request)
    {
        await using var connection = new NpgsqlConnection(app.Database);
        await connection.OpenAsync();
        // The title dictionary at a catalogue's size: with the few words the suite has written so far (how many depends on
        // which tests ran first), a whole scan of its primary key is cheaper than the trigram index (a fresh-clone CI run
        // planned it so). The seeded words (zq + 8 hex digits) are nothing another test searches for.
        var setups = new List<string>
        {
            "INSERT INTO catalog.search_words (word) SELECT 'zq' || substr(md5(g::text), 1, 8) FROM generate_series(1, 5000) AS g ON CONFLICT DO NOTHING",
            "VACUUM (ANALYZE) catalog.search_words", "VACUUM (ANALYZE) catalog.search_products", "VACUUM (ANALYZE) catalog.search_terms",
            "VACUUM (ANALYZE) catalog.stores", "SET enable_seqscan = off",
        };
        foreach (var setup in setups)
        {
            await using var command = new NpgsqlCommand(setup, connection);
            await command.ExecuteNonQueryAsync();
        }
        await using var batch = ProductSearch.BuildBatch(request, explain: true);
        batch.Connection = connection;
        var plans = new List<string>();
        await using var reader = await batch.ExecuteReaderAsync();
        do
        {
            var lines = new List<string>();
            while (await reader.ReadAsync())
                lines.Add(reader.GetString(0));
            if (lines.Count > 0)
                plans.Add(string.Join("\n", lines));
        }
        while (await reader.NextResultAsync());
        return plans;
    }
}
