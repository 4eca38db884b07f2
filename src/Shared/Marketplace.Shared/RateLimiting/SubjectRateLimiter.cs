using System.Security.Cryptography;
using System.Text;
using Marketplace.Shared.Contracts;
using StackExchange.Redis;

namespace Marketplace.Shared.RateLimiting;

/// <summary>
/// A named budget: at most <see cref="PermitLimit"/> attempts per subject per <see cref="Window"/>, e.g.
/// <c>new("otp-send-phone", 3, TimeSpan.FromMinutes(10))</c>.
/// </summary>
public sealed record SubjectRateLimit(string Name, int PermitLimit, TimeSpan Window);

public readonly record struct SubjectRateLimitResult(bool Allowed, long Count, TimeSpan RetryAfter);

/// <summary>
/// Per-subject limits for sensitive operations (OTP sends per phone, logins per account, uploads per seller).
/// Modules call it inside the use case, so every attempt counts however it arrives: many HTTP requests,
/// aliases in one document, or several gateway instances (the counters live in Redis).
/// </summary>
public interface ISubjectRateLimiter
{
    /// <summary>
    /// Counts one attempt of <paramref name="subject"/> against <paramref name="limit"/>. Throws
    /// <see cref="Security.RedisUnavailableException"/> when Redis cannot answer: the caller decides whether that fails open or closed.
    /// </summary>
    Task<SubjectRateLimitResult> TryAcquireAsync(SubjectRateLimit limit, string subject, CancellationToken cancellationToken);
}

public static class SubjectRateLimiterExtensions
{
    /// <summary>Counts one attempt; over the limit it throws ResourceExhausted (RATE_LIMITED) with the retry delay.</summary>
    public static async Task EnforceAsync(this ISubjectRateLimiter limiter, SubjectRateLimit limit, string subject, CancellationToken cancellationToken)
    {
        var result = await limiter.TryAcquireAsync(limit, subject, cancellationToken).ConfigureAwait(false);
        if (!result.Allowed)
            throw ContractError.ResourceExhausted("RATE_LIMITED", "Too many attempts; try again later.", result.RetryAfter);
    }
}

/// <summary>
/// Fixed windows in Redis: one INCR per attempt on <c>ratelimit:{name}:{hash(subject)}</c>, expiring with the
/// window. Subjects are hashed so phone numbers and emails never sit in Redis in clear.
/// </summary>
internal sealed class RedisSubjectRateLimiter(Security.RedisGuard redis) : ISubjectRateLimiter
{
    // Atomic: the first attempt of a window sets its expiry; a key without one (crash between calls) gets it back.
    private const string Script = """
        local count = redis.call('INCR', KEYS[1])
        local ttl = redis.call('PTTL', KEYS[1])
        if ttl < 0 then
          redis.call('PEXPIRE', KEYS[1], ARGV[1])
          ttl = tonumber(ARGV[1])
        end
        return { count, ttl }
        """;

    public async Task<SubjectRateLimitResult> TryAcquireAsync(SubjectRateLimit limit, string subject, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit.PermitLimit);
        var key = $"ratelimit:{limit.Name}:{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(subject)))[..32]}";
        // Through the guard: a short timeout and the shared circuit breaker; RedisUnavailableException when Redis is down.
        var result = (RedisResult[])(await redis
            .RunAsync((db, _) => db.ScriptEvaluateAsync(Script, [key], [(long)limit.Window.TotalMilliseconds]), cancellationToken)
            .ConfigureAwait(false))!;
        var count = (long)result[0];
        var ttl = TimeSpan.FromMilliseconds((long)result[1]);
        return new SubjectRateLimitResult(count <= limit.PermitLimit, count, count <= limit.PermitLimit ? TimeSpan.Zero : ttl);
    }
}
