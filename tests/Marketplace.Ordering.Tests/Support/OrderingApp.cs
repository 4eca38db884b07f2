using Marketplace.Modules.Catalog.Contracts.V1;
using Marketplace.Modules.Inventory.Contracts.V1;
using Marketplace.Modules.Notifications.Contracts.V1;
using Marketplace.Modules.Ordering.Contracts.V1;
using Marketplace.Modules.Sellers.Contracts.V1;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.Events;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NATS.Client.Core;
using NATS.Client.JetStream;

[assembly: AssemblyFixture(typeof(Marketplace.Ordering.Tests.Support.OrderingApp))]

namespace Marketplace.Ordering.Tests.Support;

/// <summary>
/// The whole host against the real services (PostgreSQL, Redis, NATS, maildev), one for the assembly: every test makes
/// its own sellers, stores, products and buyers. Transactional emails (seller verification) are recorded; the gateway's
/// calls of Catalog, Inventory and Sellers are counted per request (DataLoader batching).
/// <para>
/// The suite runs in a database of its own, with its own NATS subject prefix and job prefix, shared by every host it
/// starts (this one, <see cref="KestrelOrderingApp"/>'s, the crash tests' processes): on the shared ones, other suites'
/// hosts (each loads every module, with other settings) handled some of this suite's events and jobs — a followed
/// store's digest scheduled with their 10-minute window instead of this suite's 5 seconds, the lifecycle jobs'
/// schedules overwritten with the defaults.
/// </para>
/// </summary>
public sealed class OrderingApp : MarketplaceFactory, IAsyncLifetime, IRecordsEmails
{
    private static readonly string Run = Guid.NewGuid().ToString("N")[..10];

    private static readonly Lazy<string> Database = new(() =>
    {
        var database = TestServices.CreateDatabaseAsync("ordering").GetAwaiter().GetResult();
        TestServices.SuiteDatabase = database;
        return database;
    });

    public OrderingApp()
    {
        With("ConnectionStrings:Marketplace", Database.Value);
        With("Events:SubjectPrefix", SubjectPrefix);
        With("Events:Streams:MaxBytes", "16777216");
        With("Jobs:Prefix", JobsPrefix);
        With("Gateway:RateLimitPerIp", "0");
        With("Gateway:RateLimitPerUser", "0");
        With("Gateway:Auth:KeyRefreshMinInterval", "00:00:00");
        // Every test signs in its own buyers and sellers from one client address.
        With("Modules:Users:Limits:CodeSendsPerIpPerHour", "100000");
        With("Modules:Users:Limits:RegistrationsPerIpPerHour", "100000");
        With("Modules:Users:Limits:EmailsPerIpPerHour", "100000");
        With("Modules:Users:Limits:LoginsPerIpPer15Minutes", "100000");
        // Tests start recovery passes themselves.
        With("Modules:Ordering:Recovery:RunAtStart", "false");
        With("Modules:Ordering:Recovery:Cron", "0 0 1 1 *");
        // The lifecycle jobs run only when a test runs them (LifecycleJobTests, alone in its collection), with short windows.
        With("Modules:Ordering:Lifecycle:AcceptWithin", "00:00:02");
        With("Modules:Ordering:Lifecycle:ReturnWindow", "00:00:02");
        With("Modules:Ordering:Lifecycle:ExpiryCron", "0 0 1 1 *");
        With("Modules:Ordering:Lifecycle:CompletionCron", "0 0 1 1 *");
        With("Modules:Ordering:Lifecycle:EffectsCron", "0 0 1 1 *");
        With("Modules:Ordering:Lifecycle:EffectsRetryAfter", "00:00:01");
        // CARD through the real Stripe.net client against the local stand-in.
        With("Modules:Ordering:Stripe:SecretKey", StripeStandIn.SecretKey);
        With("Modules:Ordering:Stripe:ApiBase", Stripe.ApiBase);
        // A followed store's new products reach followers as one digest per window: short, so tests see it soon.
        With("Modules:Notifications:FollowedStoreDigestWindow", "00:00:05");
    }

