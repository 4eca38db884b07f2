using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Marketplace.Modules.Catalog.Search;
using Marketplace.Testing;
using NetTopologySuite.Geometries;
using Npgsql;
using NpgsqlTypes;

// Nearby product search at scale. In a database of its own (created, and dropped at the end), it generates N products
// (default 1,000,000) across S stores (default 5,000) in 25 European cities with binary COPY into the catalog tables,
// Catalog's store copy and the Sellers module's stores (for hydrated pages), builds the search rows with the projection's own set-based rebuild SQL, then reports in one run:
//   - nearby search (DISTANCE, 5 km, 20 per page) p50/p95 and throughput through GraphQL (the real host over HTTP),
//   - the same SQL through raw Npgsql (the baseline) and the ratio,
//   - a mixed workload (text, category subtree, price range, the other sorts) both ways, for information,
//   - EXPLAIN (ANALYZE) of the statements, showing the GiST index doing the radius and the KNN ordering.
// Usage: dotnet run -c Release --project bench/Marketplace.Catalog.Bench [-- --products 1000000 --stores 5000
//   --seconds 10 --concurrency 8 --radius 5 --keep | --database <existing bench database>]
var productCount = Argument("--products", 1_000_000);
var storeCount = Argument("--stores", 5_000);
var seconds = Argument("--seconds", 10);
var concurrency = Argument("--concurrency", 8);
var radiusKm = Argument("--radius", 5);
var keep = args.Contains("--keep");
var existing = Option("--database");

// WebApplicationFactory finds the host's content root from test metadata; a console app names it explicitly.
var root = new DirectoryInfo(AppContext.BaseDirectory);
while (root is not null && !File.Exists(Path.Combine(root.FullName, "Marketplace.sln")))
    root = root.Parent;
Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_MARKETPLACE_HOST", Path.Combine(root?.FullName ?? ".", "src", "Host", "Marketplace.Host"));

var connectionString = existing is null ? await TestServices.CreateDatabaseAsync("catalog_bench") : TestServices.WithDatabase(TestServices.Postgres, existing);
var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
Console.WriteLine($"database {database}{(existing is null ? " (new)" : " (reused)")}; {Environment.ProcessorCount} cores");
var port = FreePort();
var factory = new MarketplaceFactory();
factory.With("ConnectionStrings:Marketplace", connectionString)
    .With("Server:HttpPort", port.ToString(CultureInfo.InvariantCulture))
    .With("Events:SubjectPrefix", $"bench{Guid.NewGuid():N}"[..13])
    .With("Jobs:Server", "false")
    .With("Gateway:RateLimitPerIp", "0")
    .With("Gateway:RateLimitPerUser", "0")
    .With("Logging:LogLevel:Default", "Warning");
