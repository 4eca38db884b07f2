using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace Marketplace.Modules.Catalog.Search;

/// <summary>
/// The statements of a nearby search (docs/catalog-search.md, "How the SQL runs"). Two paths, chosen by the shape:
/// <list type="bullet">
/// <item><b>Nearest</b> (DISTANCE and no filter at all): the GiST index's KNN order, stopping after the page.</item>
/// <item><b>Candidates</b> (any filter or any other sort): products are where their stores are, so the radius is first
/// resolved to the ACTIVE stores within it (Catalog's store copy, a GiST index over a few thousand rows); then each
/// store's searchable rows are read from a covering index (<c>ix_search_products_nearby</c>: store id, then product id,
/// lowest price, publication time, category, stock — an index-only scan, no table page read), filtered, and the page is
/// the top of them by the sort key; only the page's rows are read from the table. Plain words are probed per store in
/// the words' table (<c>catalog.search_terms</c>, index-only, see <see cref="Terms"/>); web-search syntax scans the text
/// index (GIN) once for the words intersected with the stores in the radius or the grid cells around the point
/// (<see cref="SearchCells"/>), and the table is read for that intersection only.</item>
/// </list>
/// The work is bounded by the rows in the radius (about 10,000 within 5 km of a city centre at 1M products, 40,000 within
/// 100 km), read from index pages only; totals and facets count the same candidate set.
/// </summary>
internal static class SearchSql
{
    public const string Origin = "ST_SetSRID(ST_MakePoint(@lon, @lat), 4326)::geography";

    /// <summary>
    /// Price bucket bounds of the price facet (bucket 0 is below the first, the last is at or above the last). The
    /// projection stores each row's bucket with these bounds (<c>price_bucket</c>, migration <c>SearchPriceBucket</c>):
    /// changing them is a migration.
    /// </summary>
    public static readonly decimal[] PriceBucketBounds = [10m, 25m, 50m, 100m, 250m, 500m, 1000m];

    /// <summary>DISTANCE without any filter: the KNN path.</summary>
    public static bool UsesNearestPath(SearchRequest request) =>
        request.Sort == SearchSort.Distance && request.Query is null && request.CategoryId is null
        && request.PriceMin is null && request.PriceMax is null && !request.InStockOnly;

    /// <summary>
    /// DISTANCE with a filter but no text: the page takes stores nearest first and stops when it is full (an incremental
    /// sort over the stores' distance, which needs <c>enable_sort = off</c>: PostGIS' row estimates make a full sort look
    /// cheaper).
    /// </summary>
    public static bool ReadsStoresNearestFirst(SearchRequest request) =>
        request.Sort == SearchSort.Distance && request.Query is null && !UsesNearestPath(request);

    /// <summary>The page: up to <c>First + 1</c> rows (product id, store id, title, min/max price, currency, category id, published at, distance, sort key, created at, slug, and the store copy's name, slug, latitude, longitude, service radius).</summary>
    public static string Page(SearchRequest request, SearchText? text)
    {
        var (order, compare) = Direction(request.Sort);
        var keyset = request.After is null ? "true" : $"(p.sort_key, p.product_id) {compare} (@afterKey, @afterId)";
        if (UsesNearestPath(request))
        {
            // The inner query is ordered by the KNN operator alone (the only order a GiST index yields) and kept apart
            // (OFFSET 0), so the ORDER BY (distance, id) above it becomes an incremental sort over its output; the scan
            // stops once the page and the last equal-distance group are read. The stores are joined to the page only,
            // one primary-key lookup each (kept apart as well: joined below the limit, the planner once compared every
            // KNN row with every store, 43 ms at 100 km).
            return $"""
                SELECT q.product_id, q.store_id, q.title, q.min_price, q.max_price, q.currency, q.category_id, q.published_at,
                       ST_Distance(q.location, {Origin}) AS distance, q.sort_key, q.created_at, q.slug,
                       st.name, st.slug, ST_Y(st.location::geometry), ST_X(st.location::geometry), st.service_radius_km
                FROM (
                    SELECT p.* FROM (
                        SELECT sp.product_id, sp.store_id, sp.title, sp.min_price, sp.max_price, sp.currency, sp.category_id,
                               sp.published_at, sp.created_at, sp.location, sp.slug, sp.location <-> {Origin} AS sort_key
                        FROM catalog.search_products sp
                        WHERE sp.searchable AND ST_DWithin(sp.location, {Origin}, @radius)
                        ORDER BY sp.location <-> {Origin}
                        OFFSET 0) p
                    WHERE {keyset}
                    ORDER BY p.sort_key {order}, p.product_id {order}
                    LIMIT @limit) q
                LEFT JOIN LATERAL (SELECT s.* FROM catalog.stores s WHERE s.id = q.store_id OFFSET 0) st ON true
                ORDER BY q.sort_key {order}, q.product_id {order}
                """;
        }

        return $"""
            WITH {Candidates(request, text, withKey: true)},
            {PageCte(request)}
            SELECT {PageColumns}
            {PageFrom}
            ORDER BY page.sort_key {order}, page.product_id {order}
            """;
    }

