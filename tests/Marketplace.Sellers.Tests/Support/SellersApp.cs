using Marketplace.Modules.Notifications.Contracts.V1;
using Marketplace.Shared.Events;
using Marketplace.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NATS.Client.Core;
using NATS.Client.JetStream;

[assembly: AssemblyFixture(typeof(Marketplace.Sellers.Tests.Support.SellersApp))]

namespace Marketplace.Sellers.Tests.Support;

/// <summary>
/// The whole host against the real services, with the Notifications contract recorded (the seller verification
/// token is read from it). One host for the assembly: every test uses its own sellers, slugs and coordinates.
/// <para>
/// The suite runs in a database of its own, with its own NATS subject prefix and job prefix (as Catalog's and Media's
/// do). The payout ledger's tests publish hundreds of Ordering events and wait for this host's consumer to handle them:
/// on the shared prefix, every other suite's hosts (each loads the Sellers module) joined the same durable consumer,
/// pulled batches of them and were disposed mid-batch, so the events waited out acknowledgement timeouts and the tests
/// timed out in a full run.
/// </para>
/// </summary>
public sealed class SellersApp : MarketplaceFactory, IRecordsEmails, IAsyncLifetime
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..10];

    public SellersApp()
    {
        With("Gateway:RateLimitPerIp", "0");
        With("Gateway:RateLimitPerUser", "0");
        // Admin tokens are signed with keys the tests store: an unknown kid must refetch the keys at once.
        With("Gateway:Auth:KeyRefreshMinInterval", "00:00:00");
        // Payouts (docs/payouts.md): orders are available as soon as they complete, Stripe is the local stand-in.
        With("Modules:Sellers:Payouts:HoldPeriod", "00:00:00");
        With("Modules:Sellers:Payouts:Stripe:SecretKey", StripeTransferStandIn.SecretKey);
        With("Modules:Sellers:Payouts:Stripe:ApiBase", Stripe.ApiBase);
        With("Events:SubjectPrefix", SubjectPrefix);
        With("Events:Streams:MaxBytes", "16777216");
        With("Jobs:Prefix", JobsPrefix);
    }

    /// <summary>This suite's NATS subject prefix (its streams are <c>SL…_MARKETPLACE_*</c>).</summary>
    public string SubjectPrefix => $"sl{_run}";

    public string JobsPrefix => $"test:sl{_run}:";

    public string Database { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        Database = await TestServices.CreateDatabaseAsync("sellers");
        TestServices.SuiteDatabase = Database;
        With("ConnectionStrings:Marketplace", Database);
        _ = Services; // starts the host: migrations run before the tests write anything
        // Streams are provisioned in the background at start-up; the ledger tests publish into Ordering's.
        var jetStream = new NatsJSContext((NatsConnection)Services.GetRequiredService<INatsConnection>());
        await Eventually.ReturnsAsync(
            async () =>
            {
                try
                {
                    await jetStream.GetStreamAsync(EventSubjects.StreamOf("Ordering", SubjectPrefix));
                    return "ok";
                }
                catch (NatsJSException exception)
                {
                    return exception.Message;
                }
            },
            v => v == "ok",
            TimeSpan.FromSeconds(60),
            "the Ordering stream exists");
    }

    /// <summary>Stripe Connect's Transfers API, local (the host's Stripe.net talks to it).</summary>
    public StripeTransferStandIn Stripe { get; } = new();

    public RecordingNotifications Emails { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton(new NotificationsDelivery.NotificationsDeliveryClient(Emails)));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Stripe.DisposeAsync();
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
}
