using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Marketplace.Modules.Catalog.Products;
using Marketplace.Modules.Catalog.Search;
using Marketplace.Testing;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Geometries;
using Npgsql;
using NpgsqlTypes;

// Nearby product search at scale. In a database of its own (created, and dropped at the end), it generates N products
// (default 1,000,000) across S stores (default 5,000) in 25 European cities with binary COPY into the catalog tables,
// Catalog's store copy and the Sellers module's stores (for hydrated pages), stock for about 70 % of the products,
// builds the search rows with the projection's own set-based rebuild SQL, then reports in one run, for every search
// shape (nearest; text; forgiving text; category subtree; price range; in stock; every sort; all combined; the densest
// city at the maximum radius; totals and facets; the nearest page with its stores hydrated): throughput and p50/p95
// through GraphQL (the real host over HTTP) beside the very same batch through raw Npgsql, in rounds (interleaved, so
// machine drift hits all alike) with medians and the load average of each round; a breakdown of store hydration; and
// EXPLAIN (ANALYZE, BUFFERS) of each shape's statements.
// Usage: dotnet run -c Release --project bench/Marketplace.Catalog.Bench [-- --products 1000000 --stores 5000
//   --seconds 5 --rounds 3 --concurrency 8 --radius 5 --shapes nearest,text,... --keep --profile | --database <existing bench database>]
var productCount = Argument("--products", 1_000_000);
var storeCount = Argument("--stores", 5_000);
var seconds = Argument("--seconds", 5);
var rounds = Argument("--rounds", 3);
var onlyShapes = Option("--shapes")?.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
var concurrency = Argument("--concurrency", 8);
var radiusKm = Argument("--radius", 5);
var keep = args.Contains("--keep");
var profile = args.Contains("--profile");
const double MaxRadiusKm = ProductSearch.MaxRadiusKm;
string[] CategoryPaths = ["home", "kitchen/kitchen-modern", "garden", "fashion/fashion-kids", "food/food-premium/food-premium-gifts"];
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
var categoryIds = new Dictionary<string, Guid>(StringComparer.Ordinal);
try
{
    factory.StartServer(); // migrates the bench database
    if (existing is null)
        await LoadAsync();
    else
        Console.WriteLine($"reusing {await ScalarAsync<long>("SELECT count(*) FROM catalog.search_products")} search rows");
    if (await ScalarAsync<long>("SELECT count(*) FROM catalog.variant_stock") == 0)
        await StockAsync();
    // A migration may have rewritten rows (e.g. a new column filled in): settle the visibility map and statistics, as
    // autovacuum would, so index-only scans read index pages only.
    await ExecuteAsync("VACUUM (ANALYZE) catalog.search_products");
    await ExecuteAsync("VACUUM (ANALYZE) catalog.search_terms");
    await ExecuteAsync("VACUUM (ANALYZE) catalog.stores");

    using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
    {
        BaseAddress = new Uri($"http://127.0.0.1:{port}"),
    };

    // Category ids (the raw side) and global ids (the GraphQL side, as clients get them).
    await using (var connection = await dataSource.OpenConnectionAsync())
    await using (var command = new NpgsqlCommand("SELECT path, id FROM catalog.categories", connection))
    await using (var reader = await command.ExecuteReaderAsync())
    {
        while (await reader.ReadAsync())
        {
            categoryGlobalIds[reader.GetString(0)] = Marketplace.Gateway.Relay.GlobalId.Encode("Category", reader.GetGuid(1).ToString());
            categoryIds[reader.GetString(0)] = reader.GetGuid(1);
        }
    }

    var densest = await DensestCityAsync();
    Console.WriteLine($"densest city: {densest.Name} ({densest.Products:N0} searchable products within {MaxRadiusKm} km of its centre)");
    Shape[] shapes =
    [
        new("nearest", "DISTANCE, no filter", Simple(7, radiusKm, r => r with { Sort = SearchSort.Distance })),
        new("nearest+store", "the same, node { store { name } } hydrated", Simple(7, radiusKm, r => r with { Sort = SearchSort.Distance }), Selection.Store),
        new("text", "a word, RELEVANCE", Workload(13, radiusKm, (r, random) => r with { Query = Pick(random, Words.Nouns).ToLowerInvariant(), Sort = SearchSort.Relevance })),
        new("typo", "a misspelt word or a prefix, RELEVANCE", Workload(17, radiusKm, (r, random) => r with { Query = Pick(random, Words.Typos), Sort = SearchSort.Relevance })),
        new("category", "category subtree, PRICE_ASC", Workload(19, radiusKm, (r, random) => r with { CategoryId = categoryIds[Pick(random, CategoryPaths)], Sort = SearchSort.PriceAsc })),
        new("price", "price 20-120, PRICE_DESC", Simple(23, radiusKm, r => r with { PriceMin = 20m, PriceMax = 120m, Sort = SearchSort.PriceDesc })),
        new("instock-newest", "inStockOnly, NEWEST", Simple(29, radiusKm, r => r with { InStockOnly = true, Sort = SearchSort.Newest })),
        new("instock-distance", "inStockOnly, DISTANCE", Simple(31, radiusKm, r => r with { InStockOnly = true, Sort = SearchSort.Distance })),
        new("mixed", "text/category/price/stock combined, every sort", Mixed(11, radiusKm, null)),
        new("dense-max", $"the same in {densest.Name}, {MaxRadiusKm} km", Mixed(37, MaxRadiusKm, densest)),
        new("facets", "mixed + totalCount + facets", Mixed(41, radiusKm, null).Select(r => r with { Extras = SearchExtras.TotalCount | SearchExtras.Facets }).ToArray(), Selection.Facets),
        new("facets-dense-max", $"totalCount + facets in {densest.Name}, {MaxRadiusKm} km", Mixed(43, MaxRadiusKm, densest).Select(r => r with { Extras = SearchExtras.TotalCount | SearchExtras.Facets }).ToArray(), Selection.Facets),
    ];
    shapes = shapes.Where(s => onlyShapes is null || onlyShapes.Contains(s.Name)).ToArray();

    Console.WriteLine();
    Console.WriteLine($"{concurrency} concurrent clients, {seconds}s per run, {rounds} rounds (each round: every shape raw then GraphQL), 20 per page, radius {radiusKm} km unless said");
    foreach (var shape in shapes)
    {
        await RunAsync("warm-up", i => RawAsync(shape.Requests[i % shape.Requests.Length]), 1);
        await RunAsync("warm-up", i => GraphQLAsync(http, shape.Requests[i % shape.Requests.Length], shape.Selection), 1);
    }

    if (profile)
        await ProfileAsync(shapes);
    if (rounds == 0)
        return 0;

    var results = shapes.ToDictionary(s => s.Name, _ => (Raw: new List<Result>(), GraphQL: new List<Result>()));
    var loads = new List<string>();
    for (var round = 1; round <= rounds; round++)
    {
        var before = LoadAverage();
        foreach (var shape in shapes)
        {
            results[shape.Name].Raw.Add(await RunAsync("raw", i => RawAsync(shape.Requests[i % shape.Requests.Length]), seconds));
            results[shape.Name].GraphQL.Add(await RunAsync("GraphQL", i => GraphQLAsync(http, shape.Requests[i % shape.Requests.Length], shape.Selection), seconds));
        }

        loads.Add($"round {round}: load average {before} before, {LoadAverage()} after");
        Console.WriteLine(loads[^1]);
    }

    Console.WriteLine();
    Console.WriteLine($"Medians of {rounds} rounds (req/s, ms); ratio = GraphQL / raw throughput (goal >= 0.60), p95 goal < 50 ms");
    Console.WriteLine($"{"shape",-18}{"what",-52}{"raw req/s",10}{"raw p95",9}{"GQL req/s",10}{"GQL p50",9}{"GQL p95",9}{"ratio",7}{"hits",6}{"err",5}");
    foreach (var shape in shapes)
    {
        var (rawRuns, gqlRuns) = results[shape.Name];
        var raw = Median(rawRuns);
        var gql = Median(gqlRuns);
        Console.WriteLine($"{shape.Name,-18}{shape.What,-52}{raw.Throughput,10:F0}{raw.P95,9:F1}{gql.Throughput,10:F0}{gql.P50,9:F1}{gql.P95,9:F1}{gql.Throughput / raw.Throughput,7:F2}{gql.HitsPerRequest,6:F1}{rawRuns.Sum(r => r.Errors) + gqlRuns.Sum(r => r.Errors),5}");
    }

    if (results.TryGetValue("nearest", out var nearestRuns) && results.TryGetValue("nearest+store", out var hydratedRuns))
    {
        var plain = Median(nearestRuns.GraphQL).Throughput;
        var hydrated = Median(hydratedRuns.GraphQL).Throughput;
        Console.WriteLine($"hydrated / non-hydrated GraphQL throughput: {hydrated / plain:F2}x (goal >= 0.80)");
    }

    foreach (var line in loads)
        Console.WriteLine(line);

    await HydrationBreakdownAsync(http, shapes.FirstOrDefault(s => s.Name == "nearest")?.Requests ?? Simple(7, radiusKm, r => r));

    Console.WriteLine();
    // The plan of each shape's slowest request among its first 40 (timed one at a time, raw).
    foreach (var shape in shapes.Where(s => s.Selection != Selection.Store))
    {
        var slowest = (Request: shape.Requests[0], Ms: 0.0);
        foreach (var request in shape.Requests.Take(40))
        {
            var clock = Stopwatch.StartNew();
            await RawAsync(request);
            if (clock.Elapsed.TotalMilliseconds > slowest.Ms)
                slowest = (request, clock.Elapsed.TotalMilliseconds);
        }

        var r = slowest.Request;
        await ExplainAsync($"{shape.Name} ({shape.What}), slowest of 40: {slowest.Ms:F1} ms — sort {r.Sort}, query '{r.Query}', category {CategoryPathOf(r.CategoryId)}, price {r.PriceMin}-{r.PriceMax}, in stock {r.InStockOnly}, radius {r.RadiusKm} km", r);
    }
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
    var slugs = new HashSet<string>(StringComparer.Ordinal); // as the module does: the whole id when the short slug is taken
    var productStores = new int[productCount];
    var prices = new decimal[productCount];
    await using (var connection = await dataSource.OpenConnectionAsync())
    await using (var writer = await connection.BeginBinaryImportAsync(
        "COPY catalog.products (id, store_id, seller_id, title, slug, description, category_id, status, attributes, images, options, version, created_at, updated_at, published_at) FROM STDIN (FORMAT BINARY)"))
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
            var title = $"{Pick(random, Words.Adjectives)} {Pick(random, Words.Materials)} {Pick(random, Words.Nouns)}";
            await writer.WriteAsync(title, NpgsqlDbType.Varchar);
            var slug = ProductSlugs.For(title, productIds[i]);
            await writer.WriteAsync(slugs.Add(slug) ? slug : ProductSlugs.For(title, productIds[i], wholeId: true), NpgsqlDbType.Varchar);
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

    // The search rows: the projection's own rebuild statement over id ranges, two at a time (the machine's cores). The
    // words' triggers are off meanwhile: the terms are built once, in bulk, after the stock (as the SearchTerms migration
    // backfills them), instead of row by row into a growing index and again for every stock update.
    await ExecuteAsync("ALTER TABLE catalog.search_products DISABLE TRIGGER USER");
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
    await StockAsync();
    var terms = Stopwatch.StartNew();
    await ExecuteAsync("ALTER TABLE catalog.search_terms DROP CONSTRAINT pk_search_terms");
    await ExecuteAsync("TRUNCATE catalog.search_terms");
    await ExecuteAsync($"INSERT INTO catalog.search_terms {SearchProjection.TermsOfRowsSql("catalog.search_products")}");
    await ExecuteAsync("SET maintenance_work_mem = '1GB'; ALTER TABLE catalog.search_terms ADD CONSTRAINT pk_search_terms PRIMARY KEY (lexeme, store_id, product_id) INCLUDE (weight, category_id, min_price, published_at, in_stock)");
    await ExecuteAsync("ALTER TABLE catalog.search_products ENABLE TRIGGER USER");
    await ExecuteAsync("VACUUM ANALYZE catalog.search_terms");
    Console.WriteLine($"  {await ScalarAsync<long>("SELECT count(*) FROM catalog.search_terms"):N0} word rows (catalog.search_terms) in {terms.Elapsed.TotalSeconds:F1}s");
    var searchable = await ScalarAsync<long>("SELECT count(*) FROM catalog.search_products WHERE searchable");
    Console.WriteLine($"  {rows:N0} search rows ({searchable:N0} searchable) by the rebuild SQL in {rebuild.Elapsed.TotalSeconds:F1}s; total load {clock.Elapsed.TotalSeconds:F1}s");
}