    /// <summary>
    /// Counts over every match (rows: kind, value, count): <c>total</c>; with facets also one row per <c>category</c>,
    /// <c>store</c>, <c>price</c> bucket and <c>stock</c> (true/false) — each product in exactly one value of each. A
    /// category row also carries the category (parent id, name, slug, position, path, created, updated: columns 3–9) and a
    /// store row the store's listing facts from Catalog's copy (name, slug, latitude, longitude, service radius: 10–14), so
    /// a results page names its facet values without asking for them again.
    /// </summary>
    public static string Counts(SearchRequest request, SearchText? text, bool facets) => $"""
        WITH {Candidates(request, text, withKey: false)},
        {CountsCte(facets, text is null)}
        SELECT {CountColumns}
        {CountsFrom}
        """;

    /// <summary>
    /// With text, totals or facets come with the page in one statement (<see cref="PageAndCounts"/>): the matches are the
    /// few products the words' probes found, kept once and read twice, instead of probing again for the counts.
    /// </summary>
    public static bool CountsWithPage(SearchRequest request) => request.Query is not null && request.Extras != SearchExtras.None;

    /// <summary>
    /// A text search's page and counts in one statement over one set of matches (the candidates, materialized because
    /// both read them): rows of part 0 are the page in order (columns 2–18 as <see cref="Page"/>'s), rows of part 1
    /// the counts (columns 19–33 as <see cref="Counts"/>'s).
    /// </summary>
    public static string PageAndCounts(SearchRequest request, SearchText text, bool facets)
    {
        var (order, _) = Direction(request.Sort);
        return $"""
            WITH {Candidates(request, text, withKey: true)},
            {PageCte(request)},
            {CountsCte(facets, storedBucket: false)}
            SELECT 0 AS part, row_number() OVER (ORDER BY page.sort_key {order}, page.product_id {order}) AS ordinal,
                   {PageColumns},
                   {Nulls(15)}
            {PageFrom}
            UNION ALL
            SELECT 1, NULL, {Nulls(17)},
                   {CountColumns}
            {CountsFrom}
            ORDER BY 1, 2
            """;
    }

    /// <summary><c>page</c>: the ids and sort keys of the page (up to <c>First + 1</c>) among <c>cand</c>, after the cursor.</summary>
    private static string PageCte(SearchRequest request)
    {
        var (order, compare) = Direction(request.Sort);
        var keyset = request.After is null ? "true" : $"(p.sort_key, p.product_id) {compare} (@afterKey, @afterId)";
        return $"""
            page AS (
                SELECT p.product_id, p.sort_key FROM cand p
                WHERE {keyset}
                ORDER BY p.sort_key {order}, p.product_id {order}
                LIMIT @limit)
            """;
    }

    private const string PageColumns = $"""
        sp.product_id, sp.store_id, sp.title, sp.min_price, sp.max_price, sp.currency, sp.category_id, sp.published_at,
                   ST_Distance(sp.location, {Origin}) AS distance, page.sort_key, sp.created_at, sp.slug,
                   st.name, st.slug, ST_Y(st.location::geometry), ST_X(st.location::geometry), st.service_radius_km
        """;

