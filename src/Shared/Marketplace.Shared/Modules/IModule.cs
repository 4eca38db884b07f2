namespace Marketplace.Shared.Modules;

/// <summary>
/// The one public type of a module: the host loads it from an explicit list and asks it to declare its parts
/// (services, contract implementations, DbContext, seeders, event consumers, jobs) on a <see cref="ModuleBuilder"/>.
/// </summary>
public interface IModule
{
    /// <summary>PascalCase name, e.g. <c>Users</c>: its configuration lives under <c>Modules:Users</c>.</summary>
    string Name { get; }

    /// <summary>The module's PostgreSQL schema; every table it owns lives there.</summary>
    string Schema { get; }

    void Register(ModuleBuilder module);
}

/// <summary>A module's demo data, run by the host's <c>seed</c> command. Must be idempotent.</summary>
public interface IModuleSeeder
{
    Task SeedAsync(CancellationToken cancellationToken);
}