// About 70 % of the products in stock: their first variant available for sale in Catalog's copy of Inventory's
// availability (as stock_changed.v1 leaves it), then in_stock in the search rows, as the projection sets it.
string CategoryPathOf(Guid? id) => id is null ? "-" : categoryIds.First(c => c.Value == id).Key;

async Task StockAsync()
{
    var clock = Stopwatch.StartNew();
    await ExecuteAsync(
        """
        INSERT INTO catalog.variant_stock (variant_id, product_id, available_for_sale, version, synced_at)
        SELECT v.id, v.product_id, (('x' || substr(md5(v.product_id::text), 1, 8))::bit(32)::int & 1023) < 717, 1, now()
        FROM catalog.product_variants v WHERE v.position = 0
        ON CONFLICT DO NOTHING
        """);
    await ExecuteAsync($"UPDATE catalog.search_products t SET in_stock = {SearchProjection.InStockSql("t.product_id")} WHERE t.in_stock IS DISTINCT FROM {SearchProjection.InStockSql("t.product_id")}");
    // The bulk update rewrote 70 % of the rows at once, leaving every index with a dead entry per row (the covering
    // index measured 3x its settled size: 252 MB against 83 MB), a loader artefact rather than a settled table's state.
    await ExecuteAsync("REINDEX TABLE catalog.search_products");
    await ExecuteAsync("REINDEX TABLE catalog.search_terms");
    await ExecuteAsync("VACUUM ANALYZE catalog.search_products");
    await ExecuteAsync("VACUUM ANALYZE catalog.search_terms");
    Console.WriteLine($"  stock: {await ScalarAsync<long>("SELECT count(*) FROM catalog.search_products WHERE in_stock"):N0} products in stock ({clock.Elapsed.TotalSeconds:F1}s)");
}

