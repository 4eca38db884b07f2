using Marketplace.Inventory.Tests.Support;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.Modules;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Marketplace.Inventory.Tests;

public sealed class DemoDataTests(InventoryApp app)
{
    [Fact]
    public async Task Seeding_twice_stocks_every_demo_variant_with_a_few_low_and_a_few_sold_out()
    {
        // As `seed` does, in module order; twice, since seeders are idempotent. Other suites seed the same shared
        // database, possibly at the same moment: a unique violation there is that race.
        for (var run = 0; run < 2; run++)
        {
            foreach (var module in new[] { "Users", "Sellers", "Catalog", "Inventory" })
                await SeedWithRetryAsync(module);
        }

        var levels = await DemoLevelsAsync();
        levels.Should().NotBeEmpty();
        var variants = await Gql.ScalarAsync<long>(
            "SELECT count(*) FROM catalog.product_variants v JOIN catalog.products p ON p.id = v.product_id WHERE p.store_id IN (SELECT id FROM sellers.stores WHERE slug LIKE 'demo-%')");
        levels.Should().HaveCount((int)variants, "every demo variant has its stock row");
        levels.Count(l => l.OnHand == 0).Should().BeGreaterThan(5, "a few are sold out");
        levels.Count(l => l.OnHand > 0 && l.OnHand <= l.Threshold).Should().BeGreaterThan(5, "a few are low");
        levels.Count(l => l.OnHand > l.Threshold).Should().BeGreaterThan(levels.Count / 2);
        levels.Where(l => l.OnHand > 0 && l.OnHand <= l.Threshold).Should().OnlyContain(l => l.Alerted, "the low ones told their seller");
        await StockInvariants.AssertHoldAsync(levels.Select(l => l.VariantId.ToString()).ToList());
    }

    private static async Task<List<(Guid VariantId, int OnHand, int Threshold, bool Alerted)>> DemoLevelsAsync()
    {
        await using var connection = new NpgsqlConnection(TestServices.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT s.variant_id, s.on_hand, coalesce(s.low_stock_threshold, -1), s.low_stock_alerted FROM inventory.stock_levels s
            WHERE s.store_id IN (SELECT id FROM sellers.stores WHERE slug LIKE 'demo-%')
            """, connection);
        var levels = new List<(Guid, int, int, bool)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            levels.Add((reader.GetGuid(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetBoolean(3)));
        return levels;
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
