using System.Threading.RateLimiting;
using Marketplace.Gateway.Errors;

namespace Marketplace.Gateway.Limits;

/// <summary>
/// Fixed-window limits on /graphql requests: one budget per client IP, another per signed-in user, so neither
/// many users behind one address nor one user from many addresses goes unbounded. HTTP charges each request and
/// WebSocket each operation (subscribe message), from the same budgets.
/// </summary>
internal sealed class HttpRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string>? _perIp;
    private readonly PartitionedRateLimiter<string>? _perUser;

    public HttpRateLimiter(GatewayOptions options)
    {
        _perIp = Create(options.RateLimitPerIp, options.RateLimitWindow);
        _perUser = Create(options.RateLimitPerUser, options.RateLimitWindow);
    }

    /// <summary>Null when allowed, else how long to wait. Checked before the token, so floods never reach verification.</summary>
    public TimeSpan? TryAcquireForAddress(string? ip) => _perIp is null ? null : Acquire(_perIp, ip ?? "unknown");

    public TimeSpan? TryAcquireForUser(string userId) => _perUser is null ? null : Acquire(_perUser, userId);

    /// <summary>The RATE_LIMITED error, with <c>extensions.retryAfterSeconds</c> (whole seconds, at least 1).</summary>
    public static GatewayError Refusal(TimeSpan wait) =>
        new(ErrorCodes.RateLimited, "Too many requests; retry later.")
        {
            Details = new Dictionary<string, object?> { ["retryAfterSeconds"] = (int)Math.Ceiling(Math.Max(1, wait.TotalSeconds)) },
        };

    private static TimeSpan? Acquire(PartitionedRateLimiter<string> limiter, string key)
    {
        using var lease = limiter.AttemptAcquire(key);
        if (lease.IsAcquired)
            return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
    }

    private static PartitionedRateLimiter<string>? Create(int permits, TimeSpan window) =>
        permits <= 0
            ? null
            : PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = window,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));

    public void Dispose()
    {
        _perIp?.Dispose();
        _perUser?.Dispose();
    }
}
