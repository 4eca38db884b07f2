using Marketplace.Shared.Modules;
using Marketplace.Shared.Operations;
using Marketplace.Shared.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Host.Commands;

/// <summary>Applies every loaded module's migrations, each into its own schema.</summary>
internal static class MigrateCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, bool includeMessaging)
    {
        var unreachable = await StartupProbe.FindUnreachableAsync(services, includeMessaging, TimeSpan.FromSeconds(5));
        if (unreachable is not null)
            return MarketplaceApp.Fail(unreachable, 3);

        await MigrateAllAsync(services, CancellationToken.None);
        return 0;
    }

    public static async Task MigrateAllAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Marketplace.Migrate");
        foreach (var module in services.GetRequiredService<ModuleRegistry>().Modules)
        {
            if (module.DbContextType is null)
                continue;

            await using var scope = services.CreateAsyncScope();
            var context = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(module.DbContextType);
            if (context.Model.GetDefaultSchema() != module.Schema)
            {
                throw new InvalidOperationException(
                    $"{module.DbContextType.Name} uses schema '{context.Model.GetDefaultSchema()}' but module {module.Name} declares '{module.Schema}'.");
            }

            var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            await context.Database.MigrateAsync(cancellationToken);
            logger.LogInformation("Module {Module}: schema {Schema} is up to date ({Applied} migration(s) applied)", module.Name, module.Schema, pending.Count);
        }
    }
}
