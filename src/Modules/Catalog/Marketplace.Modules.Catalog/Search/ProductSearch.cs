using System.Data;
using System.Globalization;
using Marketplace.Modules.Catalog.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Marketplace.Modules.Catalog.Search;

internal enum SearchSort
{
    Distance,
    PriceAsc,
    PriceDesc,
    Newest,
    Relevance,
}

/// <summary>
/// A validated nearby search (<c>ProductsNear</c>'s handler builds it). <see cref="CategoryPath"/> is the chosen category's
/// path (its subtree matches); <see cref="First"/> is the page size.
/// </summary>
internal sealed record SearchRequest(
    double Latitude,
    double Longitude,
    double RadiusKm,
    string? Query,
    string? CategoryPath,
    decimal? PriceMin,
    decimal? PriceMax,
    SearchSort Sort,
    int First,
    SearchKey? After,
    bool InStockOnly = false);

/// <summary>A keyset position: the sort key's value of the last row seen, and its product id (the tiebreaker).</summary>
internal sealed record SearchKey(SearchSort Sort, string Value, Guid ProductId)
{
    private const char Separator = '|';

    public override string ToString() => $"{Code(Sort)}{Separator}{Value}{Separator}{ProductId:N}";

    public static bool TryParse(string text, out SearchKey? key)
    {
        key = null;
        var parts = text.Split(Separator);
        if (parts.Length != 3 || !Guid.TryParseExact(parts[2], "N", out var id))
            return false;
        SearchSort? sort = parts[0] switch
        {
            "d" => SearchSort.Distance,
            "pa" => SearchSort.PriceAsc,
            "pd" => SearchSort.PriceDesc,
            "n" => SearchSort.Newest,
            "r" => SearchSort.Relevance,
            _ => null,
        };
        if (sort is null || !ValueIsValid(sort.Value, parts[1]))
            return false;
        key = new SearchKey(sort.Value, parts[1], id);
        return true;
    }

    private static string Code(SearchSort sort) => sort switch
    {
        SearchSort.Distance => "d",
        SearchSort.PriceAsc => "pa",
        SearchSort.PriceDesc => "pd",
        SearchSort.Newest => "n",
        _ => "r",
    };

    private static bool ValueIsValid(SearchSort sort, string value) => sort switch
    {
        SearchSort.Distance => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) && d >= 0,
        SearchSort.PriceAsc or SearchSort.PriceDesc => decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _),
        SearchSort.Newest => long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _),
        _ => float.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var r) && float.IsFinite(r),
    };
}

/// <summary>A row of a search page.</summary>
internal sealed record SearchHit(
    Guid ProductId,
    Guid StoreId,
    string Title,
    decimal MinPrice,
    decimal MaxPrice,
    string Currency,
    Guid CategoryId,
    DateTimeOffset PublishedAt,
    DateTimeOffset CreatedAt,
    double DistanceMeters,
    SearchKey Key);

/// <summary>
/// <c>productsNear</c> on the projection: searchable rows (ACTIVE product, ACTIVE store, priced) within the radius
/// (<c>ST_DWithin</c> on geography, WGS 84 spheroid, GiST), optionally matching a full-text query (<c>websearch_to_tsquery</c>
/// on the GIN-indexed tsvector), a category subtree, a price range and stock (<c>in_stock</c>, kept from Inventory's
/// events, so "in stock near me" stays this one statement); ordered by the chosen key and the product id, and
/// paged by keyset (the cursor holds the last row's key value and id, so equal keys page without gaps or duplicates).
/// DISTANCE orders by the KNN operator <c>location &lt;-&gt; point</c> (great-circle distance on the mean-radius sphere,
/// the only distance the GiST index can order by); <c>distanceMeters</c> is <c>ST_Distance</c> on the spheroid.
/// </summary>
internal sealed class ProductSearch(CatalogDbContext db)
{
    public const double MaxRadiusKm = 100;
    public const int MaxPageSize = 100;
    public const int DefaultPageSize = 20;
    public const int MaxQueryLength = 200;
    public const decimal MaxPrice = 1_000_000_000m;

