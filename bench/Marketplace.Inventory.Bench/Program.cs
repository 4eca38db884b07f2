using System.Diagnostics;
using System.Globalization;
using Marketplace.Modules.Inventory;
using Marketplace.Modules.Inventory.Contracts.V1;
using Marketplace.Shared.Contracts;
using Marketplace.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

// Reservations on one hot variant (docs/inventory.md, "Benchmark"). In a database of its own (created, and dropped at
// the end), for each number of concurrent callers (default 2, 8, 32, 128), closed loop, each call holding 1 unit for a
// new holder:
//   - raw: the same conditional UPDATE the module sends, by raw Npgsql, autocommit (the database's own ceiling);
//   - contract: InventoryReservations.Reserve through the in-process contract (invoker, Mediator pipeline, one
//     transaction with the hold row, its movement and the holder's lock), with the per-variant gate, and without it;
// each on a fresh variant row with plenty of stock, then checks that nothing oversold (reserved = successful holds =
// active hold rows). A last run sells out a small stock with the most callers and checks exactly that many won.
// Usage: dotnet run -c Release --project bench/Marketplace.Inventory.Bench [-- --seconds 5 --levels 2,8,32,128 --gate 4 --rounds 3]
var seconds = double.Parse(Option("--seconds") ?? "5", CultureInfo.InvariantCulture);
var levels = (Option("--levels") ?? "2,8,32,128").Split(',').Select(l => int.Parse(l, CultureInfo.InvariantCulture)).ToArray();
var gate = int.Parse(Option("--gate") ?? "4", CultureInfo.InvariantCulture);
var rounds = int.Parse(Option("--rounds") ?? "3", CultureInfo.InvariantCulture);
var loadBefore = Load();

var root = new DirectoryInfo(AppContext.BaseDirectory);
while (root is not null && !File.Exists(Path.Combine(root.FullName, "Marketplace.sln")))
    root = root.Parent;
Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_MARKETPLACE_HOST", Path.Combine(root?.FullName ?? ".", "src", "Host", "Marketplace.Host"));

var created = await TestServices.CreateDatabaseAsync("inventory_bench");
// Room for the most callers on both sides, so a run measures the row lock, not a wait for a pooled connection.
var connectionString = new NpgsqlConnectionStringBuilder(created) { MaxPoolSize = levels.Max() + 20 }.ConnectionString;
var factory = new MarketplaceFactory();
factory.With("ConnectionStrings:Marketplace", connectionString)
    .With("Events:SubjectPrefix", $"bench{Guid.NewGuid():N}"[..13])
    .With("Jobs:Server", "false")
    .With("Logging:LogLevel:Default", "Warning");