// ---- workloads ---------------------------------------------------------------------------------------------------

// 2,000 requests at points around the cities (or around one city), shaped by a function of the base request.
SearchRequest[] Workload(int seed, double radius, Func<SearchRequest, Random, SearchRequest> shape, (string Name, double Latitude, double Longitude, long Products)? city = null)
{
    var random = new Random(seed);
    return Enumerable.Range(0, 2000).Select(_ =>
    {
        var around = cities[random.Next(cities.Length)];
        var (lat, lon) = city is { } c ? (c.Latitude, c.Longitude) : (around.Latitude, around.Longitude);
        var latitude = lat + Gaussian(random) * 0.03;
        var longitude = lon + Gaussian(random) * 0.03 / Math.Cos(lat * Math.PI / 180);
        return shape(new SearchRequest(latitude, longitude, radius, null, null, null, null, SearchSort.Distance, 20, null), random);
    }).ToArray();
}

SearchRequest[] Mixed(int seed, double radius, (string Name, double Latitude, double Longitude, long Products)? city) =>
    Workload(seed, radius, (r, random) =>
    {
        var i = random.Next(1000);
        var sort = (SearchSort)(i % 5);
        return r with
        {
            Sort = sort,
            Query = sort == SearchSort.Relevance || i % 3 == 0 ? Pick(random, Words.Nouns).ToLowerInvariant() : null,
            CategoryId = i % 2 == 0 ? categoryIds[Pick(random, CategoryPaths)] : null,
            PriceMin = i % 4 == 1 ? 20m : null,
            PriceMax = i % 4 == 1 ? 120m : null,
            InStockOnly = i % 7 < 3,
        };
    }, city);

