using System.Net;
using System.Text.Json.Nodes;

[assembly: AssemblyFixture(typeof(Marketplace.EndToEnd.Tests.Support.Topology))]

namespace Marketplace.EndToEnd.Tests.Support;

/// <summary>
/// The product as real processes of the built host, in the topology <c>MARKETPLACE_E2E_TOPOLOGY</c> names:
/// <c>single</c> (default: one process, every module in it) or <c>split</c> (the seed's topology as
/// <c>scripts/start.sh --split</c> runs it: a gateway process plus one process per module, each with its own database,
/// calling each other over gRPC with one service token). Tests speak only GraphQL (and read the development SMS inbox and
/// maildev), so the same journeys run against both.
/// <para>
/// Never the demo's ports or databases: free ports, databases of this run (dropped afterwards), its own NATS subject
/// prefix and job keys, so it runs beside a demo and beside the other suites.
/// </para>
/// </summary>
public sealed class Topology : IAsyncLifetime
{
    /// <summary>The modules, in the order start.sh starts and seeds them.</summary>
    public static readonly string[] Modules = ["Users", "Sellers", "Catalog", "Inventory", "Ordering", "Media", "Notifications"];

    private readonly string _run = Guid.NewGuid().ToString("N")[..10];
    private readonly string _token = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
    private readonly Dictionary<string, HostProcess.Running> _processes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Http, int Grpc)> _ports = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _databases = new(StringComparer.Ordinal);
    private readonly string _mediaRoot = Path.Combine(Path.GetTempPath(), $"marketplace-e2e-{Guid.NewGuid():N}");
    private TestSigningKey? _tokens;
    private int _gatewayPort;

    public bool IsSplit { get; } = (Environment.GetEnvironmentVariable("MARKETPLACE_E2E_TOPOLOGY") ?? "single") switch
    {
        "single" => false,
        "split" => true,
        var other => throw new InvalidOperationException($"MARKETPLACE_E2E_TOPOLOGY = '{other}': expected single or split"),
    };

    public string Name => IsSplit ? "split" : "single";

    public Uri GatewayUrl => new($"http://127.0.0.1:{_gatewayPort}");

    public HttpClient Client() => new() { BaseAddress = GatewayUrl, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>An administrator's access token (administrators exist only through create-admin; this key is published in Users' database).</summary>
    public string AdminToken() => _tokens!.Issue(Guid.CreateVersion7().ToString(), ["ADMIN"]);

    public async ValueTask InitializeAsync()
    {
        _gatewayPort = HostProcess.FreePort();
        if (IsSplit)
        {
            foreach (var module in Modules)
            {
                _ports[module] = (HostProcess.FreePort(), HostProcess.FreePort());
                _databases[module] = await TestServices.CreateDatabaseAsync($"e2e_{module.ToLowerInvariant()}");
            }

            foreach (var module in Modules)
                _processes[module] = HostProcess.Start([], ModuleSettings(module));
            foreach (var module in Modules)
                await WaitReadyAsync(module, _ports[module].Http);
            _processes["gateway"] = HostProcess.Start([], GatewaySettings());
        }
        else
        {
            _databases["all"] = await TestServices.CreateDatabaseAsync("e2e");
            var settings = Common();
            settings["ConnectionStrings__Marketplace"] = _databases["all"];
            settings["Server__HttpPort"] = _gatewayPort.ToString();
            _processes["gateway"] = HostProcess.Start([], settings);
        }

        await WaitReadyAsync("gateway", _gatewayPort, requireHealthy: true);
        _tokens = await TestSigningKey.CreateAsync(IsSplit ? _databases["Users"] : _databases["all"]);
    }

    /// <summary>Kills one module's process (split topology), as a crash would.</summary>
    public async Task KillAsync(string module)
    {
        await _processes[module].DisposeAsync();
        _processes.Remove(module);
    }

    /// <summary>Starts a killed module's process again on the same ports and database; waits until the gateway sees it.</summary>
    public async Task RestartAsync(string module)
    {
        _processes[module] = HostProcess.Start([], ModuleSettings(module));
        await WaitReadyAsync(module, _ports[module].Http);
        await WaitReadyAsync("gateway", _gatewayPort, requireHealthy: true);
    }

    /// <summary>The gateway's readiness document (<c>/health/ready</c>).</summary>
    public async Task<(HttpStatusCode Status, JsonNode Body)> ReadinessAsync()
    {
        using var http = Client();
        using var response = await http.GetAsync("/health/ready");
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes.Values)
            await process.DisposeAsync();
        foreach (var database in _databases.Values)
            await TestServices.DropDatabaseAsync(database);
        if (Directory.Exists(_mediaRoot))
            Directory.Delete(_mediaRoot, recursive: true);
    }

    /// <summary>What every process of the run gets: the test services (inherited), Development (the SMS inbox), this run's prefixes.</summary>
    private Dictionary<string, string?> Common() => new(StringComparer.Ordinal)
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["Server__BindAddress"] = "127.0.0.1",
        ["Contracts__ServiceToken"] = _token,
        ["Database__MigrateOnStart"] = "true",
        ["Events__SubjectPrefix"] = $"e2e{_run}",
        ["Events__Streams__MaxBytes"] = "16777216",
        ["Jobs__Prefix"] = $"test:e2e{_run}:",
        // Two cores shared with other suites, and PBKDF2 at 210,000 iterations per sign-up and sign-in: generous time
        // limits, so a busy machine is not mistaken for a fault (the outage test needs no deadline to fire: a dead
        // process refuses connections at once).
        ["Gateway__ExecutionTimeout"] = "00:00:45",
        ["Contracts__Deadline"] = "00:00:40",
        ["Gateway__RateLimitPerIp"] = "0",
        ["Gateway__RateLimitPerUser"] = "0",
        // The run publishes its own signing key for administrators' tokens: fetch unknown key ids at once.
        ["Gateway__Auth__KeyRefreshMinInterval"] = "00:00:00",
        // Every journey signs in its own buyers and sellers from one client address.
        ["Modules__Users__Limits__CodeSendsPerIpPerHour"] = "100000",
        ["Modules__Users__Limits__RegistrationsPerIpPerHour"] = "100000",
        ["Modules__Users__Limits__EmailsPerIpPerHour"] = "100000",
        ["Modules__Users__Limits__LoginsPerIpPer15Minutes"] = "100000",
        // Links in emails point at the gateway, whichever process writes them.
        ["Modules__Users__PublicBaseUrl"] = $"http://127.0.0.1:{_gatewayPort}",
        ["Modules__Notifications__PublicBaseUrl"] = $"http://127.0.0.1:{_gatewayPort}",
        ["Modules__Media__Storage__LocalDisk__Root"] = _mediaRoot,
        // The lifecycle journey follows an order to COMPLETED and into a payout: a 1-second return window, the completion
        // job every minute, no hold on completed sales.
        ["Modules__Ordering__Lifecycle__ReturnWindow"] = "00:00:01",
        ["Modules__Ordering__Lifecycle__CompletionCron"] = "* * * * *",
        ["Modules__Sellers__Payouts__HoldPeriod"] = "00:00:00",
    };

    /// <summary>One module's process, as start.sh --split starts it: its module, its database, every other module's endpoint.</summary>
    private Dictionary<string, string?> ModuleSettings(string module)
    {
        var settings = Common();
        settings["Host__Modules"] = module;
        settings["Server__HttpPort"] = _ports[module].Http.ToString();
        settings["Server__GrpcPort"] = _ports[module].Grpc.ToString();
        settings["ConnectionStrings__Marketplace"] = null;
        settings[$"ConnectionStrings__{module}"] = _databases[module];
        foreach (var other in Modules.Where(m => m != module))
            settings[$"Modules__{other}__Endpoint"] = $"http://127.0.0.1:{_ports[other].Grpc}";
        return settings;
    }

    private Dictionary<string, string?> GatewaySettings()
    {
        var settings = Common();
        settings["Server__HttpPort"] = _gatewayPort.ToString();
        settings["ConnectionStrings__Marketplace"] = null;
        foreach (var module in Modules)
            settings[$"Modules__{module}__Endpoint"] = $"http://127.0.0.1:{_ports[module].Grpc}";
        return settings;
    }

    private async Task WaitReadyAsync(string name, int port, bool requireHealthy = false)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
        await Eventually.AssertAsync(
            async () =>
            {
                if (_processes.TryGetValue(name, out var process) && process.HasExited)
                    throw new InvalidOperationException($"{name} exited early: {process.Output}");
                try
                {
                    using var response = await http.GetAsync("/health/ready");
                    var body = JsonNode.Parse(await response.Content.ReadAsStringAsync());
                    return response.StatusCode == HttpStatusCode.OK && (!requireHealthy || body?["status"]?.GetValue<string>() == "Healthy");
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                {
                    return false;
                }
            },
            TimeSpan.FromSeconds(180),
            $"{name} ({Name} topology) becomes ready on :{port}");
    }
}
