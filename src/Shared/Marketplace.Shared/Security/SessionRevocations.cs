using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Marketplace.Shared.Security;

/// <summary>
/// Sessions that ended before their access tokens expire (logout, revocation, refresh-token reuse, password reset).
/// The Users module marks them; the gateway refuses tokens of a marked session at once instead of honouring them
/// until they expire. Marks live in Redis for as long as a token of the session can still be valid.
/// </summary>
public interface ISessionRevocations
{
    /// <summary>Marks sessions ended; <paramref name="tokenLifetime"/> is how long their last token stays valid.</summary>
    Task MarkRevokedAsync(IReadOnlyCollection<string> sessionIds, TimeSpan tokenLifetime);

    Task<bool> IsRevokedAsync(string sessionId);
}

internal sealed partial class RedisSessionRevocations(IConnectionMultiplexer redis, ILogger<RedisSessionRevocations> logger) : ISessionRevocations
{
    private const string Prefix = "marketplace:revoked-session:";

    // Clock skew the gateway allows on expiry, so a mark never disappears before the last token it covers.
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(2);

    public async Task MarkRevokedAsync(IReadOnlyCollection<string> sessionIds, TimeSpan tokenLifetime)
    {
        if (sessionIds.Count == 0)
            return;
        try
        {
            var database = redis.GetDatabase();
            await Task.WhenAll(sessionIds.Select(id => database.StringSetAsync(Prefix + id, "1", tokenLifetime + Margin))).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            // The session is ended in the database regardless; its tokens then simply run to their expiry.
            LogMarkFailed(logger, sessionIds.Count, exception.Message);
        }
    }

    public async Task<bool> IsRevokedAsync(string sessionId)
    {
        try
        {
            return await redis.GetDatabase().KeyExistsAsync(Prefix + sessionId).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            // Fail open: the token is signed and short-lived; refusing every signed-in request while Redis is
            // down would take the marketplace down with it.
            LogCheckFailed(logger, exception.Message);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not mark {Count} ended session(s) in Redis; their access tokens stay valid until they expire: {Error}")]
    private static partial void LogMarkFailed(ILogger logger, int count, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check session revocation in Redis; accepting the token: {Error}")]
    private static partial void LogCheckFailed(ILogger logger, string error);
}