    private const string Origin = "ST_SetSRID(ST_MakePoint(@lon, @lat), 4326)::geography";
    private const string TextQuery = "websearch_to_tsquery('english', @query)";

    /// <summary>The page (up to <c>First + 1</c> hits: the extra one only says a next page exists).</summary>
    public async Task<List<SearchHit>> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
            await connection.OpenAsync(cancellationToken);
        try
        {
            await using var batch = BuildBatch(request);
            batch.Connection = connection;
            return await ReadAsync(batch, request.Sort, cancellationToken);
        }
        finally
        {
            if (opened)
                await connection.CloseAsync();
        }
    }

    /// <summary>
    /// The statement in a short read-only transaction that pins the planner settings it relies on (public to the
    /// benchmark, which runs exactly this batch as its raw baseline). One round trip.
    /// <list type="bullet">
    /// <item><c>jit = off</c>, no parallel workers: a search returns one page; compiling or forking costs more than it saves.</item>
    /// <item>DISTANCE: <c>enable_sort = off</c>, so the inner query takes the GiST index's KNN order (PostGIS' row
    /// estimates for geography are far too low to make the planner prefer it on its own) and the outer query adds the
    /// product id with an incremental sort of each equal-distance group.</item>
    /// </list>
    /// </summary>
    public static NpgsqlBatch BuildBatch(SearchRequest request, bool explain = false)
    {
        var query = BuildCommand(request);
        var batch = new NpgsqlBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN READ ONLY"));
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SET LOCAL jit = off"));
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SET LOCAL max_parallel_workers_per_gather = 0"));
        if (request.Sort == SearchSort.Distance)
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SET LOCAL enable_sort = off"));
        var statement = new NpgsqlBatchCommand((explain ? "EXPLAIN (ANALYZE, BUFFERS) " : "") + query.CommandText);
        foreach (NpgsqlParameter parameter in query.Parameters)
            statement.Parameters.Add(parameter.Clone());
        batch.BatchCommands.Add(statement);
        batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
        return batch;
    }

    /// <summary>The search statement alone, with its parameters.</summary>
    public static NpgsqlCommand BuildCommand(SearchRequest request)
    {
        var (keyExpression, order, compare, keyType) = request.Sort switch
        {
            SearchSort.Distance => ($"sp.location <-> {Origin}", "ASC", ">", NpgsqlDbType.Double),
            SearchSort.PriceAsc => ("sp.min_price", "ASC", ">", NpgsqlDbType.Numeric),
            SearchSort.PriceDesc => ("sp.min_price", "DESC", "<", NpgsqlDbType.Numeric),
            SearchSort.Newest => ("sp.published_at", "DESC", "<", NpgsqlDbType.TimestampTz),
            _ => ($"ts_rank_cd(sp.search_vector, {TextQuery})", "DESC", "<", NpgsqlDbType.Real),
        };

        var where = new List<string>
        {
            // Literally the partial indexes' predicate, so the planner may use them.
            "sp.searchable",
            $"ST_DWithin(sp.location, {Origin}, @radius)",
        };
        var command = new NpgsqlCommand();
        command.Parameters.AddWithValue("lon", request.Longitude);
        command.Parameters.AddWithValue("lat", request.Latitude);
        command.Parameters.AddWithValue("radius", request.RadiusKm * 1000);
        if (request.Query is not null)
        {
            where.Add($"sp.search_vector @@ {TextQuery}");
            command.Parameters.AddWithValue("query", request.Query);
        }

        if (request.CategoryPath is not null)
        {
            where.Add("sp.category_id IN (SELECT c.id FROM catalog.categories c WHERE c.path = @categoryPath OR c.path LIKE @categoryPrefix)");
            command.Parameters.AddWithValue("categoryPath", request.CategoryPath);
            command.Parameters.AddWithValue("categoryPrefix", EscapeLike(request.CategoryPath) + "/%");
        }

        if (request.InStockOnly)
            where.Add("sp.in_stock");

        if (request.PriceMin is { } min)
        {
            where.Add("sp.min_price >= @priceMin");
            command.Parameters.AddWithValue("priceMin", min);
        }

        if (request.PriceMax is { } max)
        {
            where.Add("sp.min_price <= @priceMax");
            command.Parameters.AddWithValue("priceMax", max);
        }

        var keyset = "true";
        if (request.After is { } after)
        {
            keyset = $"(n.sort_key, n.product_id) {compare} (@afterKey, @afterId)";
            command.Parameters.Add(new NpgsqlParameter("afterKey", keyType) { Value = KeyParameter(after) });
            command.Parameters.AddWithValue("afterId", after.ProductId);
        }

        command.Parameters.AddWithValue("limit", request.First + 1);
        // DISTANCE: the inner query is ordered by the KNN operator alone (the only order a GiST index yields) and kept
        // apart (OFFSET 0), so the outer ORDER BY (distance, id) becomes an incremental sort over its output; the scan
        // stops once the page and the last equal-distance group are read. The other orders sort the rows in the radius.
        var innerOrder = request.Sort == SearchSort.Distance ? $"ORDER BY {keyExpression}" : "";
        command.CommandText = $"""
            SELECT n.product_id, n.store_id, n.title, n.min_price, n.max_price, n.currency, n.category_id, n.published_at,
                   ST_Distance(n.location, {Origin}) AS distance, n.sort_key, n.created_at
            FROM (
                SELECT sp.product_id, sp.store_id, sp.title, sp.min_price, sp.max_price, sp.currency, sp.category_id,
                       sp.published_at, sp.created_at, sp.location, {keyExpression} AS sort_key
                FROM catalog.search_products sp
                WHERE {string.Join("\n      AND ", where)}
                {innerOrder}
                OFFSET 0) n
            WHERE {keyset}
            ORDER BY n.sort_key {order}, n.product_id {order}
            LIMIT @limit
            """;
        return command;
    }

    public static async Task<List<SearchHit>> ReadAsync(NpgsqlBatch batch, SearchSort sort, CancellationToken cancellationToken)
    {
        var hits = new List<SearchHit>();
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetGuid(0);
            var publishedAt = reader.GetFieldValue<DateTimeOffset>(7);
            var keyValue = sort switch
            {
                SearchSort.Distance => reader.GetDouble(9).ToString("R", CultureInfo.InvariantCulture),
                SearchSort.PriceAsc or SearchSort.PriceDesc => reader.GetDecimal(9).ToString(CultureInfo.InvariantCulture),
                // Microseconds since the epoch: exactly PostgreSQL's timestamptz resolution.
                SearchSort.Newest => ((publishedAt.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10).ToString(CultureInfo.InvariantCulture),
                _ => reader.GetFloat(9).ToString("R", CultureInfo.InvariantCulture),
            };
            hits.Add(new SearchHit(
                id,
                reader.GetGuid(1),
                reader.GetString(2),
                reader.GetDecimal(3),
                reader.GetDecimal(4),
                reader.IsDBNull(5) ? "" : reader.GetString(5).Trim(),
                reader.GetGuid(6),
                publishedAt,
                reader.GetFieldValue<DateTimeOffset>(10),
                reader.GetDouble(8),
                new SearchKey(sort, keyValue, id)));
        }

        return hits;
    }

    private static object KeyParameter(SearchKey key) => key.Sort switch
    {
        SearchSort.Distance => double.Parse(key.Value, CultureInfo.InvariantCulture),
        SearchSort.PriceAsc or SearchSort.PriceDesc => decimal.Parse(key.Value, CultureInfo.InvariantCulture),
        SearchSort.Newest => DateTimeOffset.UnixEpoch.AddTicks(long.Parse(key.Value, CultureInfo.InvariantCulture) * 10),
        _ => float.Parse(key.Value, CultureInfo.InvariantCulture),
    };

    private static string EscapeLike(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