factory.UseKestrel();
var dataSourceBuilder = new NpgsqlDataSourceBuilder(new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 64, ApplicationName = "catalog-bench" }.ConnectionString);
dataSourceBuilder.UseNetTopologySuite();
await using var dataSource = dataSourceBuilder.Build();
var cities = Cities();
var categoryGlobalIds = new Dictionary<string, string>(StringComparer.Ordinal);
try
{
    factory.StartServer(); // migrates the bench database
    if (existing is null)
        await LoadAsync();
    else
        Console.WriteLine($"reusing {await ScalarAsync<long>("SELECT count(*) FROM catalog.search_products")} search rows");

    using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
    {
        BaseAddress = new Uri($"http://127.0.0.1:{port}"),
    };

    // Category global ids for the GraphQL side, as clients get them.
    await using (var connection = await dataSource.OpenConnectionAsync())
    await using (var command = new NpgsqlCommand("SELECT path, id FROM catalog.categories", connection))
    await using (var reader = await command.ExecuteReaderAsync())
    {
        while (await reader.ReadAsync())
            categoryGlobalIds[reader.GetString(0)] = Marketplace.Gateway.Relay.GlobalId.Encode("Category", reader.GetGuid(1).ToString());
    }

    var nearby = Workload(seed: 7, mixed: false);
    var mixed = Workload(seed: 11, mixed: true);
    Console.WriteLine();
    Console.WriteLine($"Nearby search: DISTANCE order, {radiusKm} km, first 20, points around the cities; {concurrency} concurrent clients, {seconds}s per run (after a warm-up)");
    await RunAsync("warm-up", i => RawAsync(nearby[i % nearby.Length]), Math.Min(3, seconds));
    await RunAsync("warm-up", i => GraphQLAsync(http, nearby[i % nearby.Length]), Math.Min(3, seconds));
    var raw = await RunAsync("raw Npgsql (baseline)", i => RawAsync(nearby[i % nearby.Length]), seconds);
    var graphql = await RunAsync("GraphQL /graphql", i => GraphQLAsync(http, nearby[i % nearby.Length]), seconds);
    var hydrated = await RunAsync("GraphQL, hydrated nodes", i => GraphQLAsync(http, nearby[i % nearby.Length], hydrated: true), Math.Max(3, seconds / 2));
    Header();
    Print(raw);
    Print(graphql);
    Print(hydrated);
    var ratio = graphql.Throughput / raw.Throughput;
    Console.WriteLine($"GraphQL / raw throughput: {ratio:F2}x (goal >= 0.60x) {(ratio >= 0.6 ? "OK" : "BELOW GOAL")}");
    Console.WriteLine($"GraphQL p95: {graphql.P95:F1} ms (goal < 50 ms) {(graphql.P95 < 50 ? "OK" : "ABOVE GOAL")}");

    Console.WriteLine();
    Console.WriteLine("Mixed workload (text query, category subtree, price range; PRICE_ASC, PRICE_DESC, NEWEST, RELEVANCE, DISTANCE), for information");
    var mixedSeconds = Math.Max(3, seconds / 2);
    var mixedRaw = await RunAsync("raw Npgsql (baseline)", i => RawAsync(mixed[i % mixed.Length]), mixedSeconds);
    var mixedGraphQL = await RunAsync("GraphQL /graphql", i => GraphQLAsync(http, mixed[i % mixed.Length]), mixedSeconds);
    Header();
    Print(mixedRaw);
    Print(mixedGraphQL);
    Console.WriteLine($"GraphQL / raw throughput: {mixedGraphQL.Throughput / mixedRaw.Throughput:F2}x");

    Console.WriteLine();
    await ExplainAsync("DISTANCE (KNN)", nearby[0]);
    await ExplainAsync("PRICE_ASC with text query and category subtree", mixed.First(r => r.Sort == SearchSort.PriceAsc && r.Query is not null && r.CategoryPath is not null));
}
finally
{
    await factory.DisposeAsync();
    if (existing is null && !keep)
    {
        await TestServices.DropDatabaseAsync(connectionString);
        Console.WriteLine($"dropped {database}");
    }
    else
    {
        Console.WriteLine($"kept {database} (reuse with --database {database})");
    }
}

return 0;

// ---- data generation -------------------------------------------------------------------------------------------

