using System.Collections.Concurrent;
using System.Diagnostics;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.Events;
using Marketplace.Shared.Modules;
using Marketplace.Shared.Operations;
using Marketplace.Shared.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NATS.Client.Core;
using NATS.Client.JetStream;
using Npgsql;

// Relay throughput (windowed acks vs one awaited ack per message) and event → handler latency, on the services
// scripts/services.sh starts (override with the usual ConnectionStrings__* variables). Loopback only; bounded.
//   dotnet run -c Release --project bench/Marketplace.Events.Bench [-- --events 50000 --rounds 3 --batch 500 --window 256
//     --concurrency 1 --latency-events 300 --headers]   (defaults = the relay's production defaults)
var postgres = Environment.GetEnvironmentVariable("ConnectionStrings__Marketplace") ?? "Host=127.0.0.1;Port=15432;Database=marketplace;Username=marketplace;Password=marketplace";
var nats = Environment.GetEnvironmentVariable("ConnectionStrings__Nats") ?? "nats://127.0.0.1:14222";
var redis = Environment.GetEnvironmentVariable("ConnectionStrings__Redis") ?? "127.0.0.1:16379";
var events = Argument("--events", 50000);
var rounds = Argument("--rounds", 3);
var latencyEvents = Argument("--latency-events", 300);
var windowSize = Argument("--window", 1000);
var batchSize = Argument("--batch", 1000);
var concurrency = Argument("--concurrency", 2);
using var budget = new CancellationTokenSource(TimeSpan.FromMinutes(10));

