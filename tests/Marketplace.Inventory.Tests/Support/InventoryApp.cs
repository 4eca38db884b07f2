using Marketplace.Modules.Inventory.Contracts.V1;
using Marketplace.Modules.Notifications.Contracts.V1;
using Marketplace.Shared.Contracts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

[assembly: AssemblyFixture(typeof(Marketplace.Inventory.Tests.Support.InventoryApp))]

namespace Marketplace.Inventory.Tests.Support;

/// <summary>
/// The whole host against the real services, with the Notifications contract's transactional emails recorded (seller
/// verification tokens are read from it). One host for the assembly: every test uses its own sellers, stores, products
/// and holder ids. Holds may be as short as a second here, so expiry is awaited with a bounded poll rather than a clock.
/// </summary>
public sealed class InventoryApp : MarketplaceFactory, IAsyncLifetime, IRecordsEmails
{
    public InventoryApp()
    {
        With("Gateway:RateLimitPerIp", "0");
        With("Gateway:RateLimitPerUser", "0");
        With("Gateway:Auth:KeyRefreshMinInterval", "00:00:00");
        With("Modules:Inventory:Reservations:MinTtl", "00:00:01");
    }

    public RecordingNotifications Emails { get; } = new();

    /// <summary>The Inventory module's log lines (its jobs report through them).</summary>
    public RecordedLogs Logs { get; } = new("Marketplace.Modules.Inventory");

    public TestSigningKey Tokens { get; private set; } = null!;

    /// <summary>The gateway's calls of the InventoryStock contract, counted (DataLoader batching).</summary>
    public CountingInvoker? GatewayStockCalls { get; private set; }

    public InventoryReservations.InventoryReservationsClient Reservations => new(Services.GetRequiredService<ContractChannels>().InvokerFor("Inventory"));

    public InventoryStock.InventoryStockClient Stock => new(Services.GetRequiredService<ContractChannels>().InvokerFor("Inventory"));

    public async ValueTask InitializeAsync()
    {
        _ = Services; // starts the host: migrations run before the signing key row is written
        Tokens = await TestSigningKey.CreateAsync();
    }

    public string AdminToken() => Tokens.Issue(Guid.CreateVersion7().ToString(), ["ADMIN"]);

    /// <summary>Runs what follows as <paramref name="caller"/> (contract calls carry it in their metadata).</summary>
    public static IDisposable As(Caller caller) => CallContext.Push(new CallContext(caller, CallContext.NewCorrelationId()));

    /// <summary>Checkout, as the contract sees it: a module.</summary>
    public static IDisposable AsCheckout() => As(Caller.Service("Ordering"));

    public static IDisposable AsSeller(string sellerId) => As(Caller.User(sellerId, [Roles.Seller]));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(new NotificationsDelivery.NotificationsDeliveryClient(Emails));
            services.AddSingleton(sp =>
            {
                GatewayStockCalls = new CountingInvoker(sp.GetRequiredService<ContractChannels>().InvokerFor("Inventory"));
                return new InventoryStock.InventoryStockClient(GatewayStockCalls);
            });
        });
    }
}
