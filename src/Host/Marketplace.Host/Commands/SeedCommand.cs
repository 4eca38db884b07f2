using Marketplace.Shared.Contracts;
using Marketplace.Shared.Modules;

namespace Marketplace.Host.Commands;

/// <summary>Migrates, then lets each module add its demo data (seeders are idempotent).</summary>
internal static class SeedCommand
{
    public static async Task<int> RunAsync(IServiceProvider services)
    {
        var migrated = await MigrateCommand.RunAsync(services, includeMessaging: false);
        if (migrated != 0)
            return migrated;

        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Marketplace.Seed");
        foreach (var module in services.GetRequiredService<ModuleRegistry>().Modules)
        {
            foreach (var seederType in module.Seeders)
            {
                await using var scope = services.CreateAsyncScope();
                using var context = CallContext.Push(new CallContext(Caller.Service(module.Name), CallContext.NewCorrelationId()));
                var seeder = (IModuleSeeder)scope.ServiceProvider.GetRequiredService(seederType);
                await seeder.SeedAsync(CancellationToken.None);
                logger.LogInformation("Module {Module}: {Seeder} done", module.Name, seederType.Name);
            }
        }

        return 0;
    }
}