await using var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = "inventory-bench-raw" }.ConnectionString);
var exitCode = 0;
InventoryReservations.InventoryReservationsClient reservations = null!;
try
{
    _ = factory.Services; // starts the host: migrates the bench database
    var options = factory.Services.GetRequiredService<InventoryOptions>();
    reservations = new InventoryReservations.InventoryReservationsClient(factory.Services.GetRequiredService<ContractChannels>().InvokerFor("Inventory"));
    Console.WriteLine($"{Environment.ProcessorCount} cores; PostgreSQL {await ScalarAsync<string>("SHOW server_version")}, synchronous_commit {await ScalarAsync<string>("SHOW synchronous_commit")}; {seconds:0.#} s per run");

    // Warm-up: JIT, pools, plans.
    await RawAsync(8, Math.Min(2, seconds));
    options.Reservations.ConcurrencyPerVariant = gate;
    await ContractAsync(8, Math.Min(2, seconds));

    var rows = new List<(int Callers, double Raw, double TwoTrips, double Gated, double Ungated)>();
    foreach (var callers in levels)
    {
        // Interleaved per level and round, so drift on a shared machine hits all four alike; medians are reported.
        var runs = new List<(double Raw, double TwoTrips, double Gated, double Ungated)>();
        for (var round = 1; round <= rounds; round++)
        {
            var raw = await RawAsync(callers, seconds);
            var twoTrips = await RawTwoTripsAsync(callers, seconds);
            options.Reservations.ConcurrencyPerVariant = gate;
            var gated = await ContractAsync(callers, seconds);
            options.Reservations.ConcurrencyPerVariant = 0;
            var ungated = await ContractAsync(callers, seconds);
            runs.Add((raw, twoTrips, gated, ungated));
            Console.WriteLine($"  {callers,4} callers, round {round}: raw {raw,7:N0}/s  raw in a transaction {twoTrips,7:N0}/s  contract gate {gate} {gated,7:N0}/s ({gated / raw:N2}x)  no gate {ungated,7:N0}/s ({ungated / raw:N2}x)");
        }

        rows.Add((callers, Median(runs.Select(r => r.Raw)), Median(runs.Select(r => r.TwoTrips)), Median(runs.Select(r => r.Gated)), Median(runs.Select(r => r.Ungated))));
    }

    options.Reservations.ConcurrencyPerVariant = gate;
    var soldOut = await SellOutAsync(levels.Max(), 3000);

    Console.WriteLine();
    Console.WriteLine($"medians of {rounds} round(s); load average before {loadBefore}, after {Load()}");
    Console.WriteLine($"| callers | raw UPDATE /s | raw UPDATE + COMMIT in a transaction /s | contract, gate {gate} /s | ratio to raw | contract, no gate /s | ratio to raw |");
    Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
    foreach (var (callers, raw, twoTrips, gated, ungated) in rows)
        Console.WriteLine($"| {callers} | {raw:N0} | {twoTrips:N0} | {gated:N0} | {gated / raw:N2} | {ungated:N0} | {ungated / raw:N2} |");
    Console.WriteLine($"sell-out: {soldOut.Callers} callers, stock {soldOut.Stock}: {soldOut.Won} holds won, reserved {soldOut.Reserved} (oversold: {soldOut.Won - soldOut.Stock})");

    var at8 = rows.FirstOrDefault(r => r.Callers == 8);
    var atMost = rows.MaxBy(r => r.Callers);
    if (at8 != default)
        Console.WriteLine($"goal 1: at 8 callers the contract reaches >= 0.5x the raw ceiling: {at8.Gated / at8.Raw:N2}x {(at8.Gated >= 0.5 * at8.Raw ? "OK" : "BELOW GOAL")}");
    if (at8 != default && atMost.Callers > 8)
        Console.WriteLine($"goal 2: at {atMost.Callers} callers no collapse (>= 0.5x the 8-caller figure): {atMost.Gated / at8.Gated:N2}x {(atMost.Gated >= 0.5 * at8.Gated ? "OK" : "BELOW GOAL")}");
    if (soldOut.Won != soldOut.Stock || soldOut.Reserved != soldOut.Stock)
    {
        Console.WriteLine("OVERSOLD or lost holds");
        exitCode = 1;
    }
}
finally
{
    await factory.DisposeAsync();
    await TestServices.DropDatabaseAsync(created);
}

return exitCode;

// The conditional UPDATE of StockLedger.TryReserveAsync, alone, autocommit.
async Task<double> RawAsync(int callers, double duration)
{
    var variant = await NewVariantAsync(100_000_000);
    var won = 0L;
    var elapsed = await LoopAsync(callers, duration, async () =>
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE inventory.stock_levels SET reserved = reserved + $2, updated_at = now() WHERE variant_id = $1 AND (NOT tracked OR policy = 'CONTINUE' OR on_hand - reserved - allocated - safety_stock >= $2) RETURNING reserved");
        command.Parameters.Add(new NpgsqlParameter { Value = variant });
        command.Parameters.Add(new NpgsqlParameter { Value = 1 });
        if (await command.ExecuteScalarAsync() is not null)
            Interlocked.Increment(ref won);
        return true;
    });
    var reserved = await ScalarAsync<int>("SELECT reserved FROM inventory.stock_levels WHERE variant_id = $1", variant);
    if (reserved != won)
        throw new InvalidOperationException($"raw: {won} updates, reserved {reserved}");
    return won / elapsed;
}

// For information: the same UPDATE inside a transaction, COMMIT sent after its answer (one more round trip under the lock).
async Task<double> RawTwoTripsAsync(int callers, double duration)
{
    var variant = await NewVariantAsync(100_000_000);
    var won = 0L;
    var elapsed = await LoopAsync(callers, duration, async () =>
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand(
            "UPDATE inventory.stock_levels SET reserved = reserved + $2, updated_at = now() WHERE variant_id = $1 AND (NOT tracked OR policy = 'CONTINUE' OR on_hand - reserved - allocated - safety_stock >= $2) RETURNING reserved",
            connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = variant });
        command.Parameters.Add(new NpgsqlParameter { Value = 1 });
        var matched = await command.ExecuteScalarAsync() is not null;
        await transaction.CommitAsync();
        if (matched)
            Interlocked.Increment(ref won);
        return true;
    });
    return won / elapsed;
}

