using Microsoft.EntityFrameworkCore;

namespace Marketplace.Shared.Persistence;

/// <summary>
/// Base of every module's DbContext: one default schema per module, snake_case names (set on the options),
/// UUIDv7 keys (Npgsql generates them client-side for <see cref="Guid"/> keys) and <c>timestamptz</c> for
/// <see cref="DateTimeOffset"/>/<see cref="DateTime"/> values in UTC.
/// </summary>
public abstract class ModuleDbContext(DbContextOptions options, string schema) : DbContext(options)
{
    /// <summary>Name of the EF migrations history table, which lives inside the module's schema.</summary>
    public const string MigrationsHistoryTable = "__ef_migrations_history";

    public string Schema { get; } = schema;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        var assembly = GetType().Assembly;
        if (assembly.GetTypes().Any(t => !t.IsAbstract && t.GetInterfaces().Any(IsEntityConfiguration) && IsConfigurationFor(t, GetType())))
            modelBuilder.ApplyConfigurationsFromAssembly(assembly, type => IsConfigurationFor(type, GetType()));
        base.OnModelCreating(modelBuilder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Money and other exact quantities are numeric; never let a decimal fall back to a lossy default.
        configurationBuilder.Properties<decimal>().HavePrecision(19, 4);
        base.ConfigureConventions(configurationBuilder);
    }

    private static bool IsEntityConfiguration(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEntityTypeConfiguration<>);

    // A module has one DbContext, but its assembly could hold configurations of a test or design-time context too.
    private static bool IsConfigurationFor(Type configuration, Type context) =>
        configuration.Namespace?.StartsWith(context.Namespace ?? "", StringComparison.Ordinal) ?? true;
}
