using Marketplace.Shared.Modules;
using Marketplace.Shared.Operations;
using Marketplace.Shared.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

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

    // Any constant will do, as long as every process uses the same one: it names "migrations" for pg_advisory_lock.
    private const long MigrationLockKey = 0x4d61726b65745031;

    public static async Task MigrateAllAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Marketplace.Migrate");
        var sources = services.GetServices<ModuleDataSource>().ToList();
        var modules = services.GetRequiredService<ModuleRegistry>().Modules.Where(m => m.DbContextType is not null).ToList();

        // Replicas (or test hosts) starting together must not apply the same migrations at once: per database,
        // one process migrates while the others wait on a session-level advisory lock, then find nothing pending.
        foreach (var group in modules.GroupBy(m => sources.First(s => s.Module == m.Name).DataSource))
        {
            await using var gate = await group.Key.OpenConnectionAsync(cancellationToken);
            await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({MigrationLockKey})", gate))
                await take.ExecuteNonQueryAsync(cancellationToken);
            try
            {
                foreach (var module in group)
                    await MigrateModuleAsync(services, module, logger, cancellationToken);
            }
            finally
            {
                await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({MigrationLockKey})", gate);
                await release.ExecuteNonQueryAsync(CancellationToken.None);
            }
        }
    }

    private static async Task MigrateModuleAsync(IServiceProvider services, LoadedModule module, ILogger logger, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var context = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(module.DbContextType!);
        if (context.Model.GetDefaultSchema() != module.Schema)
        {
            throw new InvalidOperationException(
                $"{module.DbContextType!.Name} uses schema '{context.Model.GetDefaultSchema()}' but module {module.Name} declares '{module.Schema}'.");
        }

        // On a fresh database the history table (inside the module's schema) does not exist yet, and EF would read it
        // anyway and log the failed command: a red "fail:" line on a newcomer's first start. Create it first.
        await context.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
        var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        // A migration may backfill or index a large table (e.g. Catalog's SearchAtScale on a million products): not a
        // request, so not the 30 s command timeout of one.
        context.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        await context.Database.MigrateAsync(cancellationToken);
        logger.LogInformation("Module {Module}: schema {Schema} is up to date ({Applied} migration(s) applied)", module.Name, module.Schema, pending.Count);
    }
}
