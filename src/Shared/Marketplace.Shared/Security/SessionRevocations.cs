using Microsoft.Extensions.Logging;

namespace Marketplace.Shared.Security;

/// <summary>What is known about a session's access tokens.</summary>
public enum SessionState
{
    /// <summary>Not ended: its signed, unexpired tokens are honoured.</summary>
    Live,

    /// <summary>Ended (logout, revocation, refresh-token reuse, password reset): its tokens are refused at once.</summary>
    Ended,

    /// <summary>Neither Redis nor the fallback could answer: the caller must not honour the token (fail closed).</summary>
    Unknown,
}

/// <summary>
/// Sessions that ended before their access tokens expire (logout, revocation, refresh-token reuse, password reset).
/// The Users module marks them; the gateway refuses tokens of a marked session at once instead of honouring them
/// until they expire. Marks live in Redis for as long as a token of the session can still be valid. Redis is asked
/// through <see cref="RedisGuard"/> (short timeout, circuit breaker); while it cannot answer, the registered
/// <see cref="ISessionLiveness"/> (the gateway asks the Users module) answers instead.
/// </summary>
public interface ISessionRevocations
{
    /// <summary>
    /// Marks sessions ended; <paramref name="tokenLifetime"/> is how long their last token stays valid. False when Redis
    /// did not take the marks: the caller keeps them pending and applies them again later.
    /// </summary>
    Task<bool> MarkRevokedAsync(IReadOnlyCollection<string> sessionIds, TimeSpan tokenLifetime);

    /// <summary>The session's state: from Redis, else from the fallback, else <see cref="SessionState.Unknown"/>.</summary>
    Task<SessionState> CheckAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>
    /// True when the session is known to have ended. When nothing can answer it says false (logged): for re-checks of
    /// connections that were authenticated already; new requests use <see cref="CheckAsync"/> and fail closed.
    /// </summary>
    Task<bool> IsRevokedAsync(string sessionId);
}

/// <summary>
/// Whether a session is still live, asked of its owner (the Users module) when Redis cannot answer. Implementations
/// cache briefly; they throw when they cannot answer either.
/// </summary>
public interface ISessionLiveness
{
    Task<bool> IsEndedAsync(string sessionId, CancellationToken cancellationToken);
}

internal sealed partial class RedisSessionRevocations(RedisGuard redis, IEnumerable<ISessionLiveness> fallbacks, ILogger<RedisSessionRevocations> logger) : ISessionRevocations
{
    public const string Prefix = "marketplace:revoked-session:";

    // Clock skew the gateway allows on expiry, so a mark never disappears before the last token it covers.
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(2);

    private readonly ISessionLiveness? _fallback = fallbacks.LastOrDefault();

    public async Task<bool> MarkRevokedAsync(IReadOnlyCollection<string> sessionIds, TimeSpan tokenLifetime)
    {
        if (sessionIds.Count == 0)
            return true;
        try
        {
            await redis.RunAsync(
                async (database, _) =>
                {
                    await Task.WhenAll(sessionIds.Select(id => database.StringSetAsync(Prefix + id, "1", tokenLifetime + Margin))).ConfigureAwait(false);
                    return true;
                },
                CancellationToken.None).ConfigureAwait(false);
            return true;
        }
        catch (RedisUnavailableException exception)
        {
            // The session is ended in the database regardless, and the mark stays pending there until Redis takes it.
            LogMarkFailed(logger, sessionIds.Count, exception.Message);
            return false;
        }
    }

    public async Task<SessionState> CheckAsync(string sessionId, CancellationToken cancellationToken)
    {
        try
        {
            return await redis.RunAsync((database, _) => database.KeyExistsAsync(Prefix + sessionId), cancellationToken).ConfigureAwait(false)
                ? SessionState.Ended
                : SessionState.Live;
        }
        catch (RedisUnavailableException exception)
        {
            if (_fallback is null)
            {
                LogCheckFailed(logger, exception.Message);
                return SessionState.Unknown;
            }
        }

        try
        {
            return await _fallback.IsEndedAsync(sessionId, cancellationToken).ConfigureAwait(false) ? SessionState.Ended : SessionState.Live;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFallbackFailed(logger, exception.GetType().Name);
            return SessionState.Unknown;
        }
    }

    public async Task<bool> IsRevokedAsync(string sessionId) => await CheckAsync(sessionId, CancellationToken.None).ConfigureAwait(false) == SessionState.Ended;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not mark {Count} ended session(s) in Redis ({Error}); the marks stay pending and are applied when Redis is back")]
    private static partial void LogMarkFailed(ILogger logger, int count, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check session revocation in Redis and no fallback is registered: {Error}")]
    private static partial void LogCheckFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is unavailable and the session check's fallback failed too ({Error}); the session's state is unknown")]
    private static partial void LogFallbackFailed(ILogger logger, string error);
}