    private const string PageFrom = """
        FROM page CROSS JOIN LATERAL (
                -- Kept a subquery (OFFSET 0): one primary-key lookup per row of the page, whatever the statistics say.
                SELECT * FROM catalog.search_products row WHERE row.product_id = page.product_id OFFSET 0) sp
            LEFT JOIN catalog.stores st ON st.id = sp.store_id
        """;

    /// <summary>
    /// <c>counts</c> over <c>cand</c>: kind, category id, store id, value, count. Without text the rows' stored price
    /// bucket (in the covering indexes); the few text matches compute theirs.
    /// </summary>
    private static string CountsCte(bool facets, bool storedBucket)
    {
        if (!facets)
            return "counts AS (SELECT 'total' AS kind, NULL::uuid AS category_id, NULL::uuid AS store_id, '' AS value, count(*) AS n FROM cand)";
        var bucket = storedBucket ? "cand.price_bucket" : "width_bucket(cand.min_price, @priceBuckets)";
        return $"""
            counts AS (
                SELECT CASE WHEN GROUPING(c.category_id) = 0 THEN 'category' WHEN GROUPING(c.store_id) = 0 THEN 'store'
                            WHEN GROUPING(c.bucket) = 0 THEN 'price' WHEN GROUPING(c.in_stock) = 0 THEN 'stock' ELSE 'total' END AS kind,
                       c.category_id, c.store_id, coalesce(c.category_id::text, c.store_id::text, c.bucket::text, c.in_stock::text, '') AS value,
                       count(*) AS n
                FROM (SELECT cand.*, {bucket} AS bucket FROM cand) c
                GROUP BY GROUPING SETS ((), (c.category_id), (c.store_id), (c.bucket), (c.in_stock)))
            """;
    }

    private const string CountColumns = """
        counts.kind, counts.value, counts.n,
                   cg.parent_id, cg.name, cg.slug, cg.position, cg.path, cg.created_at, cg.updated_at,
                   st.name, st.slug, ST_Y(st.location::geometry), ST_X(st.location::geometry), st.service_radius_km
        """;

    private const string CountsFrom = """
        FROM counts
            LEFT JOIN catalog.categories cg ON cg.id = counts.category_id
            -- A store is one primary-key lookup (kept a subquery, OFFSET 0: a hash join would scan every store).
            LEFT JOIN LATERAL (
                SELECT s.name, s.slug, s.location, s.service_radius_km FROM catalog.stores s WHERE s.id = counts.store_id OFFSET 0) st ON true
        """;

    private static string Nulls(int count) => string.Join(", ", Enumerable.Repeat("NULL", count));

    /// <summary>The parameters every statement of the search may use.</summary>
    public static void Bind(NpgsqlParameterCollection parameters, SearchRequest request, SearchText? text)
    {
        parameters.AddWithValue("lon", request.Longitude);
        parameters.AddWithValue("lat", request.Latitude);
        parameters.AddWithValue("radius", request.RadiusKm * 1000);
        parameters.AddWithValue("limit", request.First + 1);
        if (text is not null)
        {
            if (text.Forgiving)
            {
                parameters.Add(new NpgsqlParameter("words", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = text.Words.ToArray() });
                parameters.AddWithValue("wordCount", (long)text.Words.Count);
            }
            else
            {
                parameters.AddWithValue("query", text.Query);
                parameters.Add(new NpgsqlParameter("cells", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = SearchCells.Covering(request.Latitude, request.Longitude, request.RadiusKm) });
                parameters.AddWithValue("storeTokensUpTo", (long)request.StoreTokensUpTo);
            }
        }

        if (request.CategoryId is { } categoryId)
            parameters.AddWithValue("categoryId", categoryId);

        if (request.PriceMin is { } min)
            parameters.AddWithValue("priceMin", min);
        if (request.PriceMax is { } max)
            parameters.AddWithValue("priceMax", max);
        if (request.After is { } after)
        {
            parameters.Add(new NpgsqlParameter("afterKey", KeyType(after.Sort)) { Value = KeyParameter(after) });
            parameters.AddWithValue("afterId", after.ProductId);
        }

        parameters.Add(new NpgsqlParameter("priceBuckets", NpgsqlDbType.Array | NpgsqlDbType.Numeric) { Value = PriceBucketBounds });
    }

