using Marketplace.Shared.Persistence;
using Microsoft.Extensions.DependencyInjection;
using NATS.Client.Core;
using Npgsql;
using StackExchange.Redis;

namespace Marketplace.Shared.Operations;

/// <summary>
/// Checks at start-up that PostgreSQL, Redis and NATS answer, so a wrong setting fails in seconds with one
/// line naming the setting and value, instead of later as a wall of retries and stack traces.
/// </summary>
public static class StartupProbe
{
    public static async Task<string?> FindUnreachableAsync(IServiceProvider services, bool includeMessaging, TimeSpan timeout)
    {
        foreach (var group in services.GetServices<ModuleDataSource>().GroupBy(s => s.DataSource))
        {
            var source = group.First();
            try
            {
                using var cancellation = new CancellationTokenSource(timeout);
                await using var connection = await group.Key.OpenConnectionAsync(cancellation.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is NpgsqlException or OperationCanceledException or TimeoutException)
            {
                var settings = new NpgsqlConnectionStringBuilder(group.Key.ConnectionString);
                return $"cannot reach PostgreSQL at {settings.Host}:{settings.Port} database '{settings.Database}' " +
                       $"(setting {source.SettingName}): {OneLine(exception)}";
            }
        }

        if (!includeMessaging)
            return null;

        var redis = services.GetRequiredService<IConnectionMultiplexer>();
        try
        {
            await redis.GetDatabase().PingAsync().WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            return $"cannot reach Redis at {string.Join(",", redis.GetEndPoints().Select(e => e.ToString()))} " +
                   $"(setting {Infrastructure.RedisSetting}): {OneLine(exception)}";
        }

        var nats = services.GetRequiredService<INatsConnection>();
        try
        {
            await nats.ConnectAsync().AsTask().WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is NatsException or TimeoutException)
        {
            return $"cannot reach NATS at {nats.Opts.Url} (setting {Infrastructure.NatsSetting}): {OneLine(exception)}";
        }

        return null;
    }

    private static string OneLine(Exception exception) =>
        exception.GetBaseException().Message.ReplaceLineEndings(" ").Trim();
}
