using Marketplace.Gateway.Relay;
using Marketplace.Gateway.Schema;
using Marketplace.Gateway.Tests.Contract;
using Marketplace.Shared.Contracts;
using Marketplace.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Gateway.Tests.Support;

/// <summary>
/// The whole host (real PostgreSQL, Redis, NATS) plus the test schema area and test contract. Keys are
/// refetched on every unknown kid so each test's freshly stored signing key is seen at once.
/// </summary>
public class GatewayFactory : MarketplaceFactory
{
    public GatewayFactory()
    {
        With("Gateway:Auth:KeyRefreshMinInterval", "00:00:00");
        // Tests share one process address; the HTTP limits get their own tests with their own factory.
        With("Gateway:RateLimitPerIp", "0");
        With("Gateway:RateLimitPerUser", "0");
    }

    public bool WithTestArea { get; init; } = true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (!WithTestArea)
            return;
        builder.ConfigureTestServices(services =>
        {
            // The test contract rides on the Users module's process slot: it is served in process like a module's.
            services.AddScoped<TestContractService>();
            services.AddSingleton(new ContractServiceRegistration("Users", typeof(TestContractService)));
            services.AddContractClient<GatewayTestContract.GatewayTestContractClient>("Users");
            services.AddSingleton<TestEvents>();
            services.AddSchemaContribution<TestContribution>();
            services.AddNodeResolver<TestNodeResolver>();
            services.AddTransient<TestItemType>();
            services.AddTransient<TestItemCreateInputType>();
            services.AddTransient<TestItemCreatePayloadType>();
            services.AddTransient<ConnectionType<TestItemType, TestItemRef>>();
            services.AddTransient<EdgeType<TestItemType, TestItemRef>>();
        });
    }
}

/// <summary>One host for the whole assembly: tests use unique data, so they share it safely in parallel.</summary>
public sealed class SharedGateway : GatewayFactory;
