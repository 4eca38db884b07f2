using Marketplace.Shared.Contracts;
using Marketplace.Shared.Events;
using Marketplace.Shared.Jobs;
using Marketplace.Shared.Modules;
using Marketplace.Shared.Operations;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NATS.Client.Core;
using NATS.Client.JetStream;

namespace Marketplace.Events.Tests.Fixtures;

/// <summary>
/// One "host instance" of the test marketplace: the Shared building blocks wired as the real host wires them
/// (infrastructure, modules, event backbone, optionally jobs), against a test's own database and subject prefix.
/// </summary>
public sealed class EventsHost : IAsyncDisposable
{
    private readonly IHost _host;

    private EventsHost(IHost host, Scenario scenario)
    {
        _host = host;
        Scenario = scenario;
    }

    public Scenario Scenario { get; }

    public IServiceProvider Services => _host.Services;

    public static async Task<EventsHost> StartAsync(Scenario scenario, bool jobs = false, Action<EventBackboneOptions>? configure = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Marketplace"] = scenario.Database,
            ["ConnectionStrings:Redis"] = scenario.Redis,
            ["ConnectionStrings:Nats"] = scenario.Nats,
            ["Events:SubjectPrefix"] = scenario.Prefix,
            ["Events:Relay:PollInterval"] = "00:00:00.100",
            ["Events:Relay:MinBackoff"] = "00:00:00.100",
            ["Events:Relay:MaxBackoff"] = "00:00:01",
            ["Events:Consumers:AckWait"] = "00:00:10",
            ["Events:Consumers:MaxDeliver"] = "4",
            ["Events:Consumers:Backoff:0"] = "00:00:00.100",
            ["Events:Consumers:Backoff:1"] = "00:00:00.200",
            ["Events:Consumers:Backoff:2"] = "00:00:00.400",
            ["Events:Consumers:MaxTransientBackoff"] = "00:00:01",
            ["Events:Streams:MaxAge"] = "01:00:00",
            ["Events:Streams:MaxBytes"] = "67108864",
            ["Jobs:PollInterval"] = "00:00:01",
            ["Jobs:Prefix"] = $"{scenario.Prefix}:jobs:",
            ["Jobs:WorkerCount"] = "2",
        });
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(scenario.Plan);
        builder.Services.AddMarketplaceInfrastructure(builder.Configuration);
        builder.Services.AddModules(builder.Configuration, [new ShopModule(), new MailerModule(), new LedgerModule()]);
        builder.Services.AddEventBackbone(builder.Configuration);
        if (configure is not null)
            builder.Services.PostConfigure(configure);
        if (jobs)
            builder.Services.AddJobs(builder.Configuration);

        var host = builder.Build();
        await scenario.EnsureTablesAsync(host.Services);
        await host.StartAsync();
        return new EventsHost(host, scenario);
    }

    /// <summary>Places orders, each in its own transaction: the order row and its OrderPlaced event commit together.</summary>
    public async Task<IReadOnlyList<Guid>> PlaceOrdersAsync(IEnumerable<int> numbers, string? correlationId = null)
    {
        var ids = new List<Guid>();
        using var call = CallContext.Push(new CallContext(Caller.User("buyer-1", [Roles.Buyer]), correlationId ?? CallContext.NewCorrelationId()));
        foreach (var number in numbers)
        {
            await using var scope = Services.CreateAsyncScope();
            var shop = scope.ServiceProvider.GetRequiredService<ShopDbContext>();
            var order = new Order { Id = Guid.CreateVersion7(), Number = number };
            shop.Orders.Add(order);
            ids.Add(shop.AddEvent(new OrderPlaced(order.Id, number)).Id);
            await shop.SaveChangesAsync();
        }

        return ids;
    }

    public async Task<T> QueryAsync<TContext, T>(Func<TContext, Task<T>> query)
        where TContext : DbContext
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<TContext>());
    }

    public async Task StopAsync() => await _host.StopAsync(TimeSpan.FromSeconds(10));

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
            // Stopping a host twice, or one whose start failed, is fine in a test's cleanup.
        }

        _host.Dispose();
    }
}

/// <summary>What one test owns: a fresh database, a unique subject prefix (so its streams are its own), the fault plan.</summary>
public sealed class Scenario : IAsyncDisposable
{
    private readonly SemaphoreSlim _tablesLock = new(1, 1);
    private bool _tablesCreated;

    private Scenario(string database, string prefix, string nats, string redis)
    {
        Database = database;
        Prefix = prefix;
        Nats = nats;
        Redis = redis;
    }

    public string Database { get; }

    public string Prefix { get; }

    public string Nats { get; }

    public string Redis { get; }

    public FaultPlan Plan { get; } = new();

    public string ShopStream => EventSubjects.StreamOf("shop", Prefix);

    public static async Task<Scenario> CreateAsync(string? nats = null, string? redis = null) =>
        new(await TestServices.CreateDatabaseAsync("events"), $"t{Guid.NewGuid():N}"[..13], nats ?? TestServices.Nats, redis ?? TestServices.Redis);

    internal async Task EnsureTablesAsync(IServiceProvider services)
    {
        await _tablesLock.WaitAsync();
        try
        {
            if (_tablesCreated)
                return;
            await using var scope = services.CreateAsyncScope();
            foreach (var module in services.GetRequiredService<ModuleRegistry>().Modules)
            {
                var context = (DbContext)scope.ServiceProvider.GetRequiredService(module.DbContextType!);
                await context.GetService<IRelationalDatabaseCreator>().CreateTablesAsync();
            }

            _tablesCreated = true;
        }
        finally
        {
            _tablesLock.Release();
        }
    }

    /// <summary>Messages JetStream holds for the Shop stream (after de-duplication).</summary>
    public async Task<long> StreamMessagesAsync()
    {
        await using var nats = new NatsConnection(NatsOpts.Default with { Url = Nats });
        var stream = await new NatsJSContext(nats).GetStreamAsync(ShopStream);
        return stream.Info.State.Messages;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var nats = new NatsConnection(NatsOpts.Default with { Url = Nats, ConnectTimeout = TimeSpan.FromSeconds(2) });
            var js = new NatsJSContext(nats);
            await foreach (var name in js.ListStreamNamesAsync())
            {
                if (name.StartsWith(Prefix.ToUpperInvariant() + "_", StringComparison.Ordinal))
                    await js.DeleteStreamAsync(name);
            }
        }
        catch (Exception exception) when (exception is NatsException or TimeoutException or OperationCanceledException)
        {
            // A private NATS is already gone with its data directory.
        }

        await TestServices.DropDatabaseAsync(Database);
        _tablesLock.Dispose();
    }
}
