using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Marketplace.Modules.Notifications.Contracts.V1;
using Marketplace.Testing;
using Marketplace.Testing.Stores;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

// Checkout end to end (docs/ordering.md, "Benchmark"), through GraphQL over the in-memory server, in a database of its
// own (created, and dropped at the end):
//   - statements: a few sequential checkouts, counting every SQL round trip and statement any module sends on the
//     checkout's own async flow (an ActivityListener on Npgsql; background work such as the outbox relay is not counted);
//   - throughput: --buyers buyers, each with a 3-line cart over 2 stores, --concurrency at a time, through checkoutCreate
//     and checkoutComplete; orders/s and p50/p95 of each step;
//   - hot variant: --racers buyers race through the whole checkout for --units units of one variant: exactly that many
//     orders, counters exact (0 oversell).
// Usage: dotnet run -c Release --project bench/Marketplace.Ordering.Bench [-- --buyers 60 --concurrency 8 --racers 30 --units 5]
var buyersCount = int.Parse(Option("--buyers") ?? "60", CultureInfo.InvariantCulture);
var concurrency = int.Parse(Option("--concurrency") ?? "8", CultureInfo.InvariantCulture);
var racers = int.Parse(Option("--racers") ?? "30", CultureInfo.InvariantCulture);
var units = int.Parse(Option("--units") ?? "5", CultureInfo.InvariantCulture);

var root = new DirectoryInfo(AppContext.BaseDirectory);
while (root is not null && !File.Exists(Path.Combine(root.FullName, "Marketplace.sln")))
    root = root.Parent;
Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_MARKETPLACE_HOST", Path.Combine(root?.FullName ?? ".", "src", "Host", "Marketplace.Host"));

var database = await TestServices.CreateDatabaseAsync("ordering_bench");
var factory = new BenchFactory();
factory.With("ConnectionStrings:Marketplace", new NpgsqlConnectionStringBuilder(database) { MaxPoolSize = 100 }.ConnectionString)
    .With("Events:SubjectPrefix", $"bench{Guid.NewGuid():N}"[..13])
    .With("Jobs:Server", "false")
    .With("Logging:LogLevel:Default", "Warning")
    .With("Gateway:RateLimitPerIp", "0")
    .With("Gateway:RateLimitPerUser", "0")
    .With("Modules:Users:Limits:CodeSendsPerIpPerHour", "1000000")
    .With("Modules:Users:Limits:RegistrationsPerIpPerHour", "1000000")
    .With("Modules:Users:Limits:LoginsPerIpPer15Minutes", "1000000")
    .With("Modules:Ordering:Recovery:RunAtStart", "false");
