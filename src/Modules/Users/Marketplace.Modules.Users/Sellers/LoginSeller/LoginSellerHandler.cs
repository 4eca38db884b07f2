using Marketplace.Modules.Users.Auth;
using Marketplace.Modules.Users.Contracts.Events;
using Marketplace.Modules.Users.Domain;
using Marketplace.Modules.Users.Persistence;
using Marketplace.Shared.RateLimiting;
using Marketplace.Shared.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Users.Sellers.LoginSeller;

/// <summary>
/// Password sign-in of a verified address (sellers and administrators). Before the password is compared, this client's
/// try at this account (the delay an attacker earns stays theirs) and the account's hard cap across all clients are
/// reserved; a wrong password is answered as a <see cref="Refusal"/>, so both reservations commit.
/// </summary>
internal sealed class LoginSellerHandler(
    UsersDbContext db,
    PasswordHasher hasher,
    FailureThrottle throttle,
    ISubjectRateLimiter limiter,
    SessionService sessions,
    DevelopmentAllowances allowances,
    UsersOptions options) : ICommandHandler<LoginSellerCommand, Outcome<SignedInSession>>
{
    public async ValueTask<Outcome<SignedInSession>> Handle(LoginSellerCommand command, CancellationToken cancellationToken)
    {
        var ip = command.Client.Ip;
        if (ip is not null && !allowances.SparesClient(ip))
        {
            try
            {
                await limiter.EnforceAsync(new SubjectRateLimit("users-login-ip", options.Limits.LoginsPerIpPer15Minutes, TimeSpan.FromMinutes(15)), ip, cancellationToken);
            }
            catch (RedisUnavailableException)
            {
                // Fail open: guessing stays bounded by the per-account caps below, which live in PostgreSQL.
            }
        }

        var email = command.Email;
        var accountClient = ThrottleSubjects.AccountClient(email, ip);
        var account = ThrottleSubjects.Account(email);
        // The demo sellers' passwords are in the README: in Development nobody's wrong tries lock them (DevelopmentAllowances).
        var guarded = !allowances.IsDemoEmail(email);
        if (guarded && await throttle.TryReserveDelayedAttemptAsync(accountClient, cancellationToken) is { } wait)
            return Refusal.TooManyAttempts(wait);
        if (guarded && !await throttle.TryReserveCappedAttemptAsync(account, cancellationToken))
            return Refusal.SignInLocked();

        // Only a verified address signs in with a password: an unverified claim (maybe of someone else's address) cannot.
        var user = email.Length == 0 ? null : await db.Set<User>().FirstOrDefaultAsync(u => u.Email == email && u.EmailVerifiedAt != null, cancellationToken);
        var (valid, needsRehash) = hasher.Verify(user?.PasswordHash, command.Password);
        if (!valid || user is null)
            return Refusal.CredentialsInvalid();

        await throttle.ClearAsync([account, accountClient], cancellationToken);
        if (needsRehash)
            user.PasswordHash = hasher.Hash(command.Password);
        return await sessions.StartAsync(user, command.Client, SignInMethods.Password, cancellationToken);
    }
}