// --profile: one caller, each of a shape's first 400 requests through raw Npgsql, timed and grouped by its kind (sort,
// then which filters it has): where a mixed shape's time goes.
async Task ProfileAsync(Shape[] profiled)
{
    foreach (var shape in profiled)
    {
        var times = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        foreach (var request in shape.Requests.Take(400))
        {
            var kind = $"{request.Sort}{(request.Query is null ? "" : " text")}{(request.CategoryId is null ? "" : " category")}"
                + $"{(request.PriceMin is null ? "" : " price")}{(request.InStockOnly ? " instock" : "")}";
            var watch = Stopwatch.StartNew();
            await RawAsync(request);
            (times.TryGetValue(kind, out var list) ? list : times[kind] = []).Add(watch.Elapsed.TotalMilliseconds);
        }

        var total = times.Values.Sum(t => t.Sum());
        Console.WriteLine(FormattableString.Invariant($"profile {shape.Name}: {times.Values.Sum(t => t.Count)} requests, mean {total / times.Values.Sum(t => t.Count):F1} ms; by kind (requests · mean ms · share of the time):"));
        foreach (var (kind, list) in times.OrderByDescending(t => t.Value.Sum()))
            Console.WriteLine(FormattableString.Invariant($"  {kind,-40} {list.Count,4} {list.Average(),7:F1} {list.Sum() / total,6:P0}"));
    }
}