var exitCode = 0;
try
{
    _ = factory.Services; // migrates the bench database
    factory.Server.PreserveExecutionContext = true; // the counting flag flows into the server's handling of a request
    var admin = (await TestSigningKey.CreateAsync(database)).Issue(Guid.CreateVersion7().ToString(), ["ADMIN"]);
    var client = factory.CreateClient();
    var category = (await client.SendAsync("mutation($i: CategoryCreateInput!) { categoryCreate(input: $i) { category { id } } }",
        new { i = new { name = "Bench", slug = $"bench-{Guid.NewGuid():N}"[..20] } }, admin)).Data("categoryCreate")["category"].Text("id");
    var (bakery, bakeryToken) = await ShopAsync(client, factory, null);
    var (grocer, grocerToken) = await ShopAsync(client, factory, bakery.Location);
    var bread = await ProductAsync(client, bakery.Id, bakeryToken, category, 2, "3.10", 1_000_000);
    var apples = await ProductAsync(client, grocer.Id, grocerToken, category, 1, "0.45", 1_000_000);
    (string, int)[] cart = [(bread[0], 1), (bread[1], 2), (apples[0], 3)];
    Console.WriteLine($"{Environment.ProcessorCount} cores; PostgreSQL {await ScalarAsync<string>(database, "SHOW server_version")}; buyers {buyersCount}, concurrency {concurrency}");

    // Statements per checkout, sequentially (after one warm-up checkout).
    var counting = new AsyncLocal<string?>();
    var counts = new System.Collections.Concurrent.ConcurrentDictionary<string, (int Trips, int Statements)>();
    using var listener = new ActivityListener
    {
        ShouldListenTo = source => source.Name.StartsWith("Npgsql", StringComparison.Ordinal),
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
        ActivityStopped = activity =>
        {
            if (counting.Value is not { } step)
                return;
            var text = activity.GetTagItem("db.query.text") as string ?? activity.GetTagItem("db.statement") as string ?? "";
            var statements = Math.Max(1, text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Length);
            counts.AddOrUpdate(step, (1, statements), (_, c) => (c.Trips + 1, c.Statements + statements));
        },
    };
    ActivitySource.AddActivityListener(listener);
    var sample = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => BuyerAsync(client, bakery.Location, cart)));
    await CheckoutAsync(client, sample[0], null, null);
    foreach (var buyer in sample.Skip(1))
        await CheckoutAsync(client, buyer, counting, null);
    var create = counts.GetValueOrDefault("create");
    var complete = counts.GetValueOrDefault("complete");
    Console.WriteLine($"SQL per checkout (3 lines, 2 stores): checkoutCreate {create.Statements / 3.0:0.#} statements in {create.Trips / 3.0:0.#} round trips; checkoutComplete {complete.Statements / 3.0:0.#} statements in {complete.Trips / 3.0:0.#} round trips (Saleor: ~230; goal <= 40)");

    // Throughput.
    var buyers = new List<Buyer>();
    foreach (var chunk in Enumerable.Range(0, buyersCount).Chunk(concurrency))
        buyers.AddRange(await Task.WhenAll(chunk.Select(_ => BuyerAsync(client, bakery.Location, cart))));
    var timings = new System.Collections.Concurrent.ConcurrentBag<(double Create, double Complete)>();
    using var gate = new SemaphoreSlim(concurrency);
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(buyers.Select(async buyer =>
    {
        await gate.WaitAsync();
        try
        {
            timings.Add(await CheckoutAsync(factory.CreateClient(), buyer, null, null));
        }
        finally
        {
            gate.Release();
        }
    }));
    var elapsed = clock.Elapsed.TotalSeconds;
    Console.WriteLine($"Throughput: {buyers.Count} checkouts in {elapsed:0.0} s = {buyers.Count / elapsed:0.0} checkouts/s ({2 * buyers.Count / elapsed:0.0} orders/s); " +
        $"checkoutCreate p50 {Percentile(timings.Select(t => t.Create), 50):0} ms p95 {Percentile(timings.Select(t => t.Create), 95):0} ms; " +
        $"checkoutComplete p50 {Percentile(timings.Select(t => t.Complete), 50):0} ms p95 {Percentile(timings.Select(t => t.Complete), 95):0} ms");

    // Hot variant.
    var hot = await ProductAsync(client, bakery.Id, bakeryToken, category, 1, "9.99", units);
    var contenders = await Task.WhenAll(Enumerable.Range(0, racers).Select(_ => BuyerAsync(client, bakery.Location, [(hot[0], 1)])));
    var outcomes = await Task.WhenAll(contenders.Select(async buyer =>
    {
        try
        {
            await CheckoutAsync(factory.CreateClient(), buyer, null, null);
            return "PLACED";
        }
        catch (CheckoutRefused refused)
        {
            return refused.Code;
        }
    }));
    var placed = outcomes.Count(o => o == "PLACED");
    var (onHand, reserved, allocated) = await LevelAsync(database, hot[0]);
    var oversold = Math.Max(0, allocated + reserved - onHand);
    Console.WriteLine($"Hot variant: {racers} buyers for {units} units: {placed} orders, on hand {onHand}, reserved {reserved}, allocated {allocated}, oversold {oversold}; others: {string.Join(", ", outcomes.Where(o => o != "PLACED").GroupBy(o => o).Select(g => $"{g.Key} x{g.Count()}"))}");
    if (placed != units || oversold != 0 || reserved != 0 || allocated != units)
    {
        Console.WriteLine("FAILED: the hot-variant race oversold or lost units");
        exitCode = 1;
    }
}
finally
{
    await factory.DisposeAsync();
    await TestServices.DropDatabaseAsync(database);
}

return exitCode;


static async Task<(double Create, double Complete)> CheckoutAsync(HttpClient client, Buyer buyer, AsyncLocal<string?>? counting, object? _)
{
    var clock = Stopwatch.StartNew();
    if (counting is not null)
        counting.Value = "create";
    var created = (await client.SendAsync("mutation($i: CheckoutCreateInput!) { checkoutCreate(input: $i) { checkout { id total { amount } } userErrors { code message } } }",
        new { i = new { pickup = true } }, buyer.Token)).Data("checkoutCreate");
    if (counting is not null)
        counting.Value = null;
    if (created.Codes().Length > 0)
        throw new CheckoutRefused(created.Codes()[0]);
    var createMs = clock.Elapsed.TotalMilliseconds;
    clock.Restart();
    if (counting is not null)
        counting.Value = "complete";
    var completed = (await client.SendAsync("mutation($i: CheckoutCompleteInput!) { checkoutComplete(input: $i) { orderGroup { id } userErrors { code message } } }",
        new { i = new { checkoutId = created["checkout"].Text("id"), idempotencyKey = Guid.NewGuid().ToString(), expectedTotal = created["checkout"]!["total"].Text("amount") } }, buyer.Token)).Data("checkoutComplete");
    if (counting is not null)
        counting.Value = null;
    if (completed.Codes().Length > 0)
        throw new CheckoutRefused(completed.Codes()[0]);
    return (createMs, clock.Elapsed.TotalMilliseconds);
}

