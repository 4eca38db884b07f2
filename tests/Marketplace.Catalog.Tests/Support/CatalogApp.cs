using Marketplace.Modules.Notifications.Contracts.V1;
using Marketplace.Modules.Sellers.Contracts.V1;
using Marketplace.Shared.Contracts;
using Marketplace.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

[assembly: AssemblyFixture(typeof(Marketplace.Catalog.Tests.Support.CatalogApp))]

namespace Marketplace.Catalog.Tests.Support;

/// <summary>
/// The whole host against the real services, with the Notifications contract recorded (seller verification tokens are
/// read from it) and the Sellers contract counted (DataLoader batching). One host for the assembly: every test uses its
/// own sellers, stores, SKUs and category slugs. Administrators' tokens are signed by <see cref="TestSigningKey"/>.
/// </summary>
public sealed class CatalogApp : MarketplaceFactory, IAsyncLifetime, IRecordsEmails
{
    public CatalogApp()
    {
        With("Gateway:RateLimitPerIp", "0");
        With("Gateway:RateLimitPerUser", "0");
        // Each run stores a fresh signing key for its admin tokens: fetch unknown key ids at once.
        With("Gateway:Auth:KeyRefreshMinInterval", "00:00:00");
        // A search rebuild pauses before each batch, so the reindex test can search while it runs.
        With("Modules:Catalog:Search:ReindexBatchPause", "00:00:00.300");
    }

    public RecordingNotifications Emails { get; } = new();

    public CountingSellers? Sellers { get; private set; }

    public TestSigningKey Tokens { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _ = Services; // starts the host: migrations run before the signing key row is written
        Tokens = await TestSigningKey.CreateAsync();
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
                Sellers = new CountingSellers(sp.GetRequiredService<ContractChannels>().InvokerFor("Sellers"));
                return new SellersStores.SellersStoresClient(Sellers);
            });
        });
    }
}
