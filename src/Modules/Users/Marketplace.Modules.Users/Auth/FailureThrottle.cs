using Marketplace.Modules.Users.Domain;
using Marketplace.Modules.Users.Persistence;
using Marketplace.Shared.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Users.Auth;

/// <summary>
/// Failed attempts per subject (a phone's codes, a seller's password) with growing delays: after
/// <see cref="UsersLimits.FailuresBeforeDelay"/> failures the subject waits <see cref="UsersLimits.FirstDelay"/>, doubling
/// with each further failure up to <see cref="UsersLimits.MaxDelay"/>. Kept in the database so it holds across
/// instances, and is not reset by requesting a new code: only a success clears it.
/// </summary>
internal sealed class FailureThrottle(UsersDbContext db, UsersOptions options, TimeProvider clock)
{
    /// <summary>Throws ResourceExhausted TOO_MANY_ATTEMPTS while the subject must wait.</summary>
    public async Task EnsureAllowedAsync(string subjectKey, CancellationToken cancellationToken)
    {
        var throttle = await db.Set<AuthThrottle>().AsNoTracking().FirstOrDefaultAsync(t => t.Subject == subjectKey, cancellationToken);
        var now = clock.GetUtcNow();
        if (throttle?.BlockedUntil is { } until && until > now)
            throw ContractError.ResourceExhausted("TOO_MANY_ATTEMPTS", "Too many failed attempts; wait before trying again.", until - now);
    }

    /// <summary>Counts a failure (saved at once, whatever the caller does next).</summary>
    public async Task RecordFailureAsync(string subjectKey, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var limits = options.Limits;
        // One statement, so concurrent failures all count.
        var failures = await db.Database.SqlQuery<int>($"""
            INSERT INTO users.auth_throttles (subject, failures, blocked_until, updated_at)
            VALUES ({subjectKey}, 1, NULL, {now})
            ON CONFLICT (subject) DO UPDATE SET failures = auth_throttles.failures + 1, updated_at = {now}
            RETURNING failures AS "Value"
            """).ToListAsync(cancellationToken);
        var count = failures.Single();
        if (count < limits.FailuresBeforeDelay)
            return;
        var exponent = Math.Min(count - limits.FailuresBeforeDelay, 20);
        var delay = TimeSpan.FromTicks(Math.Min(limits.FirstDelay.Ticks * (1L << exponent), limits.MaxDelay.Ticks));
        var until = now + delay;
        await db.Database.ExecuteSqlAsync($"UPDATE users.auth_throttles SET blocked_until = {until} WHERE subject = {subjectKey}", cancellationToken);
    }

    public Task ClearAsync(string subjectKey, CancellationToken cancellationToken) =>
        db.Set<AuthThrottle>().Where(t => t.Subject == subjectKey).ExecuteDeleteAsync(cancellationToken);
}
