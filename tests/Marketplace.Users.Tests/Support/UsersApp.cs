using Marketplace.Modules.Notifications.Contracts.V1;
using Marketplace.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

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
        // Only requests that name a client address (X-Test-Client-Ip) meet these; small so a test reaches them.
        With("Modules:Users:Limits:CodeSendsPerIpPerHour", "5");
        With("Modules:Users:Limits:LoginsPerIpPer15Minutes", "5");
        With("Modules:Users:Limits:RegistrationsPerIpPerHour", "3");
    }

    public RecordingNotifications Emails { get; } = new();

    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(new NotificationsContract.NotificationsContractClient(Emails));
            services.AddSingleton<IStartupFilter, TestClientAddress>();
        });
    }
}

/// <summary>
/// The in-memory test server has no client address; a test names one with <c>X-Test-Client-Ip</c> to exercise
/// the per-IP limits (test host only: production reads the connection's real address).
/// </summary>
internal sealed class TestClientAddress : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (Microsoft.AspNetCore.Http.HttpContext http, Func<Task> nextMiddleware) =>
        {
            if (System.Net.IPAddress.TryParse(http.Request.Headers["X-Test-Client-Ip"].ToString(), out var address))
                http.Connection.RemoteIpAddress = address;
            await nextMiddleware();
        });
        next(app);
    };
}
