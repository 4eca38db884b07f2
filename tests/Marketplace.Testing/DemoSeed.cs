using Marketplace.Shared.Contracts;
using Marketplace.Shared.Modules;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Marketplace.Testing;

/// <summary>
/// Runs modules' demo-data seeders in a test host, as the <c>seed</c> command does (idempotent). Suites seed the shared
/// test database side by side: a unique violation is another suite's seeder getting there first, and the next run finds
/// its rows.
/// </summary>
public static class DemoSeed
{
    public static async Task RunAsync(IServiceProvider services, params string[] moduleNames)
    {
        foreach (var moduleName in moduleNames)
        {
            var module = services.GetRequiredService<ModuleRegistry>().Modules.Single(m => m.Name == moduleName);
            foreach (var seederType in module.Seeders)
            {
                for (var attempt = 1; ; attempt++)
                {
                    await using var scope = services.CreateAsyncScope();
                    using var context = CallContext.Push(new CallContext(Caller.Service(moduleName), CallContext.NewCorrelationId()));
                    try
                    {
                        await ((IModuleSeeder)scope.ServiceProvider.GetRequiredService(seederType)).SeedAsync(CancellationToken.None);
                        break;
                    }
                    catch (Exception exception) when (attempt < 3 && exception.GetBaseException() is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
                    {
                        // Another suite's seeder got there first.
                    }
                }
            }
        }
    }
}
