using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;
using StackExchange.Redis;

namespace Marketplace.Shared.Security;

/// <summary>Redis could not answer in time (down, unreachable, slow, or the circuit is open). Callers decide: fail open or closed.</summary>
public sealed class RedisUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Redis calls on a request's path (session revocation checks, message budgets) through one Polly pipeline: a short
/// timeout per call and a circuit breaker shared by every caller. While Redis is down the client library would queue a
/// command for seconds before failing (every signed-in request waited ~10 s); here a call gives up after
/// <c>Redis:OperationTimeout</c>, and once calls keep failing the circuit opens and later calls fail at once, without
/// touching Redis, until a trial call succeeds again.
/// </summary>
public sealed partial class RedisGuard
{
    public const string TimeoutSetting = "Redis:OperationTimeout";
    // Redis answers in well under a millisecond; two seconds leave room for a host whose CPU is saturated (a burst of
    // password hashes) without counting it as an outage.
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(2);

    private readonly IConnectionMultiplexer _redis;
    private readonly ResiliencePipeline _pipeline;

    public RedisGuard(IConnectionMultiplexer redis, ILogger<RedisGuard> logger, TimeSpan? timeout = null, TimeSpan? breakDuration = null)
    {
        _redis = redis;
        Timeout = timeout ?? DefaultTimeout;
        _pipeline = new ResiliencePipelineBuilder()
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<RedisException>().Handle<TimeoutException>().Handle<TimeoutRejectedException>(),
                FailureRatio = 0.5,
                MinimumThroughput = 4,
                SamplingDuration = TimeSpan.FromSeconds(10),
                BreakDuration = breakDuration ?? TimeSpan.FromSeconds(5),
                OnOpened = args =>
                {
                    LogOpened(logger, args.BreakDuration.TotalSeconds, args.Outcome.Exception?.GetType().Name ?? "failure");
                    return default;
                },
                OnClosed = _ =>
                {
                    LogClosed(logger);
                    return default;
                },
            })
            .AddTimeout(Timeout)
            .Build();
    }

    public TimeSpan Timeout { get; }

    /// <summary>
    /// Runs <paramref name="call"/> against Redis within the timeout. Throws <see cref="RedisUnavailableException"/> when
    /// Redis fails, is too slow or the circuit is open; cancellation of <paramref name="cancellationToken"/> propagates.
    /// </summary>
    public async Task<T> RunAsync<T>(Func<IDatabase, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        // A dropped connection is known at once: fail now instead of queueing behind the reconnect for the whole timeout.
        if (!_redis.IsConnected)
            throw new RedisUnavailableException("Redis is not connected.");
        try
        {
            // The client library's tasks take no token: WaitAsync lets the timeout abandon a command stuck in its backlog.
            return await _pipeline.ExecuteAsync(async token => await call(_redis.GetDatabase(), token).WaitAsync(token).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }
        catch (BrokenCircuitException exception)
        {
            throw new RedisUnavailableException("Redis is unavailable (circuit open).", exception);
        }
        catch (TimeoutRejectedException exception)
        {
            throw new RedisUnavailableException($"Redis did not answer within {Timeout.TotalMilliseconds:0} ms.", exception);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            throw new RedisUnavailableException($"Redis failed: {exception.Message}", exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis keeps failing ({Error}); calls on the request path fail fast for {Seconds} s")]
    private static partial void LogOpened(ILogger logger, double seconds, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis answers again; request-path calls use it again")]
    private static partial void LogClosed(ILogger logger);
}
