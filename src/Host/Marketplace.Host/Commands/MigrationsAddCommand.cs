using Marketplace.Shared.Modules;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Npgsql.EntityFrameworkCore.PostgreSQL.Design.Internal;

namespace Marketplace.Host.Commands;

/// <summary>
/// <c>migrations add &lt;Module&gt; &lt;Name&gt;</c>: scaffolds a migration for one module's DbContext into
/// <c>src/Modules/&lt;Module&gt;/Marketplace.Modules.&lt;Module&gt;/Persistence/Migrations</c>, with EF Core's own
/// design-time services (what dotnet-ef runs, which this package source does not carry).
/// </summary>
internal static class MigrationsAddCommand
{
    public static Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> arguments)
    {
        if (arguments.Count != 3 || arguments[0] != "add")
            return Task.FromResult(MarketplaceApp.Fail("usage: migrations add <Module> <MigrationName>", 64));

        var module = services.GetRequiredService<ModuleRegistry>().Modules.FirstOrDefault(m => m.Name == arguments[1]);
        if (module?.DbContextType is null)
            return Task.FromResult(MarketplaceApp.Fail($"no loaded module named '{arguments[1]}' with a DbContext", 64));

        using var scope = services.CreateScope();
        var context = (Microsoft.EntityFrameworkCore.DbContext)scope.ServiceProvider.GetRequiredService(module.DbContextType);

        var design = new ServiceCollection();
        design.AddEntityFrameworkDesignTimeServices();
        design.AddDbContextDesignTimeServices(context);
#pragma warning disable EF1001 // The provider's design-time registration is what dotnet-ef calls too.
        new NpgsqlDesignTimeServices().ConfigureDesignTimeServices(design);
#pragma warning restore EF1001
        using var designServices = design.BuildServiceProvider();

        var projectDirectory = Path.Combine(FindRepositoryRoot(), "src", "Modules", module.Name, $"Marketplace.Modules.{module.Name}");
        var scaffolder = designServices.GetRequiredService<IMigrationsScaffolder>();
        var migration = scaffolder.ScaffoldMigration(arguments[2], $"Marketplace.Modules.{module.Name}", "Persistence.Migrations", "C#");

        var files = scaffolder.Save(projectDirectory, migration, Path.Combine(projectDirectory, "Persistence", "Migrations"));

        // Module types are internal (house rule 2); EF finds internal migrations just as well.
        foreach (var file in new[] { files.MigrationFile, files.MetadataFile, files.SnapshotFile })
        {
            if (file is not null)
                File.WriteAllText(file, MakeInternal(File.ReadAllText(file)));
        }

        Console.WriteLine($"Added {files.MigrationFile}");
        return Task.FromResult(0);
    }

    private static string MakeInternal(string code) => code.Replace("public partial class", "internal partial class", StringComparison.Ordinal);

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Marketplace.sln")))
                return directory.FullName;
        }

        throw new InvalidOperationException("Run 'migrations add' from inside the repository (Marketplace.sln not found).");
    }
}