async Task LoadAsync()
{
    var random = new Random(42);
    var clock = Stopwatch.StartNew();
    var now = DateTime.UtcNow;

    // Categories: 8 roots × 6 children × 4 leaves, slugs unique across the tree, paths of slugs.
    string[] roots = ["Home", "Kitchen", "Garden", "Fashion", "Sports", "Books", "Toys", "Food"];
    string[] middles = ["Classic", "Modern", "Outdoor", "Kids", "Premium", "Everyday"];
    string[] leaves = ["Essentials", "Accessories", "Sets", "Gifts"];
    var categories = new List<(Guid Id, Guid? Parent, string Name, string Slug, string Path, int Position)>();
    var leafIds = new List<Guid>();
    for (var r = 0; r < roots.Length; r++)
    {
        var rootId = Guid.CreateVersion7();
        var rootSlug = roots[r].ToLowerInvariant();
        categories.Add((rootId, null, roots[r], rootSlug, rootSlug, r));
        for (var m = 0; m < middles.Length; m++)
        {
            var midId = Guid.CreateVersion7();
            var midSlug = $"{rootSlug}-{middles[m].ToLowerInvariant()}";
            categories.Add((midId, rootId, $"{middles[m]} {roots[r]}", midSlug, $"{rootSlug}/{midSlug}", m));
            for (var l = 0; l < leaves.Length; l++)
            {
                var leafId = Guid.CreateVersion7();
                var leafSlug = $"{midSlug}-{leaves[l].ToLowerInvariant()}";
                categories.Add((leafId, midId, $"{middles[m]} {roots[r]} {leaves[l]}", leafSlug, $"{rootSlug}/{midSlug}/{leafSlug}", l));
                leafIds.Add(leafId);
            }
        }
    }

    await using (var connection = await dataSource.OpenConnectionAsync())
    await using (var writer = await connection.BeginBinaryImportAsync("COPY catalog.categories (id, parent_id, name, slug, position, path, created_at, updated_at) FROM STDIN (FORMAT BINARY)"))
    {
        foreach (var c in categories)
        {
            await writer.StartRowAsync();
            await writer.WriteAsync(c.Id, NpgsqlDbType.Uuid);
            if (c.Parent is { } parent)
                await writer.WriteAsync(parent, NpgsqlDbType.Uuid);
            else
                await writer.WriteNullAsync();
            await writer.WriteAsync(c.Name, NpgsqlDbType.Varchar);
            await writer.WriteAsync(c.Slug, NpgsqlDbType.Varchar);
            await writer.WriteAsync(c.Position, NpgsqlDbType.Integer);
            await writer.WriteAsync(c.Path, NpgsqlDbType.Text);
            await writer.WriteAsync(now, NpgsqlDbType.TimestampTz);
            await writer.WriteAsync(now, NpgsqlDbType.TimestampTz);
        }

        await writer.CompleteAsync();
    }

    // Stores around 25 cities (σ ≈ 6.7 km), 97 % ACTIVE: the Sellers module's rows (what GetStores answers when a page is
    // hydrated) and Catalog's copy of them (as store_created.v1 would leave it), with the same ids.
    var geography = NetTopologySuite.NtsGeometryServices.Instance.CreateGeometryFactory(4326);
    var stores = new (Guid Id, Guid Seller, string Name, Point Location, string Status)[storeCount];
    for (var i = 0; i < storeCount; i++)
    {
        var (city, lat, lon) = cities[i % cities.Length];
        var latitude = lat + Gaussian(random) * 0.06;
        var longitude = lon + Gaussian(random) * 0.06 / Math.Cos(lat * Math.PI / 180);
        var roll = random.Next(100);
        stores[i] = (Guid.CreateVersion7(), Guid.CreateVersion7(), $"Store {i} of {city}", geography.CreatePoint(new Coordinate(longitude, latitude)),
            roll < 97 ? "ACTIVE" : roll < 99 ? "CLOSED" : "SUSPENDED");
    }

    await using (var connection = await dataSource.OpenConnectionAsync())
    await using (var writer = await connection.BeginBinaryImportAsync(
        "COPY sellers.stores (id, seller_id, name, slug, description, contact_email, contact_phone, address, location, service_radius_km, status, created_at, updated_at) FROM STDIN (FORMAT BINARY)"))
    {
        for (var i = 0; i < storeCount; i++)
        {
            await writer.StartRowAsync();
            await writer.WriteAsync(stores[i].Id, NpgsqlDbType.Uuid);
            await writer.WriteAsync(stores[i].Seller, NpgsqlDbType.Uuid);
            await writer.WriteAsync(stores[i].Name, NpgsqlDbType.Varchar);
            await writer.WriteAsync($"store-{i}", NpgsqlDbType.Varchar);
            await writer.WriteAsync("A benchmark store.", NpgsqlDbType.Varchar);
            await writer.WriteAsync($"store-{i}@example.test", NpgsqlDbType.Varchar);
            await writer.WriteAsync("+44 20 7946 0000", NpgsqlDbType.Varchar);
            await writer.WriteAsync($"{i} High Street", NpgsqlDbType.Varchar);
            await writer.WriteAsync(stores[i].Location, NpgsqlDbType.Geography);
            await writer.WriteAsync(10.0, NpgsqlDbType.Double);
            await writer.WriteAsync(stores[i].Status, NpgsqlDbType.Varchar);
            await writer.WriteAsync(now, NpgsqlDbType.TimestampTz);
            await writer.WriteAsync(now, NpgsqlDbType.TimestampTz);
        }

        await writer.CompleteAsync();
    }

    await using (var connection = await dataSource.OpenConnectionAsync())
    await using (var writer = await connection.BeginBinaryImportAsync("COPY catalog.stores (id, seller_id, name, slug, location, service_radius_km, status, version, synced_at) FROM STDIN (FORMAT BINARY)"))
    {
        for (var i = 0; i < storeCount; i++)
        {
            await writer.StartRowAsync();
            await writer.WriteAsync(stores[i].Id, NpgsqlDbType.Uuid);
            await writer.WriteAsync(stores[i].Seller, NpgsqlDbType.Uuid);
            await writer.WriteAsync(stores[i].Name, NpgsqlDbType.Varchar);
            await writer.WriteAsync($"store-{i}", NpgsqlDbType.Varchar);
            await writer.WriteAsync(stores[i].Location, NpgsqlDbType.Geography);
            await writer.WriteAsync(10.0, NpgsqlDbType.Double);
            await writer.WriteAsync(stores[i].Status, NpgsqlDbType.Varchar);
            await writer.WriteAsync(1L, NpgsqlDbType.Bigint);
            await writer.WriteAsync(now, NpgsqlDbType.TimestampTz);
        }

        await writer.CompleteAsync();
    }

    Console.WriteLine($"  {categories.Count} categories, {storeCount} stores ({clock.Elapsed.TotalSeconds:F1}s)");

    // Products (95 % ACTIVE) and their variants (1 or 2 each), UUIDv7 ids in creation order.
    var productIds = new Guid[productCount];
    var productStores = new int[productCount];
    var prices = new decimal[productCount];
    await using (var connection = await dataSource.OpenConnectionAsync())
    await using (var writer = await connection.BeginBinaryImportAsync(
        "COPY catalog.products (id, store_id, seller_id, title, description, category_id, status, attributes, images, options, version, created_at, updated_at, published_at) FROM STDIN (FORMAT BINARY)"))
    {
        for (var i = 0; i < productCount; i++)
        {
            var store = i % storeCount;
            var created = now.AddMinutes(-random.Next(0, 525_600));
            var roll = random.Next(100);
            var status = roll < 95 ? "ACTIVE" : roll < 98 ? "DRAFT" : "ARCHIVED";
            productIds[i] = Guid.CreateVersion7();
            productStores[i] = store;
            prices[i] = Math.Round((decimal)(2 + random.NextDouble() * 298), 2);
            await writer.StartRowAsync();
            await writer.WriteAsync(productIds[i], NpgsqlDbType.Uuid);
            await writer.WriteAsync(stores[store].Id, NpgsqlDbType.Uuid);
            await writer.WriteAsync(stores[store].Seller, NpgsqlDbType.Uuid);
            await writer.WriteAsync($"{Pick(random, Words.Adjectives)} {Pick(random, Words.Materials)} {Pick(random, Words.Nouns)}", NpgsqlDbType.Varchar);
            await writer.WriteAsync($"A {Pick(random, Words.Adjectives).ToLowerInvariant()} {Pick(random, Words.Nouns).ToLowerInvariant()} made of {Pick(random, Words.Materials).ToLowerInvariant()}, great for {Pick(random, Words.Uses)}.", NpgsqlDbType.Varchar);
            await writer.WriteAsync(leafIds[random.Next(leafIds.Count)], NpgsqlDbType.Uuid);
            await writer.WriteAsync(status, NpgsqlDbType.Varchar);
            await writer.WriteAsync("{}", NpgsqlDbType.Jsonb);
            await writer.WriteAsync(Array.Empty<string>(), NpgsqlDbType.Array | NpgsqlDbType.Text);
            await writer.WriteAsync("[]", NpgsqlDbType.Jsonb);
            await writer.WriteAsync(1L, NpgsqlDbType.Bigint);
            await writer.WriteAsync(created, NpgsqlDbType.TimestampTz);
            await writer.WriteAsync(created, NpgsqlDbType.TimestampTz);
            if (status == "DRAFT")
                await writer.WriteNullAsync();
            else
                await writer.WriteAsync(created.AddHours(1), NpgsqlDbType.TimestampTz);
        }

        await writer.CompleteAsync();
    }

    Console.WriteLine($"  {productCount:N0} products ({clock.Elapsed.TotalSeconds:F1}s)");

    long variants = 0;
    await using (var connection = await dataSource.OpenConnectionAsync())
    await using (var writer = await connection.BeginBinaryImportAsync(
        "COPY catalog.product_variants (id, product_id, store_id, sku, option_values, price, compare_at_price, currency, barcode, weight_grams, position) FROM STDIN (FORMAT BINARY)"))
    {
        for (var i = 0; i < productCount; i++)
        {
            for (var v = 0; v < 1 + (i % 2); v++)
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                await writer.WriteAsync(productIds[i], NpgsqlDbType.Uuid);
                await writer.WriteAsync(stores[productStores[i]].Id, NpgsqlDbType.Uuid);
                await writer.WriteAsync($"B{i}-{v}", NpgsqlDbType.Varchar);
                await writer.WriteAsync("{}", NpgsqlDbType.Jsonb);
                await writer.WriteAsync(prices[i] + (v * 5m), NpgsqlDbType.Numeric);
                await writer.WriteNullAsync();
                await writer.WriteAsync("EUR", NpgsqlDbType.Char);
                await writer.WriteNullAsync();
                await writer.WriteNullAsync();
                await writer.WriteAsync(v, NpgsqlDbType.Integer);
                variants++;
            }
        }

        await writer.CompleteAsync();
    }

    Console.WriteLine($"  {variants:N0} variants ({clock.Elapsed.TotalSeconds:F1}s)");
    await ExecuteAsync("ANALYZE catalog.products; ANALYZE catalog.product_variants; ANALYZE catalog.categories; ANALYZE catalog.stores; ANALYZE sellers.stores");

    // The search rows: the projection's own rebuild statement over id ranges, two at a time (the machine's cores).
    var rebuild = Stopwatch.StartNew();
    const int RangeSize = 50_000;
    var bounds = new List<Guid?> { null };
    for (var i = RangeSize - 1; i < productCount - 1; i += RangeSize)
        bounds.Add(productIds[i]);
    bounds.Add(null);
    var ranges = bounds.Zip(bounds.Skip(1)).ToList();
    var next = -1;
    long rows = 0;
    await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
    {
        int index;
        while ((index = Interlocked.Increment(ref next)) < ranges.Count)
        {
            var selection = new SearchProjection.IdRange(ranges[index].First, ranges[index].Second);
            await using var connection = await dataSource.OpenConnectionAsync();
            await using var command = new NpgsqlCommand(SearchProjection.RebuildSql(SearchProjection.Table, selection), connection) { CommandTimeout = 0 };
            selection.Bind(command.Parameters);
            Interlocked.Add(ref rows, await command.ExecuteNonQueryAsync());
        }
    }));
    await ExecuteAsync("VACUUM ANALYZE catalog.search_products");
    var searchable = await ScalarAsync<long>("SELECT count(*) FROM catalog.search_products WHERE searchable");
    Console.WriteLine($"  {rows:N0} search rows ({searchable:N0} searchable) by the rebuild SQL in {rebuild.Elapsed.TotalSeconds:F1}s; total load {clock.Elapsed.TotalSeconds:F1}s");
}

