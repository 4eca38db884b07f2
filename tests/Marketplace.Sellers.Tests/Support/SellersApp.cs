using Marketplace.Modules.Notifications.Contracts.V1;
using Marketplace.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

[assembly: AssemblyFixture(typeof(Marketplace.Sellers.Tests.Support.SellersApp))]

namespace Marketplace.Sellers.Tests.Support;

/// <summary>
/// The whole host against the real services, with the Notifications contract recorded (the seller verification
/// token is read from it). One host for the assembly: every test uses its own sellers, slugs and coordinates.
/// </summary>
public sealed class SellersApp : MarketplaceFactory, IRecordsEmails
{
    public SellersApp()
    {
        With("Gateway:RateLimitPerIp", "0");
        With("Gateway:RateLimitPerUser", "0");
        // Admin tokens are signed with keys the tests store: an unknown kid must refetch the keys at once.
        With("Gateway:Auth:KeyRefreshMinInterval", "00:00:00");
    }

    public RecordingNotifications Emails { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton(new NotificationsDelivery.NotificationsDeliveryClient(Emails)));
    }
}
