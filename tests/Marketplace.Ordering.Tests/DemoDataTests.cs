using Marketplace.Ordering.Tests.Support;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.Modules;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Marketplace.Ordering.Tests;

public sealed class DemoDataTests(OrderingApp app)
{
    [Fact]
    public async Task The_demo_buyer_has_a_cart_with_lines_from_two_demo_stores_on_first_sign_in()
    {
        // As `seed` does, in module order; twice, since seeders are idempotent (the second run keeps the cart as it is).
        for (var run = 0; run < 2; run++)
        {
            foreach (var module in new[] { "Users", "Sellers", "Catalog", "Inventory", "Ordering" })
                await SeedWithRetryAsync(module);
        }

        var client = app.CreateClient();
        var ada = (await client.SignInBuyerAsync("+447911123456")).Text("accessToken");
        var cart = (await client.CartAsync(ada))!;
        cart["lines"]!.AsArray().Should().HaveCount(2);
        cart["storeGroups"]!.AsArray().Select(g => g!["store"].Text("name")).Should().HaveCount(2).And.OnlyHaveUniqueItems();
        cart["lines"]!.AsArray().Should().OnlyContain(l => l!["title"] != null && l["unitPrice"] != null);
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
                    // another suite's seeder got there first; the next run finds its rows
                }
            }
        }
    }
}
