using Marketplace.Modules.Notifications.Contracts.V1;
using Marketplace.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Users.Tests.Support;

/// <summary>
/// The whole host against the real services, with the Notifications contract recorded instead of sent. One host
/// for the assembly: every test uses its own phone numbers and emails, so they run in parallel safely.
/// </summary>
public class UsersApp : MarketplaceFactory
{
    public UsersApp()
    {
        With("Gateway:Auth:KeyRefreshMinInterval", "00:00:00");
        With("Gateway:RateLimitPerIp", "0");
        With("Gateway:RateLimitPerUser", "0");
    }

    public RecordingNotifications Emails { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
            services.AddSingleton(new NotificationsContract.NotificationsContractClient(Emails)));
    }
}
