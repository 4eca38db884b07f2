using Marketplace.Modules.Users.Domain;
using Marketplace.Modules.Users.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Users.Auth;

/// <summary>
/// SMS codes (sign-in and phone change). A new code voids the phone's older codes of the same purpose. Each code
/// allows <see cref="UsersLimits.AttemptsPerCode"/> tries, each reserved on the code's row in one statement before the
/// comparison, so concurrent wrong guesses never get more; the last wrong try voids the code. A fresh code starts with
/// fresh tries, under the daily send cap of the message budget, so an attacker's wrong guesses cost the real user one
/// new code, never a lockout. Failures that reached a code also count against the phone's (or account's) hard cap.
/// Every check answers a <see cref="CodeCheck"/> and never throws after reserving, so the command's transaction commits
/// the reserved try with a wrong code's answer (see <see cref="Refusal"/>).
/// </summary>
internal sealed class LoginCodes(UsersDbContext db, FailureThrottle throttle, UsersOptions options, TimeProvider clock)
{
    /// <summary>Stores a new code for <paramref name="phone"/> (voiding older ones of the purpose) and returns it in clear, once.</summary>
    public async Task<string> IssueAsync(string phone, string purpose, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await db.Set<LoginCode>().Where(c => c.Phone == phone && c.Purpose == purpose && c.ConsumedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ConsumedAt, now), cancellationToken);
        var code = Secrets.NewCode();
        db.Add(new LoginCode { Phone = phone, Purpose = purpose, CodeHash = Secrets.HashCode(phone, code), CreatedAt = now, ExpiresAt = now + options.LoginCodeLifetime });
        await db.SaveChangesAsync(cancellationToken);
        return code;
    }

    /// <summary>
    /// Whether <paramref name="code"/> is the live code of <paramref name="phone"/> for <paramref name="purpose"/>; a
    /// match consumes it (single use). <paramref name="capSubject"/> is the hard-cap subject the failure counts
    /// against (null: none); <see cref="CodeCheck.Locked"/> when that cap is spent.
    /// </summary>
    public async Task<CodeCheck> CheckAsync(string phone, string purpose, string? code, string? capSubject, CancellationToken cancellationToken)
    {
        code = code?.Trim() ?? "";
        // A malformed guess cannot match: it reserves nothing and teaches nothing.
        if (code.Length != 6 || !code.All(char.IsAsciiDigit))
            return CodeCheck.Wrong;

        var now = clock.GetUtcNow();
        var max = options.Limits.AttemptsPerCode;
        // Reserve a try on the newest live code, in one statement: PostgreSQL re-checks attempts < max on the row it
        // updates, so of many concurrent guesses exactly max get a try.
        var reserved = await db.Set<LoginCode>().FromSql($"""
            UPDATE users.login_codes SET attempts = attempts + 1
            WHERE id = (SELECT id FROM users.login_codes
                        WHERE phone = {phone} AND purpose = {purpose} AND consumed_at IS NULL AND expires_at > {now}
                        ORDER BY created_at DESC LIMIT 1)
              AND attempts < {max} AND consumed_at IS NULL
            RETURNING *
            """).AsNoTracking().ToListAsync(cancellationToken);
        if (reserved.Count == 0)
            return CodeCheck.Wrong;

        var row = reserved[0];
        if (capSubject is not null && !await throttle.TryReserveCappedAttemptAsync(capSubject, cancellationToken))
            return CodeCheck.Locked;
        if (Secrets.Equal(row.CodeHash, Secrets.HashCode(phone, code))
            && await db.Set<LoginCode>().Where(c => c.Id == row.Id && c.ConsumedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.ConsumedAt, now), cancellationToken) == 1)
        {
            if (capSubject is not null)
                await throttle.ClearAsync([capSubject], cancellationToken);
            return CodeCheck.Accepted;
        }

        if (row.Attempts >= max)
        {
            await db.Set<LoginCode>().Where(c => c.Id == row.Id && c.ConsumedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.ConsumedAt, now), cancellationToken);
        }

        return CodeCheck.Wrong;
    }
}

/// <summary>The answer to a code: accepted (and consumed), wrong (its try counted), or the cap of failures is spent.</summary>
internal enum CodeCheck
{
    Accepted,
    Wrong,
    Locked,
}