    /// <summary>
    /// <c>near</c> (the ACTIVE stores in the radius with their sphere distance), <c>tq</c> (the text's queries) and
    /// <c>cand</c> (every match: product, store, category, lowest price, stock and, with <paramref name="withKey"/>, the sort key).
    /// </summary>
    private static string Candidates(SearchRequest request, SearchText? text, bool withKey)
    {
        var configuration = $"'{request.TextConfiguration}'::regconfig";
        var filters = new List<string>();
        // The category subtree: in the words' table by the live taxonomy's ids (the few matches are filtered); on the
        // projection by the rows' category path as one range of ix_search_products_by_category (the subtree's rows only,
        // not every row of every store), which follows a category move through the projection's rebuild of the subtree.
        // category_key is the row's path and a slash, compared in the C collation: the subtree of P is [P/, P0).
        if (request.CategoryId is not null)
            filters.Add(text is { Forgiving: true }
                ? "sp.category_id = ANY(ARRAY(SELECT c.id FROM catalog.categories c, cat WHERE c.path = cat.path OR left(c.path, length(cat.path) + 1) = cat.path || '/'))"
                : "sp.category_key >= (SELECT cat.path || '/' FROM cat) COLLATE \"C\" AND sp.category_key < (SELECT cat.path || '0' FROM cat) COLLATE \"C\"");
        if (request.InStockOnly)
            filters.Add("sp.in_stock");
        if (request.PriceMin is not null)
            filters.Add("sp.min_price >= @priceMin");
        if (request.PriceMax is not null)
            filters.Add("sp.min_price <= @priceMax");
        var filter = string.Concat(filters.Select(f => "\n          AND " + f));
        // The chosen category's path, read in the statement itself (no round trip of its own).
        var category = request.CategoryId is null ? "" : "cat AS MATERIALIZED (SELECT c.path FROM catalog.categories c WHERE c.id = @categoryId),\n";
        var near = $"""
            {category}near AS MATERIALIZED (
                SELECT s.id, s.location <-> {Origin} AS distance
                FROM catalog.stores s
                WHERE s.status = 'ACTIVE' AND ST_DWithin(s.location, {Origin}, @radius))
            """;
        if (text is null)
        {
            // One index-only scan per store in the radius. A page by price or by publication time takes each store's
            // first rows in that order (after the cursor) from the index kept in it — the page is among them — instead
            // of every row of every store; a category filter reads the subtree's rows of each store (its own index);
            // totals, facets and DISTANCE read the store's (filtered) rows whole.
            var key = !withKey ? "" : request.Sort switch
            {
                SearchSort.Distance => ", n.distance AS sort_key",
                SearchSort.Newest => ", m.published_at AS sort_key",
                _ => ", m.min_price AS sort_key",
            };
            var column = request.Sort == SearchSort.Newest ? "published_at" : "min_price";
            var (order, compare) = Direction(request.Sort);
            var perStore = withKey && request.CategoryId is null && request.Sort is SearchSort.PriceAsc or SearchSort.PriceDesc or SearchSort.Newest
                ? (request.After is null ? "" : $"\n                      AND (sp.{column}, sp.product_id) {compare} (@afterKey, @afterId)")
                  + $"\n                    ORDER BY sp.{column} {order}, sp.product_id {order}\n                    LIMIT @limit) m)"
                : "\n                    OFFSET 0) m)";
            // Counts read the stored price bucket (in the nearby and category indexes, not in the sorted ones).
            var bucket = withKey ? "" : ", m.price_bucket";
            var bucketColumn = withKey ? "" : ", sp.price_bucket";
            // A DISTANCE page visits the stores nearest first (from the cursor's distance on): a store's products share
            // its distance, so the page's incremental sort (enable_sort off) stops pulling stores once it is full.
            var stores = withKey && ReadsStoresNearestFirst(request)
                ? $"(SELECT * FROM near{(request.After is null ? "" : " WHERE near.distance >= @afterKey")} ORDER BY near.distance OFFSET 0) n"
                : "near n";
            return $"""
                {near},
                cand AS (
                    SELECT m.product_id, n.id AS store_id, m.category_id, m.min_price, m.in_stock{key}{bucket}
                    FROM {stores} CROSS JOIN LATERAL (
                        -- A subquery per store (OFFSET 0 or its own LIMIT): one index-only scan each, whatever the statistics say.
                        SELECT sp.product_id, sp.category_id, sp.min_price, sp.published_at, sp.in_stock{bucketColumn}
                        FROM catalog.search_products sp
                        WHERE sp.store_id = n.id AND sp.searchable{filter}{perStore}
                """;
        }

        if (text.Forgiving)
            return $"{near},\n{Terms(request, configuration, filter, withKey)}";

        // Web-search syntax (phrases, exclusions, or): matched exactly as written, on the rows' tsvectors (positions for
        // phrases), ranked by ts_rank_cd; 2 + rank as for plain words matched as typed.
        var textKey = !withKey ? "" : request.Sort switch
        {
            // The row's own location (the table row is read anyway): joining the stores here would let the planner
            // repeat the text scan once per store.
            SearchSort.Distance => $", sp.location <-> {Origin} AS sort_key",
            SearchSort.Newest => ", sp.published_at AS sort_key",
            SearchSort.PriceAsc or SearchSort.PriceDesc => ", sp.min_price AS sort_key",
            _ => ", 2::real + ts_rank_cd(sp.search_vector, (SELECT tq.query FROM tq), 32) AS sort_key",
        };
        // One GIN scan intersects the words with the stores in the radius (few stores) or with the grid cells covering it
        // (SearchCells); the table is read for that intersection only, and the exact radius checked there. The store test
        // is written on store_id::text so that it is never an index condition: alone, the stores' bitmap would read every
        // row in the radius from the table. An empty text query (only stop words) matches nothing, as before (ANDing it
        // would leave the cells alone); no store in the radius gives a null matcher, which matches nothing either.
        return $"""
            {near},
            tq AS MATERIALIZED (
                SELECT q.query,
                       CASE WHEN numnode(q.query) = 0 THEN q.query
                            WHEN (SELECT count(*) FROM near) <= @storeTokensUpTo
                            THEN q.query && (SELECT string_agg(quote_literal({SearchCells.StoreTokenTextSql("near.id")}), ' | ')::tsquery FROM near)
                            ELSE q.query && (SELECT string_agg(quote_literal(c), ' | ')::tsquery FROM unnest(@cells::text[]) AS c) END AS matcher
                FROM (SELECT websearch_to_tsquery({configuration}, @query) AS query) q),
            cand AS (
                SELECT sp.product_id, sp.store_id, sp.category_id, sp.min_price, sp.in_stock{textKey}
                FROM catalog.search_products sp
                WHERE sp.searchable AND sp.search_vector @@ (SELECT tq.matcher FROM tq)
                  AND sp.store_id::text = ANY(ARRAY(SELECT near.id::text FROM near)){filter})
            """;
    }