// ---- workloads ---------------------------------------------------------------------------------------------------

SearchRequest[] Workload(int seed, bool mixed)
{
    var random = new Random(seed);
    var categoryPaths = new[] { "home", "kitchen/kitchen-modern", "garden", "fashion/fashion-kids", "food/food-premium/food-premium-gifts" };
    return Enumerable.Range(0, 2000).Select(i =>
    {
        var (_, lat, lon) = cities[random.Next(cities.Length)];
        var latitude = lat + Gaussian(random) * 0.03;
        var longitude = lon + Gaussian(random) * 0.03 / Math.Cos(lat * Math.PI / 180);
        if (!mixed)
            return new SearchRequest(latitude, longitude, radiusKm, null, null, null, null, SearchSort.Distance, 20, null);
        var sort = (SearchSort)(i % 5);
        var query = sort == SearchSort.Relevance || i % 3 == 0 ? Pick(random, Words.Nouns).ToLowerInvariant() : null;
        var category = i % 2 == 0 ? categoryPaths[random.Next(categoryPaths.Length)] : null;
        decimal? min = i % 4 == 1 ? 20m : null;
        decimal? max = i % 4 == 1 ? 120m : null;
        return new SearchRequest(latitude, longitude, radiusKm, query, category, min, max, sort, 20, null);
    }).ToArray();
}

