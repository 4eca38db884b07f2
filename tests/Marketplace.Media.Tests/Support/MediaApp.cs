using Marketplace.Modules.Media.Contracts.V1;
using Marketplace.Modules.Notifications.Contracts.V1;
using Marketplace.Shared.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NATS.Client.Core;
using NATS.Client.JetStream;

[assembly: AssemblyFixture(typeof(Marketplace.Media.Tests.Support.MediaApp))]

namespace Marketplace.Media.Tests.Support;

/// <summary>
/// The whole host in local-disk mode (the single-container default) against the real services: its own database, NATS
/// subject prefix and job keys (so no other suite's host renders, sweeps or consumes this suite's media), media files
/// under a temporary directory, housekeeping every second, and the Notifications contract recorded (seller
/// verification). The Media contract is counted per request, so a test can tell how many GetAssets calls a query made.
/// </summary>
public sealed class MediaApp : MarketplaceFactory, IAsyncLifetime, IRecordsEmails
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..10];

    public MediaApp()
    {
        MediaRoot = MediaTestEnvironment.NewTempDirectory();
        With("Gateway:RateLimitPerIp", "0");
        With("Gateway:RateLimitPerUser", "0");
        With("Gateway:Auth:KeyRefreshMinInterval", "00:00:00");
        With("Events:SubjectPrefix", SubjectPrefix);
        With("Events:Consumers:Backoff:0", "00:00:01");
        With("Events:Streams:MaxBytes", "16777216");
        With("Jobs:Prefix", $"test:md{_run}:");
        With("Jobs:PollInterval", "00:00:01");
        With("Modules:Media:Storage:LocalDisk:Root", MediaRoot.FullName);
        With("Modules:Media:Lifecycle:SweepInterval", "00:00:01");
        With("Modules:Media:Video:MaxDuration", "00:00:08");
        With("Modules:Media:Uploads:MaxPerOwnerPerHour", "30");
        With("Modules:Media:Uploads:RateLimitPerIpPerMinute", UploadsPerIpPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The local upload endpoint's budget per client address in this host.</summary>
    public const int UploadsPerIpPerMinute = 20;

    /// <summary>
    /// The in-memory server has no client addresses: requests with this header come from the address it names, all
    /// others from an address of their own (so the suite's tests never share the upload endpoint's per-address budget).
    /// </summary>
    public const string ClientIpHeader = "X-Test-Client-Ip";

    public RecordingNotifications Emails { get; } = new();

    public CountingInvoker? MediaCalls { get; private set; }

    public DirectoryInfo MediaRoot { get; }

    public TestSigningKey Tokens { get; private set; } = null!;

    public string SubjectPrefix => $"md{_run}";

    public string Database { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        Database = await TestServices.CreateDatabaseAsync("media");
        TestServices.SuiteDatabase = Database;
        With("ConnectionStrings:Marketplace", Database);
        _ = Services; // starts the host: migrations run before the signing key row is written
        Tokens = await TestSigningKey.CreateAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Database.Length > 0)
        {
            await DeleteStreamsAsync(SubjectPrefix);
            TestServices.SuiteDatabase = null;
            await TestServices.DropDatabaseAsync(Database);
        }

        MediaRoot.Delete(recursive: true);
    }

    public string AdminToken() => Tokens.Issue(Guid.CreateVersion7().ToString(), ["ADMIN"]);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(new NotificationsDelivery.NotificationsDeliveryClient(Emails));
            services.AddSingleton<IStartupFilter, ClientAddresses>();
            services.AddSingleton(sp =>
            {
                MediaCalls = new CountingInvoker(sp.GetRequiredService<ContractChannels>().InvokerFor("Media"));
                return new MediaAssets.MediaAssetsClient(MediaCalls);
            });
        });
    }

    private sealed class ClientAddresses : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, inner) =>
            {
                http.Connection.RemoteIpAddress = http.Request.Headers.TryGetValue(ClientIpHeader, out var ip)
                    ? System.Net.IPAddress.Parse(ip.ToString())
                    : new System.Net.IPAddress(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4));
                return inner(http);
            });
            next(app);
        };
    }

    /// <summary>Removes a suite's JetStream streams (they are per subject prefix).</summary>
    public static async Task DeleteStreamsAsync(string subjectPrefix)
    {
        await using var nats = new NatsConnection(NatsOpts.Default with { Url = TestServices.Nats });
        var jetStream = new NatsJSContext(nats);
        var mine = new List<string>();
        await foreach (var name in jetStream.ListStreamNamesAsync())
        {
            if (name.StartsWith(Marketplace.Shared.Events.EventSubjects.StreamOf("", subjectPrefix).TrimEnd('_'), StringComparison.Ordinal))
                mine.Add(name);
        }

        foreach (var name in mine)
            await jetStream.DeleteStreamAsync(name);
    }
}
