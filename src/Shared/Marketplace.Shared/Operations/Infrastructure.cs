using Marketplace.Shared.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NATS.Client.Core;
using Npgsql;
using StackExchange.Redis;

namespace Marketplace.Shared.Operations;

/// <summary>The shared connections every module uses: Redis (jobs, rate limits) and NATS (events), plus readiness.</summary>
public static class Infrastructure
{
    public const string RedisSetting = "ConnectionStrings:Redis";
    public const string NatsSetting = "ConnectionStrings:Nats";
    public const string ReadyTag = "ready";

    public static IServiceCollection AddMarketplaceInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        var redis = Required(configuration, RedisSetting);
        ConfigurationOptions redisOptions;
        try
        {
            redisOptions = ConfigurationOptions.Parse(redis);
        }
        catch (ArgumentException exception)
        {
            throw new ConfigurationException(RedisSetting, redis, exception.Message);
        }

        // Keep retrying in the background rather than failing calls forever after one bad start.
        redisOptions.AbortOnConnectFail = false;
        redisOptions.ConnectTimeout = 3000;
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(redisOptions));
        var redisTimeout = configuration[Security.RedisGuard.TimeoutSetting] is { Length: > 0 } timeoutText
            ? TimeSpan.TryParse(timeoutText, System.Globalization.CultureInfo.InvariantCulture, out var parsed) && parsed > TimeSpan.Zero && parsed <= TimeSpan.FromSeconds(30)
                ? parsed
                : throw new ConfigurationException(Security.RedisGuard.TimeoutSetting, timeoutText, "expected a duration between 0 and 30 seconds, e.g. 00:00:01")
            : Security.RedisGuard.DefaultTimeout;
        services.AddSingleton(sp => new Security.RedisGuard(
            sp.GetRequiredService<IConnectionMultiplexer>(), sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<Security.RedisGuard>>(), redisTimeout));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RateLimiting.ISubjectRateLimiter, RateLimiting.RedisSubjectRateLimiter>();
        services.AddSingleton<RateLimiting.IMessageBudget, RateLimiting.RedisMessageBudget>();
        services.AddSingleton<Security.ISessionRevocations, Security.RedisSessionRevocations>();

        var nats = Required(configuration, NatsSetting);
        if (!Uri.TryCreate(nats, UriKind.Absolute, out var natsUri) || natsUri.Scheme is not ("nats" or "tls"))
            throw new ConfigurationException(NatsSetting, nats, "expected a URL such as nats://127.0.0.1:4222");
        services.AddSingleton<INatsConnection>(_ => new NatsConnection(NatsOpts.Default with
        {
            Url = nats,
            Name = "marketplace",
            ConnectTimeout = TimeSpan.FromSeconds(3),
            MaxReconnectRetry = -1,
        }));

        services.AddHealthChecks()
            .Add(new HealthCheckRegistration("postgres", sp => new PostgresHealthCheck(sp.GetServices<ModuleDataSource>()), HealthStatus.Unhealthy, [ReadyTag], TimeSpan.FromSeconds(3)))
            .Add(new HealthCheckRegistration("redis", sp => new RedisHealthCheck(sp.GetRequiredService<IConnectionMultiplexer>()), HealthStatus.Unhealthy, [ReadyTag], TimeSpan.FromSeconds(3)))
            .Add(new HealthCheckRegistration("nats", sp => new NatsHealthCheck(sp.GetRequiredService<INatsConnection>()), HealthStatus.Unhealthy, [ReadyTag], TimeSpan.FromSeconds(3)));
        return services;
    }

    private static string Required(IConfiguration configuration, string setting) =>
        configuration[setting] is { Length: > 0 } value ? value : throw new ConfigurationException(setting, null, "it has no default outside Development");
}

internal sealed class PostgresHealthCheck(IEnumerable<ModuleDataSource> sources) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        foreach (var group in sources.GroupBy(s => s.DataSource))
        {
            try
            {
                await using var command = group.Key.CreateCommand("SELECT 1");
                await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                return HealthCheckResult.Unhealthy($"PostgreSQL of {string.Join(", ", group.Select(s => s.Module))} is unreachable");
            }
        }

        return HealthCheckResult.Healthy();
    }
}

internal sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await redis.GetDatabase().PingAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("Redis is unreachable");
        }
    }
}

internal sealed class NatsHealthCheck(INatsConnection nats) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (nats.ConnectionState != NatsConnectionState.Open)
        {
            // Connecting on first use; a closed or reconnecting connection is not ready.
            try
            {
                await nats.ConnectAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(2), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is NatsException or TimeoutException)
            {
                return HealthCheckResult.Unhealthy("NATS is unreachable");
            }
        }

        return nats.ConnectionState == NatsConnectionState.Open
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"NATS connection is {nats.ConnectionState}");
    }
}
