using Marketplace.Modules.Catalog.Contracts.V1;
using Marketplace.Modules.Notifications.Contracts.V1;
using Marketplace.Modules.Sellers.Contracts.V1;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.Events;
using Marketplace.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NATS.Client.Core;
using NATS.Client.JetStream;

[assembly: AssemblyFixture(typeof(Marketplace.Catalog.Tests.Support.CatalogApp))]

namespace Marketplace.Catalog.Tests.Support;

/// <summary>
/// The whole host against the real services, with the Notifications contract recorded (seller verification tokens are
/// read from it) and the Sellers contract counted (DataLoader batching). One host for the assembly: every test uses its
/// own sellers, stores, SKUs and category slugs. Administrators' tokens are signed by <see cref="TestSigningKey"/>.
/// <para>
/// The suite runs in a database of its own, with its own NATS subject prefix (so its own streams and durable consumers)
/// and its own job prefix. Otherwise the hosts of the other suites, which load the Catalog module too and run side by
/// side in a full test run, would share the durable consumers of Catalog's events and handle some of this suite's events
/// in their processes: the search rows would still appear (one database), but anything observed in this process, such
/// as the projection-lag metric, would be missing now and then.
/// </para>
/// </summary>
public sealed class CatalogApp : MarketplaceFactory, IAsyncLifetime, IRecordsEmails
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..10];

    public CatalogApp()
    {
        With("Gateway:RateLimitPerIp", "0");
        With("Gateway:RateLimitPerUser", "0");
        // Each run stores a fresh signing key for its admin tokens: fetch unknown key ids at once.
        With("Gateway:Auth:KeyRefreshMinInterval", "00:00:00");
        // A search rebuild pauses before each batch, so the reindex test can search while it runs.
        With("Modules:Catalog:Search:ReindexBatchPause", "00:00:00.300");
        With("Events:SubjectPrefix", SubjectPrefix);
        With("Events:Consumers:Backoff:0", "00:00:01");
        // JetStream reserves MaxBytes per stream up front: keep test streams small so they never exhaust the server.
        With("Events:Streams:MaxBytes", "16777216");
        With("Jobs:Prefix", $"test:ct{_run}:");
    }

    public RecordingNotifications Emails { get; } = new();

    public CountingInvoker? Sellers { get; private set; }

    /// <summary>The gateway's calls of the Catalog taxonomy contract (GetCategories, ListCategories).</summary>
    public CountingInvoker? Taxonomy { get; private set; }

    public TestSigningKey Tokens { get; private set; } = null!;

    /// <summary>This suite's NATS subject prefix (its streams are <c>CT…_MARKETPLACE_*</c>).</summary>
    public string SubjectPrefix => $"ct{_run}";

    public string Database { get; private set; } = "";

    /// <summary>The application name of the searches' own connections (<c>ConnectionStrings:CatalogSearch</c>).</summary>
    public string SearchReplicaApplication => $"ct{_run}-search-replica";

    public async ValueTask InitializeAsync()
    {
        Database = await TestServices.CreateDatabaseAsync("catalog");
        TestServices.SuiteDatabase = Database;
        With("ConnectionStrings:Marketplace", Database);
        // Searches read through their own connection string, as with a read replica (docs/catalog-search.md): here the
        // same database under its own application name, so every search test goes through that path and
        // SearchReplicaTests can see where the searches ran.
        With("ConnectionStrings:CatalogSearch", new Npgsql.NpgsqlConnectionStringBuilder(Database) { ApplicationName = SearchReplicaApplication }.ConnectionString);
        _ = Services; // starts the host: migrations run before the signing key row is written
        Tokens = await TestSigningKey.CreateAsync();
        // Streams are provisioned in the background at start-up; some tests publish into the Sellers stream.
        var jetStream = new NatsJSContext((NatsConnection)Services.GetRequiredService<INatsConnection>());
        await Eventually.ReturnsAsync(
            async () =>
            {
                try
                {
                    await jetStream.GetStreamAsync(EventSubjects.StreamOf("Sellers", SubjectPrefix));
                    return "ok";
                }
                catch (NatsJSException exception)
                {
                    return exception.Message;
                }
            },
            v => v == "ok",
            TimeSpan.FromSeconds(60),
            "the Sellers stream exists");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Database.Length == 0)
            return;
        await using (var nats = new NatsConnection(NatsOpts.Default with { Url = TestServices.Nats }))
        {
            var jetStream = new NatsJSContext(nats);
            var mine = new List<string>();
            await foreach (var name in jetStream.ListStreamNamesAsync())
            {
                if (name.StartsWith(EventSubjects.StreamOf("", SubjectPrefix).TrimEnd('_'), StringComparison.Ordinal))
                    mine.Add(name);
            }

            foreach (var name in mine)
                await jetStream.DeleteStreamAsync(name);
        }

        TestServices.SuiteDatabase = null;
        await TestServices.DropDatabaseAsync(Database);
    }

    /// <summary>An administrator's access token (administrators exist only through the create-admin command).</summary>
    public string AdminToken() => Tokens.Issue(Guid.CreateVersion7().ToString(), ["ADMIN"]);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(new NotificationsDelivery.NotificationsDeliveryClient(Emails));
            services.AddSingleton(sp =>
            {
                Sellers = new CountingInvoker(sp.GetRequiredService<ContractChannels>().InvokerFor("Sellers"));
                return new SellersStores.SellersStoresClient(Sellers);
            });
            services.AddSingleton(sp =>
            {
                Taxonomy = new CountingInvoker(sp.GetRequiredService<ContractChannels>().InvokerFor("Catalog"));
                return new CatalogTaxonomy.CatalogTaxonomyClient(Taxonomy);
            });
        });
    }
}