static async Task<Buyer> BuyerAsync(HttpClient client, (double Latitude, double Longitude) near, (string VariantId, int Quantity)[] lines)
{
    var token = (await client.SignInBuyerAsync()).Text("accessToken");
    var added = (await client.SendAsync("mutation($i: CartLinesAddInput!) { cartLinesAdd(input: $i) { userErrors { code message } } }",
        new { i = new { lines = lines.Select(l => new { variantId = l.VariantId, quantity = l.Quantity }).ToArray() } }, token)).Data("cartLinesAdd");
    if (added.Codes().Length > 0)
        throw new InvalidOperationException(added.ToJsonString());
    return new Buyer(token);
}

static async Task<(Shop Shop, string Token)> ShopAsync(HttpClient client, BenchFactory factory, (double Latitude, double Longitude)? near)
{
    var (token, _) = await client.SellerAsync(factory);
    var (lat, lon) = near is { } at ? (at.Latitude + 0.001, at.Longitude) : Gql.NewPlace();
    var store = (await client.CreateStoreAsync(token, Gql.StoreInput("Bench shop", lat, lon, Gql.NewSlug("bench")))).Data("storeCreate");
    return (new Shop(store["store"].Text("id"), (lat, lon)), token);
}

static async Task<List<string>> ProductAsync(HttpClient client, string storeId, string token, string category, int variants, string price, int stock)
{
    var sizes = Enumerable.Range(0, variants).Select(i => $"S{i}").ToArray();
    var input = new Dictionary<string, object?>
    {
        ["storeId"] = storeId,
        ["title"] = $"Bench {Guid.NewGuid():N}"[..14],
        ["categoryId"] = category,
        ["options"] = new[] { new { name = "Size", values = sizes } },
        ["variants"] = sizes.Select(s => new { sku = $"B-{Guid.NewGuid():N}"[..20], price, currencyCode = "EUR", optionValues = new[] { new { name = "Size", value = s } } }).ToArray(),
    };
    var product = (await client.SendAsync("mutation($i: ProductCreateInput!) { productCreate(input: $i) { product { id variants { id } } userErrors { code message } } }", new { i = input }, token)).Data("productCreate")["product"]!;
    await client.SendAsync("mutation($id: ID!) { productPublish(input: { id: $id }) { userErrors { code } } }", new { id = product.Text("id") }, token);
    var ids = product["variants"]!.AsArray().Select(v => v.Text("id")).ToList();
    foreach (var id in ids)
    {
        var set = (await client.SendAsync("mutation($i: InventorySetInput!) { inventorySet(input: $i) { userErrors { code message } } }", new { i = new { variantId = id, onHand = stock } }, token)).Data("inventorySet");
        if (set.Codes().Length > 0)
            throw new InvalidOperationException(set.ToJsonString());
    }

    return ids;
}

static async Task<(int OnHand, int Reserved, int Allocated)> LevelAsync(string database, string variantGlobalId)
{
    var variantId = Guid.Parse(System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(variantGlobalId)).Split(':', 2)[1]);
    await using var connection = new NpgsqlConnection(database);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand("SELECT on_hand, reserved, allocated FROM inventory.stock_levels WHERE variant_id = $1", connection) { Parameters = { new() { Value = variantId } } };
    await using var reader = await command.ExecuteReaderAsync();
    await reader.ReadAsync();
    return (reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2));
}

static async Task<T> ScalarAsync<T>(string database, string sql)
{
    await using var connection = new NpgsqlConnection(database);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection);
    return (T)(await command.ExecuteScalarAsync())!;
}

static double Percentile(IEnumerable<double> values, int percentile)
{
    var sorted = values.Order().ToList();
    return sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
}

static string? Option(string name)
{
    var args = Environment.GetCommandLineArgs();
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

internal sealed record Buyer(string Token);

internal sealed record Shop(string Id, (double Latitude, double Longitude) Location);

internal sealed class CheckoutRefused(string code) : Exception(code)
{
    public string Code { get; } = code;
}

/// <summary>The whole host; the seller-verification emails are recorded instead of sent (the flows read the token).</summary>
internal sealed class BenchFactory : MarketplaceFactory, IRecordsEmails
{
    public RecordingNotifications Emails { get; } = new();

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton(new NotificationsDelivery.NotificationsDeliveryClient(Emails)));
    }
}
