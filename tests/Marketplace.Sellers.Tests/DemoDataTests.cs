using Marketplace.Sellers.Tests.Support;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.Modules;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Marketplace.Sellers.Tests;

public sealed class DemoDataTests(SellersApp app)
{
    private static readonly string[] Slugs =
        ["demo-lisbon-bakery", "demo-alfama-books", "demo-baixa-electronics", "demo-belem-garden", "demo-chiado-fashion", "demo-lx-grocer"];

    [Fact]
    public async Task Seeding_twice_gives_six_active_stores_of_the_demo_seller_around_Lisbon()
    {
        // As `seed` does: Users first (the demo seller), then Sellers; twice, since seeders are idempotent. The Users
        // suite seeds the same shared database, possibly at the same moment: a unique violation there is that race.
        for (var run = 0; run < 2; run++)
        {
            await SeedWithRetryAsync("Users");
            await SeedWithRetryAsync("Sellers");
        }

        var client = app.CreateClient();
        foreach (var slug in Slugs)
            (await Gql.ScalarAsync<long>("SELECT count(*) FROM sellers.stores WHERE slug = $1", slug)).Should().Be(1);

        var near = (await client.SendAsync(
            "{ storesNear(location: { latitude: 38.7223, longitude: -9.1393 }, radiusKm: 5, first: 100) { edges { distanceMeters node { slug status } } } }"))
            .Data("storesNear")["edges"]!.AsArray();
        var demo = near.Where(e => Slugs.Contains(e!["node"].Text("slug"))).ToList();
        demo.Select(e => e!["node"].Text("slug")).Should().BeEquivalentTo(Slugs);
        demo.Should().OnlyContain(e => e!["distanceMeters"]!.GetValue<double>() < 5000 && e["node"].Text("status") == "ACTIVE");

        var login = (await client.SendAsync(
            "mutation { sellerLogin(input: { email: \"seller@example.com\", password: \"demo-seller-passphrase\" }) { accessToken userErrors { code } } }")).Data("sellerLogin");
        var mine = (await client.SendAsync("{ viewer { stores { slug } } }", token: login.Text("accessToken"))).Data("viewer")["stores"]!.AsArray();
        mine.Select(s => s.Text("slug")).Should().Contain(Slugs);
    }

    private async Task SeedWithRetryAsync(string moduleName)
    {
        var module = app.Services.GetRequiredService<ModuleRegistry>().Modules.Single(m => m.Name == moduleName);
        foreach (var seederType in module.Seeders)
        {
            for (var attempt = 1; ; attempt++)
            {
                await using var scope = app.Services.CreateAsyncScope();
                using var context = CallContext.Push(new CallContext(Caller.Service(moduleName), CallContext.NewCorrelationId()));
                try
                {
                    await ((IModuleSeeder)scope.ServiceProvider.GetRequiredService(seederType)).SeedAsync(CancellationToken.None);
                    break;
                }
                catch (Exception exception) when (attempt < 3 && exception.GetBaseException() is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
                {
                    // the other suite's seeder got there first; the next run finds its rows
                }
            }
        }
    }
}