    /// <summary>This suite's NATS subject prefix (its streams are <c>OR…_MARKETPLACE_*</c>), for every host it starts.</summary>
    public static string SubjectPrefix => $"or{Run}";

    public static string JobsPrefix => $"test:or{Run}:";

    /// <summary>False for a second host of the suite (<see cref="KestrelOrderingApp"/>): the assembly's host drops the suite's database and streams.</summary>
    public bool OwnsSuite { get; init; } = true;

    public StripeStandIn Stripe { get; } = new();

    public RecordingNotifications Emails { get; } = new();

    public TestSigningKey Tokens { get; private set; } = null!;

    public CountingInvoker CatalogCalls { get; private set; } = null!;

    public CountingInvoker InventoryCalls { get; private set; } = null!;

    public CountingInvoker SellersCalls { get; private set; } = null!;

    public InventoryStock.InventoryStockClient Stock => new(Services.GetRequiredService<ContractChannels>().InvokerFor("Inventory"));

    public InventoryReservations.InventoryReservationsClient Reservations => new(Services.GetRequiredService<ContractChannels>().InvokerFor("Inventory"));

    public OrderingCheckout.OrderingCheckoutClient Checkout => new(Services.GetRequiredService<ContractChannels>().InvokerFor("Ordering"));

    public OrderingCarts.OrderingCartsClient Carts => new(Services.GetRequiredService<ContractChannels>().InvokerFor("Ordering"));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Stripe.DisposeAsync();
        if (!OwnsSuite)
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
        await TestServices.DropDatabaseAsync(Database.Value);
    }

    public async ValueTask InitializeAsync()
    {
        _ = Services; // starts the host: migrations run before the signing key row is written
        Tokens = await TestSigningKey.CreateAsync();
        // Streams are provisioned in the background at start-up; some tests publish into Catalog's and Ordering's.
        var jetStream = new NatsJSContext((NatsConnection)Services.GetRequiredService<INatsConnection>());
        foreach (var module in new[] { "Catalog", "Ordering" })
        {
            await Eventually.ReturnsAsync(
                async () =>
                {
                    try
                    {
                        await jetStream.GetStreamAsync(EventSubjects.StreamOf(module, SubjectPrefix));
                        return "ok";
                    }
                    catch (NatsJSException exception)
                    {
                        return exception.Message;
                    }
                },
                v => v == "ok",
                TimeSpan.FromSeconds(60),
                $"the {module} stream exists");
        }
    }

    public string AdminToken() => Tokens.Issue(Guid.CreateVersion7().ToString(), ["ADMIN"]);

    /// <summary>Runs what follows as <paramref name="caller"/> (contract calls carry it in their metadata).</summary>
    public static IDisposable As(Caller caller) => CallContext.Push(new CallContext(caller, CallContext.NewCorrelationId()));

    public static IDisposable AsSeller(string sellerId) => As(Caller.User(sellerId, [Roles.Seller]));

    public static IDisposable AsBuyer(string buyerId) => As(Caller.User(buyerId, [Roles.Buyer]));

    public static IDisposable AsModule(string module) => As(Caller.Service(module));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(new NotificationsDelivery.NotificationsDeliveryClient(Emails));
            services.AddSingleton(sp =>
            {
                CatalogCalls = new CountingInvoker(sp.GetRequiredService<ContractChannels>().InvokerFor("Catalog"), usersOnly: true);
                return new CatalogProducts.CatalogProductsClient(CatalogCalls);
            });
            services.AddSingleton(sp =>
            {
                InventoryCalls = new CountingInvoker(sp.GetRequiredService<ContractChannels>().InvokerFor("Inventory"), usersOnly: true);
                return new InventoryStock.InventoryStockClient(InventoryCalls);
            });
            services.AddSingleton(sp =>
            {
                SellersCalls = new CountingInvoker(sp.GetRequiredService<ContractChannels>().InvokerFor("Sellers"), usersOnly: true);
                return new SellersStores.SellersStoresClient(SellersCalls);
            });
        });
    }
}
