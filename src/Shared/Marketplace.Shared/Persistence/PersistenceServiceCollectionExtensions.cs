using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Marketplace.Shared.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>The shared cluster's connection string, used by every module that has no string of its own.</summary>
    public const string DefaultConnectionName = "Marketplace";

    /// <summary>
    /// <c>ConnectionStrings:&lt;Module&gt;</c> when set (one database or server per module, as in the seed's
    /// per-service layout), else <c>ConnectionStrings:Marketplace</c>. Returns the setting's name too, for errors.
    /// </summary>
    public static (string Name, string? Value) ConnectionStringFor(IConfiguration configuration, string module)
    {
        var own = configuration.GetConnectionString(module);
        return string.IsNullOrWhiteSpace(own)
            ? ($"ConnectionStrings:{DefaultConnectionName}", configuration.GetConnectionString(DefaultConnectionName))
            : ($"ConnectionStrings:{module}", own);
    }

    internal static void AddModuleDbContext<TContext>(this IServiceCollection services, string module, string schema, IConfiguration configuration, bool spatial)
        where TContext : ModuleDbContext
    {
        var (name, connectionString) = ConnectionStringFor(configuration, module);
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new ConfigurationException(name, null, $"module {module} needs a PostgreSQL connection string");

        // Modules that share a connection string share one pool: N modules on one cluster are not N pools.
        var cache = services.Select(d => d.ImplementationInstance).OfType<DataSourceCache>().FirstOrDefault();
        if (cache is null)
        {
            cache = new DataSourceCache();
            services.AddSingleton(cache);
        }

        var dataSource = cache.GetOrAdd(connectionString, () => BuildDataSource(connectionString, name));
        services.AddSingleton(new ModuleDataSource(module, name, dataSource));
        services.AddDbContext<TContext>((sp, options) =>
        {
            options.UseNpgsql(dataSource, npgsql =>
                {
                    npgsql.MigrationsHistoryTable(ModuleDbContext.MigrationsHistoryTable, schema);
                    npgsql.MigrationsAssembly(typeof(TContext).Assembly.GetName().Name);
                    if (spatial)
                        npgsql.UseNetTopologySuite();
                })
                .UseSnakeCaseNamingConvention();
        });
    }

    private static NpgsqlDataSource BuildDataSource(string connectionString, string settingName)
    {
        NpgsqlDataSourceBuilder builder;
        try
        {
            builder = new NpgsqlDataSourceBuilder(connectionString);
        }
        catch (ArgumentException exception)
        {
            throw new ConfigurationException(settingName, "(redacted)", exception.Message);
        }

        if (string.IsNullOrEmpty(builder.ConnectionStringBuilder.ApplicationName))
            builder.ConnectionStringBuilder.ApplicationName = "marketplace";
        builder.UseNetTopologySuite();
        return builder.Build();
    }
}

internal sealed class DataSourceCache : IDisposable
{
    private readonly Dictionary<string, NpgsqlDataSource> _sources = new(StringComparer.Ordinal);

    public NpgsqlDataSource GetOrAdd(string connectionString, Func<NpgsqlDataSource> create)
    {
        if (!_sources.TryGetValue(connectionString, out var source))
            _sources[connectionString] = source = create();
        return source;
    }

    public void Dispose()
    {
        foreach (var source in _sources.Values)
            source.Dispose();
    }
}

/// <summary>A module's PostgreSQL data source, with the setting it came from (for readiness and errors).</summary>
public sealed record ModuleDataSource(string Module, string SettingName, NpgsqlDataSource DataSource);