async Task<double> ContractAsync(int callers, double duration)
{
    var variant = await NewVariantAsync(100_000_000);
    var won = 0L;
    var elapsed = await LoopAsync(callers, duration, async () =>
    {
        var answer = await ReserveAsync(variant);
        if (answer.Reserved)
            Interlocked.Increment(ref won);
        return true;
    });
    await CheckAsync(variant, won);
    return won / elapsed;
}

async Task<(int Callers, int Stock, long Won, int Reserved)> SellOutAsync(int callers, int stock)
{
    var variant = await NewVariantAsync(stock);
    var won = 0L;
    await LoopAsync(callers, seconds * 4, async () =>
    {
        var answer = await ReserveAsync(variant);
        if (answer.Reserved)
            Interlocked.Increment(ref won);
        return answer.Reserved; // a caller stops at its first refusal: the stock is gone
    });
    await CheckAsync(variant, won);
    return (callers, stock, won, await ScalarAsync<int>("SELECT reserved FROM inventory.stock_levels WHERE variant_id = $1", variant));
}

async Task<ReserveResponse> ReserveAsync(Guid variant)
{
    using var asCheckout = CallContext.Push(new CallContext(Caller.Service("Ordering"), CallContext.NewCorrelationId()));
    return await reservations.ReserveAsync(new ReserveRequest
    {
        HolderId = $"bench-{Guid.NewGuid():N}",
        TtlSeconds = 3600,
        Lines = { new StockLine { VariantId = variant.ToString(), Quantity = 1 } },
    });
}

// No oversell and nothing lost: the counter, the successful calls and the active hold rows agree, within on hand.
async Task CheckAsync(Guid variant, long won)
{
    var reserved = await ScalarAsync<int>("SELECT reserved FROM inventory.stock_levels WHERE variant_id = $1", variant);
    var holds = await ScalarAsync<long>("SELECT coalesce(sum(quantity), 0) FROM inventory.reservations WHERE variant_id = $1 AND status = 'ACTIVE'", variant);
    var onHand = await ScalarAsync<int>("SELECT on_hand FROM inventory.stock_levels WHERE variant_id = $1", variant);
    if (reserved != won || holds != won || reserved > onHand)
        throw new InvalidOperationException($"contract: {won} holds won, reserved {reserved}, active hold rows {holds}, on hand {onHand}");
}

// A fresh variant row (with the RECEIVED movement that explains its on hand), so each run starts from a clean row.
async Task<Guid> NewVariantAsync(int onHand)
{
    var variant = Guid.CreateVersion7();
    await using var batch = dataSource.CreateBatch();
    var level = new NpgsqlBatchCommand(
        """
        INSERT INTO inventory.stock_levels (variant_id, product_id, store_id, seller_id, sku, product_title, on_hand, available_for_sale, created_at, updated_at)
        VALUES ($1, $2, $3, $4, 'BENCH', 'Bench', $5, true, now(), now())
        """);
    foreach (var value in new object[] { variant, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), onHand })
        level.Parameters.Add(new NpgsqlParameter { Value = value });
    var movement = new NpgsqlBatchCommand(
        """
        INSERT INTO inventory.stock_movements (variant_id, kind, quantity, on_hand_delta, reserved_delta, allocated_delta, reason, actor_kind, occurred_at)
        VALUES ($1, 'RECEIVED', $2, $2, 0, 0, 'RECEIVED', 'SYSTEM', now())
        """);
    movement.Parameters.Add(new NpgsqlParameter { Value = variant });
    movement.Parameters.Add(new NpgsqlParameter { Value = onHand });
    batch.BatchCommands.Add(level);
    batch.BatchCommands.Add(movement);
    await batch.ExecuteNonQueryAsync();
    return variant;
}

// Closed loop: each caller calls again as soon as it has its answer, until the time is up (or it stops itself).
static async Task<double> LoopAsync(int callers, double duration, Func<Task<bool>> call)
{
    var stopAt = Stopwatch.GetTimestamp() + (long)(duration * Stopwatch.Frequency);
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
    {
        while (Stopwatch.GetTimestamp() < stopAt && await call())
        {
        }
    })));
    return clock.Elapsed.TotalSeconds;
}

async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
{
    await using var command = dataSource.CreateCommand(sql);
    foreach (var parameter in parameters)
        command.Parameters.Add(new NpgsqlParameter { Value = parameter });
    return (T)(await command.ExecuteScalarAsync())!;
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}

// The machine's 1-minute load average (this benchmark shares its cores with whatever else runs).
static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

string? Option(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
