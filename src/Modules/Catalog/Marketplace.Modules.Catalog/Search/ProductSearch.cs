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
/// A validated nearby search (<c>ProductsNear</c>'s handler builds it). <see cref="CategoryId"/> is the chosen category (its
/// subtree matches; the statements read its path themselves, in the same round trip, and say when it does not exist); <see cref="First"/> is the page size; <see cref="Extras"/> what to count besides the page;
/// <see cref="TextConfiguration"/> the text search configuration (language) the projection was built with;
/// <see cref="StoreTokensUpTo"/> how many stores a radius may hold for a web-search-syntax text to name them in its index query
/// (<see cref="SearchCells"/>) rather than the grid cells around the point.
/// </summary>
internal sealed record SearchRequest(
    double Latitude,
    double Longitude,
    double RadiusKm,
    string? Query,
    Guid? CategoryId,
    decimal? PriceMin,
    decimal? PriceMax,
    SearchSort Sort,
    int First,
    SearchKey? After,
    bool InStockOnly = false,
    SearchExtras Extras = SearchExtras.None,
    string TextConfiguration = SearchText.DefaultConfiguration,
    int StoreTokensUpTo = SearchCells.DefaultStoreTokensUpTo);

/// <summary>What a search computes besides its page (only when asked: each reads every match within the radius).</summary>
[Flags]
internal enum SearchExtras
{
    None = 0,
    TotalCount = 1,
    Facets = 2,
}

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
    SearchKey Key,
    string Slug,
    StoreFacts? Store);

/// <summary>A hit's store as Catalog's copy knows it (listing facts only).</summary>
internal sealed record StoreFacts(string Name, string Slug, double Latitude, double Longitude, double ServiceRadiusKm);

/// <summary>
/// Counts over every match of a search: each product is in exactly one value of each facet. A category value carries the
/// category and a store value the store's listing facts, as the search read them (null: deleted a moment ago).
/// </summary>
internal sealed record SearchFacets(
    IReadOnlyList<(Guid CategoryId, long Count, Domain.Category? Category)> Categories,
    IReadOnlyList<(Guid StoreId, long Count, StoreFacts? Store)> Stores,
    IReadOnlyList<(int Bucket, long Count)> PriceBuckets,
    long InStock,
    long OutOfStock);

/// <summary>A search's answer: up to <c>First + 1</c> hits (the extra one only says a next page exists) and what was asked besides.</summary>
internal sealed record SearchResult(List<SearchHit> Hits, long? TotalCount, SearchFacets? Facets, bool UnknownCategory = false);

/// <summary>
/// <c>productsNear</c> on the projection: searchable rows (ACTIVE product, ACTIVE store, priced) within the radius
/// (<c>ST_DWithin</c> on geography, WGS 84 spheroid), optionally matching a text (forgiving: <see cref="SearchText"/>), a
/// category subtree, a price range and stock (<c>in_stock</c>, kept from Inventory's events); ordered by the chosen key and
/// the product id, and paged by keyset (the cursor holds the last row's key value and id, so equal keys page without
/// gaps or duplicates). DISTANCE orders by <c>location &lt;-&gt; point</c> (great-circle distance on the mean-radius
/// sphere); <c>distanceMeters</c> is <c>ST_Distance</c> on the spheroid. The statements are <see cref="SearchSql"/>'s.
/// Reads go to <c>ConnectionStrings:CatalogSearch</c> (a read replica) when it is set, else to the module's database.
/// </summary>
internal sealed class ProductSearch(CatalogDbContext db, SearchReadSource readSource, SearchOptions options)
{
    public const double MaxRadiusKm = 100;
    public const int MaxPageSize = 100;
    public const int DefaultPageSize = 20;
    public const int MaxQueryLength = 200;
    public const decimal MaxPrice = 1_000_000_000m;

