using Marketplace.Modules.Users.Domain;
using Marketplace.Modules.Users.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Users.Auth;

/// <summary>
/// Bounds guessing, in <c>users.auth_throttles</c> (so it holds across instances). Every attempt is <em>reserved</em> in one
/// statement before the secret is compared, so concurrent guesses can never get more tries than the limit (a separate
/// check and record let 4 to 18 through). Two kinds of subject:
/// <list type="bullet">
/// <item>a hard cap on consecutive failures of a phone or account from anyone (<see cref="UsersLimits.MaxConsecutiveFailures"/>,
/// NIST SP 800-63B ≤ 100): when spent, that way of signing in is locked (<c>SIGN_IN_LOCKED</c>) until another path clears
/// it (a password reset, an administrator). A success clears it.</item>
/// <item>a growing delay per account <em>and client</em> (<see cref="UsersLimits.FailuresBeforeDelay"/> tries, then
/// <see cref="UsersLimits.FirstDelay"/> doubling up to <see cref="UsersLimits.MaxDelay"/>): an attacker's wrong passwords
/// slow the attacker down, not the real seller signing in from elsewhere.</item>
/// </list>
/// Both reservations answer instead of throwing: they run inside a command's transaction, and a refused attempt's
/// earlier reservations must commit with its answer (see <see cref="Refusal"/>).
/// </summary>
internal sealed class FailureThrottle(UsersDbContext db, UsersOptions options, TimeProvider clock)
{
    /// <summary>Reserves one attempt against the subject's cap of consecutive failures; false when the cap is spent (SIGN_IN_LOCKED).</summary>
    public async Task<bool> TryReserveCappedAttemptAsync(string subjectKey, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var cap = options.Limits.MaxConsecutiveFailures;
        var reserved = await db.Database.SqlQuery<int>($"""
            INSERT INTO users.auth_throttles (subject, failures, blocked_until, updated_at)
            VALUES ({subjectKey}, 1, NULL, {now})
            ON CONFLICT (subject) DO UPDATE SET failures = auth_throttles.failures + 1, updated_at = {now}
              WHERE auth_throttles.failures < {cap}
            RETURNING failures AS "Value"
            """).ToListAsync(cancellationToken);
        return reserved.Count > 0;
    }

    /// <summary>
    /// Reserves one try of a subject keyed on account and client; null when reserved, else the time that client must
    /// still wait (TOO_MANY_ATTEMPTS). The try that reaches the threshold starts the wait at once, before its comparison.
    /// </summary>
    public async Task<TimeSpan?> TryReserveDelayedAttemptAsync(string subjectKey, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var limits = options.Limits;
        var threshold = limits.FailuresBeforeDelay;
        var first = limits.FirstDelay.TotalSeconds;
        var max = limits.MaxDelay.TotalSeconds;
        var reserved = await db.Database.SqlQuery<int>($"""
            INSERT INTO users.auth_throttles (subject, failures, blocked_until, updated_at)
            VALUES ({subjectKey}, 1, CASE WHEN 1 >= {threshold} THEN {now} + make_interval(secs => {first}) END, {now})
            ON CONFLICT (subject) DO UPDATE SET
                failures = auth_throttles.failures + 1,
                blocked_until = CASE WHEN auth_throttles.failures + 1 >= {threshold}
                    THEN {now} + make_interval(secs => LEAST({first} * power(2, LEAST(auth_throttles.failures + 1 - {threshold}, 20)), {max}))
                END,
                updated_at = {now}
              WHERE auth_throttles.blocked_until IS NULL OR auth_throttles.blocked_until <= {now}
            RETURNING failures AS "Value"
            """).ToListAsync(cancellationToken);
        if (reserved.Count > 0)
            return null;
        var until = await db.Set<AuthThrottle>().AsNoTracking().Where(t => t.Subject == subjectKey).Select(t => t.BlockedUntil).FirstOrDefaultAsync(cancellationToken);
        return until is { } blocked && blocked > now ? blocked - now : TimeSpan.FromSeconds(1);
    }

    /// <summary>Whether the subject's cap of consecutive failures is spent.</summary>
    public Task<bool> IsLockedAsync(string subjectKey, CancellationToken cancellationToken) =>
        db.Set<AuthThrottle>().AnyAsync(t => t.Subject == subjectKey && t.Failures >= options.Limits.MaxConsecutiveFailures, cancellationToken);

    /// <summary>Clears the subject's cap if it was spent (an administrator's unlock); true when it was.</summary>
    public async Task<bool> UnlockAsync(string subjectKey, CancellationToken cancellationToken) =>
        await db.Set<AuthThrottle>().Where(t => t.Subject == subjectKey && t.Failures >= options.Limits.MaxConsecutiveFailures)
            .ExecuteDeleteAsync(cancellationToken) > 0;

    /// <summary>A success (or another path, e.g. a password reset) clears the subjects' counts.</summary>
    public Task ClearAsync(IReadOnlyCollection<string> subjectKeys, CancellationToken cancellationToken) =>
        db.Set<AuthThrottle>().Where(t => subjectKeys.Contains(t.Subject)).ExecuteDeleteAsync(cancellationToken);
}