async Task<int> RawAsync(SearchRequest request)
{
    await using var connection = await dataSource.OpenConnectionAsync();
    await using var batch = ProductSearch.BuildBatch(request);
    batch.Connection = connection;
    return (await ProductSearch.ReadAsync(batch, request.Sort, CancellationToken.None)).Count;
}

async Task<int> GraphQLAsync(HttpClient http, SearchRequest request, bool hydrated = false)
{
    const string Query = """
        query Near($loc: GeoPointInput!, $r: Float!, $q: String, $c: ID, $min: Decimal, $max: Decimal, $sort: ProductSearchSort, $first: Int) {
          productsNear(location: $loc, radiusKm: $r, query: $q, categoryId: $c, priceMin: $min, priceMax: $max, sort: $sort, first: $first) {
            edges { cursor distanceMeters node { id title priceRange { minVariantPrice { amount currencyCode } } } }
            pageInfo { hasNextPage endCursor }
          }
        }
        """;
    var body = JsonSerializer.Serialize(new
    {
        // Hydrated: the node also asks for fields the projection does not hold, so the page costs one GetProducts call.
        query = hydrated ? Query.Replace("node { id title", "node { id title description variants { sku }", StringComparison.Ordinal) : Query,
        variables = new
        {
            loc = new { latitude = request.Latitude, longitude = request.Longitude },
            r = request.RadiusKm,
            q = request.Query,
            c = request.CategoryPath is null ? null : categoryGlobalIds[request.CategoryPath],
            min = request.PriceMin?.ToString(CultureInfo.InvariantCulture),
            max = request.PriceMax?.ToString(CultureInfo.InvariantCulture),
            sort = request.Sort switch
            {
                SearchSort.Distance => "DISTANCE",
                SearchSort.PriceAsc => "PRICE_ASC",
                SearchSort.PriceDesc => "PRICE_DESC",
                SearchSort.Newest => "NEWEST",
                _ => "RELEVANCE",
            },
            first = request.First,
        },
    });
    using var message = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
    message.Headers.TryAddWithoutValidation("Accept", "application/graphql-response+json");
    using var response = await http.SendAsync(message);
    var bytes = await response.Content.ReadAsByteArrayAsync();
    // A cheap check rather than a JSON parse: the client shares the machine's cores with the server it measures.
    if (response.StatusCode != HttpStatusCode.OK || bytes.AsSpan().IndexOf("\"errors\""u8) >= 0)
        throw new InvalidOperationException($"GraphQL answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(bytes[..Math.Min(400, bytes.Length)])}");
    return bytes.AsSpan().Count("\"cursor\""u8);
}

