using Marketplace.Shared.Modules;
using Marketplace.Shared.Operations;
using Marketplace.Shared.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Marketplace.Shared.Events;

public static class EventBackbone
{
    /// <summary>
    /// Outbox relay, stream provisioning, the consumers the modules declared, and the outbox-age readiness check.
    /// Call after <c>AddModules</c> and <c>AddMarketplaceInfrastructure</c> (it uses their NATS connection).
    /// </summary>
    public static IServiceCollection AddEventBackbone(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(EventBackboneOptions.Section);
        services.AddOptions<EventBackboneOptions>().Bind(section).Validate(Validate, "invalid Events settings (see docs/events.md)").ValidateOnStart();
        services.AddSingleton<StreamProvisioner>();
        services.AddSingleton<EventProcessor>();
        services.AddSingleton<DeadLetterReplayer>();
        services.AddHostedService<StreamProvisioningService>();
        services.AddHostedService<OutboxRelay>();
        services.AddHostedService<EventConsumerService>();
        services.AddHealthChecks().Add(new HealthCheckRegistration(
            "outbox",
            sp => new OutboxHealthCheck(sp.GetRequiredService<ModuleRegistry>(), sp.GetServices<ModuleDataSource>(), sp.GetRequiredService<IOptions<EventBackboneOptions>>(), sp.GetService<TimeProvider>() ?? TimeProvider.System),
            HealthStatus.Unhealthy,
            [Infrastructure.ReadyTag],
            TimeSpan.FromSeconds(3)));
        return services;
    }

    private static bool Validate(EventBackboneOptions options) =>
        options.Relay.BatchSize > 0 && options.Relay.PublishWindow > 0 && options.Relay.PollInterval > TimeSpan.Zero
        && options.Consumers.MaxDeliver > 0 && options.Consumers.AckWait > TimeSpan.Zero && options.Consumers.BatchSize > 0
        && options.Streams.DuplicateWindow > TimeSpan.Zero && options.Streams.DuplicateWindow <= options.Streams.MaxAge
        && options.MaxOutboxAge > TimeSpan.Zero;
}

/// <summary>Unhealthy when some module's oldest unsent event is older than <c>Events:MaxOutboxAge</c>.</summary>
internal sealed class OutboxHealthCheck(ModuleRegistry modules, IEnumerable<ModuleDataSource> sources, IOptions<EventBackboneOptions> options, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var stale = new List<string>();
        foreach (var module in modules.Modules.Where(m => m.DbContextType is not null))
        {
            var source = sources.First(s => s.Module == module.Name).DataSource;
            try
            {
                var (backlog, oldest) = await OutboxBacklog.ReadAsync(source, module.Schema, cancellationToken).ConfigureAwait(false);
                if (oldest is { } at && clock.GetUtcNow() - at > options.Value.MaxOutboxAge)
                    stale.Add($"{module.Name} ({backlog} unsent, oldest {(clock.GetUtcNow() - at).TotalSeconds:0}s)");
            }
            catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UndefinedTable)
            {
                // Not migrated yet: the migration check, not this one, reports that.
            }
        }

        return stale.Count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"outbox backlog older than {options.Value.MaxOutboxAge}: {string.Join(", ", stale)}");
    }
}
