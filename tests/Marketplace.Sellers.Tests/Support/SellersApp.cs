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
        // Payouts (docs/payouts.md): orders are available as soon as they complete, Stripe is the local stand-in.
        With("Modules:Sellers:Payouts:HoldPeriod", "00:00:00");
        With("Modules:Sellers:Payouts:Stripe:SecretKey", StripeTransferStandIn.SecretKey);
        With("Modules:Sellers:Payouts:Stripe:ApiBase", Stripe.ApiBase);
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
    }
}