async Task<Result> RunAsync(string name, Func<int, Task<int>> operation, int duration)
{
    var latencies = new List<double>[concurrency];
    long results = 0;
    var errors = 0;
    var issued = -1;
    var stopAt = Stopwatch.GetTimestamp() + (duration * Stopwatch.Frequency);
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
    {
        var mine = latencies[worker] = [];
        while (Stopwatch.GetTimestamp() < stopAt)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                Interlocked.Add(ref results, await operation(Interlocked.Increment(ref issued)));
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                if (Interlocked.Increment(ref errors) == 1)
                    Console.WriteLine($"  {name}: {exception.Message}");
            }

            mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }));
    var all = latencies.SelectMany(l => l).Order().ToArray();
    return new Result(name, all.Length / clock.Elapsed.TotalSeconds, Percentile(all, 0.50), Percentile(all, 0.95), all.Length == 0 ? 0 : (double)results / all.Length, errors);
}

async Task ExplainAsync(string title, SearchRequest request)
{
    await using var connection = await dataSource.OpenConnectionAsync();
    await using var batch = ProductSearch.BuildBatch(request, explain: true);
    batch.Connection = connection;
    var plan = new StringBuilder();
    await using (var reader = await batch.ExecuteReaderAsync())
    {
        while (await reader.ReadAsync())
            plan.AppendLine("    " + reader.GetString(0));
    }

    var text = plan.ToString();
    var gist = text.Contains("ix_search_products_location", StringComparison.Ordinal);
    var knn = gist && text.Contains("Order By: (location <->", StringComparison.Ordinal) && !text.Contains("  Sort  ", StringComparison.Ordinal);
    Console.WriteLine($"EXPLAIN (ANALYZE, BUFFERS) {title}: GiST index ix_search_products_location used: {(gist ? "yes" : "NO")}" + (request.Sort == SearchSort.Distance ? $"; KNN ordering by the index: {(knn ? "yes" : "NO")}" : ""));
    Console.Write(text);
}