SearchRequest[] Simple(int seed, double radius, Func<SearchRequest, SearchRequest> shape) => Workload(seed, radius, (r, _) => shape(r));

// The city whose centre has the most searchable products within the maximum radius.
async Task<(string Name, double Latitude, double Longitude, long Products)> DensestCityAsync()
{
    (string, double, double, long) best = default;
    foreach (var (name, lat, lon) in cities)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM catalog.search_products WHERE searchable AND ST_DWithin(location, ST_SetSRID(ST_MakePoint(@lon, @lat), 4326)::geography, @r)", connection);
        command.Parameters.AddWithValue("lon", lon);
        command.Parameters.AddWithValue("lat", lat);
        command.Parameters.AddWithValue("r", MaxRadiusKm * 1000);
        var count = (long)(await command.ExecuteScalarAsync())!;
        if (count > best.Item4)
            best = (name, lat, lon, count);
    }

    return best;
}

async Task<int> RawAsync(SearchRequest request)
{
    await using var connection = await dataSource.OpenConnectionAsync();
    await using var batch = ProductSearch.BuildBatch(request);
    batch.Connection = connection;
    return (await ProductSearch.ReadAsync(batch, request, CancellationToken.None)).Hits.Count;
}

async Task<int> GraphQLAsync(HttpClient http, SearchRequest request, Selection selection = Selection.Plain)
{
    const string Query = """
        query Near($loc: GeoPointInput!, $r: Float!, $q: String, $c: ID, $min: Decimal, $max: Decimal, $sort: ProductSearchSort, $first: Int, $stock: Boolean) {
          productsNear(location: $loc, radiusKm: $r, query: $q, categoryId: $c, priceMin: $min, priceMax: $max, sort: $sort, first: $first, inStockOnly: $stock) {
            edges { cursor distanceMeters node { id title slug priceRange { minVariantPrice { amount currencyCode } } } }
            pageInfo { hasNextPage endCursor }
          }
        }
        """;
    var query = selection switch
    {
        // The store of each product through the gateway's DataLoader (one batched GetStores per page).
        Selection.Store => Query.Replace("node { id title slug", "node { id title slug store { name }", StringComparison.Ordinal),
        // Counts and facets with the names a search page shows (categories and stores hydrated, batched).
        Selection.Facets => Query.Replace("pageInfo {", "totalCount facets { categories(first: 10) { count category { name } } stores(first: 10) { count store { name } } priceRanges { min max count } inStock outOfStock } pageInfo {", StringComparison.Ordinal),
        _ => Query,
    };
    var body = JsonSerializer.Serialize(new
    {
        query,
        variables = new
        {
            loc = new { latitude = request.Latitude, longitude = request.Longitude },
            r = request.RadiusKm,
            q = request.Query,
            c = request.CategoryId is null ? null : categoryGlobalIds[CategoryPathOf(request.CategoryId)],
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
            stock = request.InStockOnly,
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

// Where the time of a hydrated page goes, one caller at a time (no queueing): the Sellers GetStores statement alone,
// the GetStores contract call in process (scope, pipeline, EF, mapping, copies), and GraphQL with and without the store.
async Task HydrationBreakdownAsync(HttpClient http, SearchRequest[] requests)
{
    var pages = new List<string[]>();
    foreach (var request in requests.Take(50))
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var batch = ProductSearch.BuildBatch(request);
        batch.Connection = connection;
        pages.Add((await ProductSearch.ReadAsync(batch, request, CancellationToken.None)).Hits.Select(h => h.StoreId.ToString()).Distinct().ToArray());
    }

    var sellers = factory.Services.GetRequiredService<Marketplace.Modules.Sellers.Contracts.V1.SellersStores.SellersStoresClient>();
    const int Calls = 400;
    var sql = await TimeAsync(Calls, async i =>
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("SELECT * FROM sellers.stores WHERE id = ANY(@ids)", connection);
        command.Parameters.AddWithValue("ids", pages[i % pages.Count].Select(Guid.Parse).ToArray());
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
        }
    });
    var contract = await TimeAsync(Calls, async i =>
    {
        var request = new Marketplace.Modules.Sellers.Contracts.V1.GetStoresRequest();
        request.Ids.AddRange(pages[i % pages.Count]);
        await sellers.GetStoresAsync(request);
    });
    var plain = await TimeAsync(Calls, async i => await GraphQLAsync(http, requests[i % requests.Length]));
    var hydrated = await TimeAsync(Calls, async i => await GraphQLAsync(http, requests[i % requests.Length], Selection.Store));
    var search = await TimeAsync(Calls, async i => await RawAsync(requests[i % requests.Length]));
    Console.WriteLine();
    Console.WriteLine($"Store hydration, one caller, mean of {Calls} calls ({pages.Average(p => p.Length):F1} distinct stores per page): " +
        $"search SQL {search:F2} ms; GetStores SQL {sql:F2} ms; GetStores contract in process {contract:F2} ms; " +
        $"GraphQL page {plain:F2} ms; with store {{ name }} {hydrated:F2} ms (+{hydrated - plain:F2} ms)");
}

static async Task<double> TimeAsync(int calls, Func<int, Task> call)
{
    for (var i = 0; i < 20; i++)
        await call(i);
    var clock = Stopwatch.StartNew();
    for (var i = 0; i < calls; i++)
        await call(i);
    return clock.Elapsed.TotalMilliseconds / calls;
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
        do
        {
            while (await reader.ReadAsync())
                plan.AppendLine("    " + reader.GetString(0));
        }
        while (await reader.NextResultAsync());
    }

    Console.WriteLine($"EXPLAIN (ANALYZE, BUFFERS) {title}:");
    Console.Write(plan.ToString());
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

static Result Median(List<Result> runs)
{
    static double Mid(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    return new Result(runs[0].Name, Mid(runs.Select(r => r.Throughput)), Mid(runs.Select(r => r.P50)), Mid(runs.Select(r => r.P95)), Mid(runs.Select(r => r.HitsPerRequest)), runs.Sum(r => r.Errors));
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

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

internal enum Selection
{
    Plain,
    Store,
    Facets,
}

internal sealed record Shape(string Name, string What, SearchRequest[] Requests, Selection Selection = Selection.Plain);

internal sealed record Result(string Name, double Throughput, double P50, double P95, double HitsPerRequest, int Errors);

internal static class Words
{
    public static readonly string[] Adjectives = ["Rustic", "Handmade", "Vintage", "Organic", "Classic", "Compact", "Deluxe", "Bright", "Soft", "Sturdy", "Elegant", "Portable", "Cozy", "Bold", "Slim", "Natural", "Modern", "Tiny", "Giant", "Smart"];
    public static readonly string[] Materials = ["Oak", "Linen", "Ceramic", "Steel", "Wool", "Cotton", "Glass", "Bamboo", "Leather", "Copper", "Walnut", "Marble", "Silk", "Clay", "Cork", "Brass", "Velvet", "Pine", "Stone", "Paper"];
    public static readonly string[] Nouns = ["Lamp", "Mug", "Chair", "Basket", "Scarf", "Bowl", "Vase", "Candle", "Blanket", "Notebook", "Kettle", "Teapot", "Cushion", "Jacket", "Backpack", "Puzzle", "Clock", "Mirror", "Planter", "Bread"];
    // Misspelt nouns (one or two edits) and prefixes of them, as a buyer types.
    public static readonly string[] Typos = ["lampp", "chiar", "baskett", "blankt", "notebok", "kettel", "cushon", "backpak", "puzle", "mirorr", "plantr", "candel", "bask", "tea", "noteb", "jack", "cush", "mirr"];
    public static readonly string[] Uses = ["everyday use", "gifts", "the garden", "the kitchen", "travel", "kids", "the office", "weekends"];
}