var database = $"bench_{Guid.NewGuid():N}"[..20];
await Admin($"CREATE DATABASE \"{database}\"");
var connection = new NpgsqlConnectionStringBuilder(postgres) { Database = database }.ConnectionString;
try
{
    // Rounds alternate baseline and windowed runs so that drift on a shared machine hits both alike; the medians
    // and the median of the per-round ratios are reported.
    Console.WriteLine($"Relay throughput, {events} events per run, {rounds} round(s) (PostgreSQL outbox → JetStream, file storage, loopback)");
    // One discarded run of each first: JIT, connection pools and the first stream of a fresh NATS server.
    await RelayThroughputAsync(window: 1, concurrency: 1);
    await RelayThroughputAsync(window: windowSize, concurrency: concurrency);
    var serialRuns = new List<double>();
    var windowedRuns = new List<double>();
    for (var round = 1; round <= rounds; round++)
    {
        serialRuns.Add(await RelayThroughputAsync(window: 1, concurrency: 1));
        windowedRuns.Add(await RelayThroughputAsync(window: windowSize, concurrency: concurrency));
        Console.WriteLine($"  round {round}: {serialRuns[^1],8:N0} vs {windowedRuns[^1],8:N0} events/s = {windowedRuns[^1] / serialRuns[^1],5:N1}x");
    }

    var ratios = serialRuns.Zip(windowedRuns, (serial, windowed) => windowed / serial).ToArray();
    Console.WriteLine($"  one awaited ack per message, one relay loop     : {Median(serialRuns),10:N0} events/s (median)");
    Console.WriteLine($"  windowed acks ({windowSize} in flight), {concurrency} relay loop(s): {Median(windowedRuns),10:N0} events/s (median)");
    Console.WriteLine($"  speed-up                                       : {Median(ratios),10:N1}x median of rounds (goal ≥ 10x)");

    var (pureSerial, pureWindowed) = await PurePublishAsync();
    Console.WriteLine($"  for reference, JetStream publish alone (no PostgreSQL): {pureSerial:N0} events/s one by one, {pureWindowed:N0} events/s windowed");

    Console.WriteLine($"Event → handler latency, {latencyEvents} events written one per transaction, 5 ms apart");
    var (p50, p95, max) = await LatencyAsync();
    Console.WriteLine($"  p50 {p50:N1} ms   p95 {p95:N1} ms   max {max:N1} ms");
}
finally
{
    NpgsqlConnection.ClearAllPools();
    // FORCE cannot end an autovacuum worker that happens to be in the database: try again shortly.
    for (var attempt = 1; ; attempt++)
    {
        try
        {
            await Admin($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
            break;
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 10)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }
}

return 0;

async Task<double> RelayThroughputAsync(int window, int concurrency)
{
    var prefix = $"bench{Guid.NewGuid():N}"[..13];
    using var host = Build(prefix, o =>
    {
        o.Relay.PublishWindow = window;
        o.Relay.Concurrency = concurrency;
        o.Relay.BatchSize = batchSize;
        o.Consumers.Enabled = false;
    });
    await CreateTablesAsync(host.Services);
    await using (var scope = host.Services.CreateAsyncScope())
    {
        var db = scope.ServiceProvider.GetRequiredService<BenchDbContext>();
        await db.OutboxMessages.ExecuteDeleteAsync(budget.Token);
        for (var i = 0; i < events; i++)
            db.AddEvent(new ThingHappened(Guid.CreateVersion7(), i, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync(budget.Token);
    }

    // Warm the connection and the stream first so the run measures the relay, not the first connect.
    await host.Services.GetRequiredService<StreamProvisioner>().EnsureAsync("bench", budget.Token);
    var source = host.Services.GetServices<ModuleDataSource>().Single().DataSource;
    var stopwatch = Stopwatch.StartNew();
    await host.StartAsync(budget.Token);
    while (await Unsent(source) > 0)
        await Task.Delay(10, budget.Token);
    stopwatch.Stop();
    await host.StopAsync(budget.Token);
    await DeleteStreamsAsync(prefix);
    return events / stopwatch.Elapsed.TotalSeconds;
}

async Task<(double Serial, double Windowed)> PurePublishAsync()
{
    var prefix = $"bench{Guid.NewGuid():N}"[..13];
    using var host = Build(prefix, _ => { });
    var provisioner = host.Services.GetRequiredService<StreamProvisioner>();
    await provisioner.EnsureAsync("bench", budget.Token);
    var subject = EventSubjects.OnWire("marketplace.bench.thing_happened.v1", prefix);
    var body = System.Text.Encoding.UTF8.GetBytes("{\"thingId\":\"01a20bb7-efed-713e-9fe9-fd20b2e6f2d0\",\"number\":1}");
    var withHeaders = args.Contains("--headers");
    EventEnvelope Envelope() => new(Guid.CreateVersion7(), "marketplace.bench.thing_happened.v1", DateTimeOffset.UtcNow, "0123456789abcdef0123456789abcdef", null, null, "{}");
    async Task<double> RunAsync(int window)
    {
        var stopwatch = Stopwatch.StartNew();
        for (var start = 0; start < events; start += window)
        {
            var acks = Enumerable.Range(start, Math.Min(window, events - start))
                .Select(_ => provisioner.JetStream.PublishAsync(subject, body, headers: withHeaders ? Envelope().ToHeaders() : null, opts: new NatsJSPubOpts { MsgId = Guid.CreateVersion7().ToString() }, cancellationToken: budget.Token).AsTask())
                .ToArray();
            await Task.WhenAll(acks);
        }

        return events / stopwatch.Elapsed.TotalSeconds;
    }

    var serialRate = await RunAsync(1);
    var windowedRate = await RunAsync(windowSize);
    await DeleteStreamsAsync(prefix);
    return (serialRate, windowedRate);
}

async Task<(double P50, double P95, double Max)> LatencyAsync()
{
    var prefix = $"bench{Guid.NewGuid():N}"[..13];
    using var host = Build(prefix, _ => { });
    await CreateTablesAsync(host.Services);
    await host.StartAsync(budget.Token);
    var recorder = host.Services.GetRequiredService<LatencyRecorder>();

    // Warm-up: first event creates the consumer's pull and JIT paths.
    await WriteAsync(host.Services, -1);
    while (recorder.Latencies.IsEmpty)
        await Task.Delay(10, budget.Token);
    recorder.Latencies.Clear();

    for (var i = 0; i < latencyEvents; i++)
    {
        await WriteAsync(host.Services, i);
        await Task.Delay(5, budget.Token);
    }

    while (recorder.Latencies.Count < latencyEvents)
        await Task.Delay(10, budget.Token);
    await host.StopAsync(budget.Token);
    await DeleteStreamsAsync(prefix);
    var sorted = recorder.Latencies.OrderBy(l => l).ToArray();
    return (Percentile(sorted, 0.50), Percentile(sorted, 0.95), sorted[^1]);
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}

static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

async Task WriteAsync(IServiceProvider services, int number)
{
    await using var scope = services.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<BenchDbContext>();
    db.AddEvent(new ThingHappened(Guid.CreateVersion7(), number, DateTimeOffset.UtcNow));
    await db.SaveChangesAsync(budget.Token);
}

IHost Build(string prefix, Action<EventBackboneOptions> configure)
{
    var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["ConnectionStrings:Marketplace"] = connection,
        ["ConnectionStrings:Redis"] = redis,
        ["ConnectionStrings:Nats"] = nats,
        ["Events:SubjectPrefix"] = prefix,
        ["Events:Relay:PollInterval"] = "00:00:00.050",
    });
    builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
    builder.Services.AddSingleton<LatencyRecorder>();
    builder.Services.AddMarketplaceInfrastructure(builder.Configuration);
    builder.Services.AddModules(builder.Configuration, [new BenchModule()]);
    builder.Services.AddEventBackbone(builder.Configuration);
    builder.Services.PostConfigure(configure);
    return builder.Build();
}

async Task CreateTablesAsync(IServiceProvider services)
{
    await using var scope = services.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<BenchDbContext>();
    var creator = db.GetService<IRelationalDatabaseCreator>();
    await using var check = new NpgsqlConnection(connection);
    await check.OpenAsync(budget.Token);
    await using var exists = new NpgsqlCommand("SELECT to_regclass('bench.outbox_messages') IS NOT NULL", check);
    if (!(bool)(await exists.ExecuteScalarAsync(budget.Token))!)
        await creator.CreateTablesAsync(budget.Token);
}

async Task<long> Unsent(NpgsqlDataSource source)
{
    await using var command = source.CreateCommand("SELECT count(*) FROM bench.outbox_messages WHERE sent_at IS NULL");
    return (long)(await command.ExecuteScalarAsync(budget.Token))!;
}

async Task DeleteStreamsAsync(string prefix)
{
    await using var connectionToNats = new NatsConnection(NatsOpts.Default with { Url = nats });
    var js = new NatsJSContext(connectionToNats);
    await js.DeleteStreamAsync(EventSubjects.StreamOf("bench", prefix));
}

async Task Admin(string sql)
{
    await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(postgres) { Database = "postgres" }.ConnectionString);
    await admin.OpenAsync();
    await using var command = new NpgsqlCommand(sql, admin);
    await command.ExecuteNonQueryAsync();
}

int Argument(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) ? value : fallback;
}

[IntegrationEvent("marketplace.bench.thing_happened.v1")]
internal sealed record ThingHappened(Guid ThingId, int Number, DateTimeOffset WrittenAt) : IIntegrationEvent;

internal sealed class BenchDbContext(DbContextOptions<BenchDbContext> options) : ModuleDbContext(options, "bench");

internal sealed class BenchModule : IModule
{
    public string Name => "Bench";

    public string Schema => "bench";

    public void Register(ModuleBuilder module) =>
        module.AddDbContext<BenchDbContext>().AddEventConsumer<RecordLatency, ThingHappened>();
}

internal sealed class LatencyRecorder
{
    public ConcurrentQueue<double> Latencies { get; } = new();
}

/// <summary>Latency = handler start − the moment the writer added the event (one clock: this process).</summary>
internal sealed class RecordLatency(LatencyRecorder recorder) : IEventHandler<ThingHappened>
{
    public Task HandleAsync(ThingHappened integrationEvent, CancellationToken cancellationToken)
    {
        recorder.Latencies.Enqueue((DateTimeOffset.UtcNow - integrationEvent.WrittenAt).TotalMilliseconds);
        return Task.CompletedTask;
    }
}