    /// <summary>
    /// A plain-word text (<see cref="SearchText.Forgiving"/>) through <c>catalog.search_terms</c>. <c>alts</c> are each
    /// word's alternatives as lexemes of the configuration, each with its word's bit: the word as typed (exact), and from
    /// the catalogue's title words (<c>catalog.search_words</c>, trigram index) up to three within one edit (two from 5
    /// letters on) and, for the last word, up to ten completions, shortest first; stop words drop out. The terms' primary
    /// key is probed once per (alternative, store in the radius), index-only, with the filters applied on the index
    /// tuples, and one aggregate per product keeps those whose matches cover every word's bit. Relevance: 2 + w / (w + 1)
    /// when every word with a typed form matched as typed (w: the typed words' weights in the product — title 1.0, category
    /// names 0.4, description 0.2 per occurrence), else w / (w + 1) over every alternative that matched — exact matches
    /// above forgiven ones.
    /// </summary>
    private static string Terms(SearchRequest request, string configuration, string filter, bool withKey)
    {
        var key = !withKey ? "" : request.Sort switch
        {
            SearchSort.Distance => ", n.distance AS sort_key",
            SearchSort.Newest => ", t.published_at AS sort_key",
            SearchSort.PriceAsc or SearchSort.PriceDesc => ", t.min_price AS sort_key",
            _ => """
                , (CASE WHEN (SELECT m.exact_words FROM masks m) <> 0
                             AND coalesce(bit_or(a.bit) FILTER (WHERE a.exact), 0) = (SELECT m.exact_words FROM masks m)
                        THEN 2 + coalesce(sum(t.weight) FILTER (WHERE a.exact), 0) / (coalesce(sum(t.weight) FILTER (WHERE a.exact), 0) + 1)
                        ELSE sum(t.weight) / (sum(t.weight) + 1) END)::real AS sort_key
                """,
        };
        return $"""
            alts AS MATERIALIZED (
                SELECT a.lexeme, a.n, (1 << (a.n::int - 1)) AS bit, bool_or(a.exact) AS exact
                FROM unnest(@words::text[]) WITH ORDINALITY AS w(word, n)
                CROSS JOIN LATERAL (
                    SELECT w.word, true AS exact
                    UNION ALL
                    (SELECT sw.word, false FROM catalog.search_words sw
                     WHERE w.n = @wordCount AND length(w.word) >= {SearchText.MinPrefixLength} AND sw.word LIKE w.word || '%' AND sw.word <> w.word
                     ORDER BY length(sw.word), sw.word
                     LIMIT {SearchText.MaxCompletions})
                    UNION ALL
                    (SELECT sw.word, false FROM catalog.search_words sw
                     WHERE length(w.word) >= {SearchText.MinCorrectedLength} AND sw.word % w.word AND sw.word <> w.word
                       AND levenshtein(sw.word, w.word) <= CASE WHEN length(w.word) >= 5 THEN 2 ELSE 1 END
                     ORDER BY levenshtein(sw.word, w.word), similarity(sw.word, w.word) DESC, sw.word
                     LIMIT 3)) x
                CROSS JOIN LATERAL (SELECT w.n, l.lexeme, x.exact FROM unnest(to_tsvector({configuration}, x.word)) AS l) a
                GROUP BY a.n, a.lexeme),
            masks AS MATERIALIZED (
                SELECT coalesce(bit_or(alts.bit), 0) AS all_words, coalesce(bit_or(alts.bit) FILTER (WHERE alts.exact), 0) AS exact_words
                FROM alts),
            cand AS (
                SELECT t.product_id, n.id AS store_id, t.category_id, t.min_price, t.in_stock{key}
                FROM near n CROSS JOIN LATERAL (
                    -- Kept a subquery (OFFSET 0): one index-only probe per store and alternative, whatever the statistics say.
                    SELECT sp.lexeme, sp.product_id, sp.weight, sp.category_id, sp.min_price, sp.published_at, sp.in_stock
                    FROM catalog.search_terms sp
                    WHERE sp.store_id = n.id AND sp.lexeme = ANY(ARRAY(SELECT alts.lexeme FROM alts)){filter}
                    OFFSET 0) t
                JOIN alts a ON a.lexeme = t.lexeme
                GROUP BY t.product_id, n.id, n.distance, t.category_id, t.min_price, t.published_at, t.in_stock
                HAVING bit_or(a.bit) = (SELECT m.all_words FROM masks m))
            """;
    }

    public static (string Order, string Compare) Direction(SearchSort sort) => sort switch
    {
        SearchSort.Distance or SearchSort.PriceAsc => ("ASC", ">"),
        _ => ("DESC", "<"),
    };

    private static NpgsqlDbType KeyType(SearchSort sort) => sort switch
    {
        SearchSort.Distance => NpgsqlDbType.Double,
        SearchSort.PriceAsc or SearchSort.PriceDesc => NpgsqlDbType.Numeric,
        SearchSort.Newest => NpgsqlDbType.TimestampTz,
        _ => NpgsqlDbType.Real,
    };

    private static object KeyParameter(SearchKey key) => key.Sort switch
    {
        SearchSort.Distance => double.Parse(key.Value, CultureInfo.InvariantCulture),
        SearchSort.PriceAsc or SearchSort.PriceDesc => decimal.Parse(key.Value, CultureInfo.InvariantCulture),
        SearchSort.Newest => DateTimeOffset.UnixEpoch.AddTicks(long.Parse(key.Value, CultureInfo.InvariantCulture) * 10),
        _ => float.Parse(key.Value, CultureInfo.InvariantCulture),
    };
}