// ---- helpers -----------------------------------------------------------------------------------------------------

async Task ExecuteAsync(string sql)
{
    await using var connection = await dataSource.OpenConnectionAsync();
    await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
    await command.ExecuteNonQueryAsync();
}

async Task<T> ScalarAsync<T>(string sql)
{
    await using var connection = await dataSource.OpenConnectionAsync();
    await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
    return (T)(await command.ExecuteScalarAsync())!;
}

static void Header() => Console.WriteLine($"{"path",-24}{"req/s",10}{"p50 ms",10}{"p95 ms",10}{"hits/req",10}{"errors",8}");

static void Print(Result r) => Console.WriteLine($"{r.Name,-24}{r.Throughput,10:F0}{r.P50,10:F2}{r.P95,10:F2}{r.HitsPerRequest,10:F1}{r.Errors,8}");

static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

static double Gaussian(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

static string Pick(Random random, string[] words) => words[random.Next(words.Length)];

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

int Argument(string name, int fallback)
{
    var value = Option(name);
    return value is null ? fallback : int.Parse(value, CultureInfo.InvariantCulture);
}

string? Option(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

static (string Name, double Latitude, double Longitude)[] Cities() =>
[
    ("London", 51.5072, -0.1276), ("Paris", 48.8566, 2.3522), ("Berlin", 52.52, 13.405), ("Madrid", 40.4168, -3.7038),
    ("Rome", 41.9028, 12.4964), ("Vienna", 48.2082, 16.3738), ("Amsterdam", 52.3676, 4.9041), ("Brussels", 50.8503, 4.3517),
    ("Lisbon", 38.7223, -9.1393), ("Dublin", 53.3498, -6.2603), ("Copenhagen", 55.6761, 12.5683), ("Stockholm", 59.3293, 18.0686),
    ("Oslo", 59.9139, 10.7522), ("Helsinki", 60.1699, 24.9384), ("Warsaw", 52.2297, 21.0122), ("Prague", 50.0755, 14.4378),
    ("Budapest", 47.4979, 19.0402), ("Athens", 37.9838, 23.7275), ("Milan", 45.4642, 9.19), ("Barcelona", 41.3874, 2.1686),
    ("Munich", 48.1351, 11.582), ("Hamburg", 53.5511, 9.9937), ("Lyon", 45.764, 4.8357), ("Manchester", 53.4808, -2.2426),
    ("Zurich", 47.3769, 8.5417),
];

internal sealed record Result(string Name, double Throughput, double P50, double P95, double HitsPerRequest, int Errors);

internal static class Words
{
    public static readonly string[] Adjectives = ["Rustic", "Handmade", "Vintage", "Organic", "Classic", "Compact", "Deluxe", "Bright", "Soft", "Sturdy", "Elegant", "Portable", "Cozy", "Bold", "Slim", "Natural", "Modern", "Tiny", "Giant", "Smart"];
    public static readonly string[] Materials = ["Oak", "Linen", "Ceramic", "Steel", "Wool", "Cotton", "Glass", "Bamboo", "Leather", "Copper", "Walnut", "Marble", "Silk", "Clay", "Cork", "Brass", "Velvet", "Pine", "Stone", "Paper"];
    public static readonly string[] Nouns = ["Lamp", "Mug", "Chair", "Basket", "Scarf", "Bowl", "Vase", "Candle", "Blanket", "Notebook", "Kettle", "Teapot", "Cushion", "Jacket", "Backpack", "Puzzle", "Clock", "Mirror", "Planter", "Bread"];
    public static readonly string[] Uses = ["everyday use", "gifts", "the garden", "the kitchen", "travel", "kids", "the office", "weekends"];
}