    public async Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        request = request with { TextConfiguration = options.TextConfiguration, StoreTokensUpTo = options.StoreTokensUpTo };
        if (readSource.DataSource is { } replica)
        {
            await using var replicaConnection = await replica.OpenConnectionAsync(cancellationToken);
            return await RunAsync(replicaConnection, request, cancellationToken);
        }

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
            await connection.OpenAsync(cancellationToken);
        try
        {
            return await RunAsync(connection, request, cancellationToken);
        }
        finally
        {
            if (opened)
                await connection.CloseAsync();
        }
    }

    private static async Task<SearchResult> RunAsync(NpgsqlConnection connection, SearchRequest request, CancellationToken cancellationToken)
    {
        await using var batch = BuildBatch(request);
        batch.Connection = connection;
        return await ReadAsync(batch, request, cancellationToken);
    }

    /// <summary>
    /// The statements in a short read-only transaction that pins the planner settings they rely on (public to the
    /// benchmark, which runs exactly this batch as its raw baseline). One round trip.
    /// <list type="bullet">
    /// <item><c>jit = off</c>, no parallel workers: a search returns one page; compiling or forking costs more than it saves.</item>
    /// <item>The nearest path: <c>enable_sort = off</c>, so the inner query takes the GiST index's KNN order (PostGIS' row
    /// estimates for geography are far too low to make the planner prefer it on its own); likewise DISTANCE with a filter,
    /// so the page's incremental sort over the stores' distance stops reading stores once it is full.</item>
    /// <item>With totals or facets, REPEATABLE READ: the page and the counts see one snapshot.</item>
    /// <item>A forgiving text: the trigram similarity a dictionary word needs to be a correction candidate.</item>
    /// </list>
    /// </summary>
    public static NpgsqlBatch BuildBatch(SearchRequest request, bool explain = false)
    {
        var text = request.Query is null ? null : SearchText.Parse(request.Query);
        var batch = new NpgsqlBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand(request.Extras == SearchExtras.None ? "BEGIN READ ONLY" : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"));
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SET LOCAL jit = off"));
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SET LOCAL max_parallel_workers_per_gather = 0"));
        if (SearchSql.UsesNearestPath(request) || SearchSql.ReadsStoresNearestFirst(request))
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SET LOCAL enable_sort = off"));
        if (text is { Forgiving: true })
            batch.BatchCommands.Add(new NpgsqlBatchCommand(FormattableString.Invariant($"SET LOCAL pg_trgm.similarity_threshold = {SearchText.CorrectionSimilarity}")));
        var prefix = explain ? "EXPLAIN (ANALYZE, BUFFERS) " : "";
        if (request.CategoryId is { } categoryId && !explain)
        {
            var known = new NpgsqlBatchCommand("SELECT EXISTS (SELECT 1 FROM catalog.categories WHERE id = @categoryId)");
            known.Parameters.AddWithValue("categoryId", categoryId);
            batch.BatchCommands.Add(known);
        }

        var facets = request.Extras.HasFlag(SearchExtras.Facets);
        if (text is not null && SearchSql.CountsWithPage(request))
        {
            var both = new NpgsqlBatchCommand(prefix + SearchSql.PageAndCounts(request, text, facets));
            SearchSql.Bind(both.Parameters, request, text);
            batch.BatchCommands.Add(both);
            batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
            return batch;
        }

        var page = new NpgsqlBatchCommand(prefix + SearchSql.Page(request, text));
        SearchSql.Bind(page.Parameters, request, text);
        batch.BatchCommands.Add(page);
        if (request.Extras != SearchExtras.None)
        {
            var counts = new NpgsqlBatchCommand(prefix + SearchSql.Counts(request, text, facets));
            SearchSql.Bind(counts.Parameters, request, text);
            batch.BatchCommands.Add(counts);
        }

        batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
        return batch;
    }

    public static async Task<SearchResult> ReadAsync(NpgsqlBatch batch, SearchRequest request, CancellationToken cancellationToken)
    {
        var sort = request.Sort;
        var hits = new List<SearchHit>();
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        if (request.CategoryId is not null)
        {
            await reader.ReadAsync(cancellationToken);
            if (!reader.GetBoolean(0))
                return new SearchResult(hits, null, null, UnknownCategory: true);
            await reader.NextResultAsync(cancellationToken);
        }

        var counts = new Counts();
        if (SearchSql.CountsWithPage(request))
        {
            // One result set: the page's rows (part 0, in order), then the counts (part 1).
            while (await reader.ReadAsync(cancellationToken))
            {
                if (reader.GetInt32(0) == 0)
                    hits.Add(Hit(reader, 2, sort));
                else
                    counts.Add(reader, 19);
            }

            return new SearchResult(hits, counts.Total, counts.Facets(request));
        }

        while (await reader.ReadAsync(cancellationToken))
            hits.Add(Hit(reader, 0, sort));
        if (request.Extras == SearchExtras.None || !await reader.NextResultAsync(cancellationToken))
            return new SearchResult(hits, null, null);
        while (await reader.ReadAsync(cancellationToken))
            counts.Add(reader, 0);
        return new SearchResult(hits, counts.Total, counts.Facets(request));
    }

    /// <summary>A page row (columns <paramref name="o"/> to o + 16 of <see cref="SearchSql.Page"/>'s layout).</summary>
    private static SearchHit Hit(NpgsqlDataReader reader, int o, SearchSort sort)
    {
        var id = reader.GetGuid(o);
        var publishedAt = reader.GetFieldValue<DateTimeOffset>(o + 7);
        var keyValue = sort switch
        {
            SearchSort.Distance => reader.GetDouble(o + 9).ToString("R", CultureInfo.InvariantCulture),
            SearchSort.PriceAsc or SearchSort.PriceDesc => reader.GetDecimal(o + 9).ToString(CultureInfo.InvariantCulture),
            // Microseconds since the epoch: exactly PostgreSQL's timestamptz resolution.
            SearchSort.Newest => ((publishedAt.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10).ToString(CultureInfo.InvariantCulture),
            _ => reader.GetFloat(o + 9).ToString("R", CultureInfo.InvariantCulture),
        };
        return new SearchHit(
            id,
            reader.GetGuid(o + 1),
            reader.GetString(o + 2),
            reader.GetDecimal(o + 3),
            reader.GetDecimal(o + 4),
            reader.IsDBNull(o + 5) ? "" : reader.GetString(o + 5).Trim(),
            reader.GetGuid(o + 6),
            publishedAt,
            reader.GetFieldValue<DateTimeOffset>(o + 10),
            reader.GetDouble(o + 8),
            new SearchKey(sort, keyValue, id),
            reader.GetString(o + 11),
            reader.IsDBNull(o + 12) ? null : new StoreFacts(reader.GetString(o + 12), reader.GetString(o + 13), reader.GetDouble(o + 14), reader.GetDouble(o + 15), reader.GetDouble(o + 16)));
    }

    /// <summary>The count rows of a search as they are read (<see cref="SearchSql.Counts"/>'s layout from a column on).</summary>
    private sealed class Counts
    {
        private readonly List<(Guid, long, Domain.Category?)> _categories = [];
        private readonly List<(Guid, long, StoreFacts?)> _stores = [];
        private readonly List<(int, long)> _prices = [];
        private long _inStock, _outOfStock;

        public long Total { get; private set; }

        public void Add(NpgsqlDataReader reader, int o)
        {
            var value = reader.GetString(o + 1);
            var count = reader.GetInt64(o + 2);
            switch (reader.GetString(o))
            {
                case "total": Total = count; break;
                case "category": _categories.Add((Guid.Parse(value), count, FacetCategory(reader, o, value))); break;
                case "store": _stores.Add((Guid.Parse(value), count, FacetStore(reader, o))); break;
                case "price": _prices.Add((int.Parse(value, CultureInfo.InvariantCulture), count)); break;
                case "stock" when value == "true": _inStock = count; break;
                case "stock": _outOfStock = count; break;
            }
        }

        public SearchFacets? Facets(SearchRequest request) => request.Extras.HasFlag(SearchExtras.Facets)
            ? new SearchFacets(
                [.. _categories.OrderByDescending(c => c.Item2).ThenBy(c => c.Item1)],
                [.. _stores.OrderByDescending(s => s.Item2).ThenBy(s => s.Item1)],
                [.. _prices.OrderBy(p => p.Item1)],
                _inStock,
                _outOfStock)
            : null;
    }

    /// <summary>A category value's category (columns 3–9 of <see cref="SearchSql.Counts"/>'s layout).</summary>
    private static Domain.Category? FacetCategory(NpgsqlDataReader reader, int o, string id) => reader.IsDBNull(o + 4) ? null : new Domain.Category
    {
        Id = Guid.Parse(id),
        ParentId = reader.IsDBNull(o + 3) ? null : reader.GetGuid(o + 3),
        Name = reader.GetString(o + 4),
        Slug = reader.GetString(o + 5),
        Position = reader.GetInt32(o + 6),
        Path = reader.GetString(o + 7),
        CreatedAt = reader.GetFieldValue<DateTimeOffset>(o + 8),
        UpdatedAt = reader.GetFieldValue<DateTimeOffset>(o + 9),
    };

    /// <summary>A store value's listing facts (columns 10–14 of <see cref="SearchSql.Counts"/>'s layout).</summary>
    private static StoreFacts? FacetStore(NpgsqlDataReader reader, int o) => reader.IsDBNull(o + 10) ? null
        : new StoreFacts(reader.GetString(o + 10), reader.GetString(o + 11), reader.GetDouble(o + 12), reader.GetDouble(o + 13), reader.GetDouble(o + 14));
}

/// <summary>The read replica for search queries (<c>ConnectionStrings:CatalogSearch</c>); null: the module's own database.</summary>
internal sealed class SearchReadSource(NpgsqlDataSource? dataSource) : IAsyncDisposable
{
    public NpgsqlDataSource? DataSource { get; } = dataSource;

    public ValueTask DisposeAsync() => DataSource?.DisposeAsync() ?? ValueTask.CompletedTask;
}
