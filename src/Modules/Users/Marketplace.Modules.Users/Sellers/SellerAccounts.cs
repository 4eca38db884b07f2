using Marketplace.Modules.Users.Auth;
using Marketplace.Modules.Users.Contracts.Events;
using Marketplace.Modules.Users.Contracts.V1;
using Marketplace.Modules.Users.Domain;
using Marketplace.Modules.Users.Persistence;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.RateLimiting;
using Marketplace.Shared.Security;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Users.Sellers;

/// <summary>
/// Seller accounts: registration, email verification, login, password reset. No answer depends on whether an
/// address has an account: registering (or, in <see cref="Profiles.ProfileEditor"/>, moving to) an address a verified
/// account holds answers exactly like a free address, and its owner is told by email; password sign-in needs a
/// verified address, so the new account's password cannot be used to probe either.
/// </summary>
internal sealed class SellerAccounts(
    UsersDbContext db,
    PasswordHasher hasher,
    AccountEmails emails,
    UserMessageBudget budget,
    FailureThrottle throttle,
    ISubjectRateLimiter limiter,
    SessionService sessions,
    UsersOptions options,
    TimeProvider clock)
{
    public const int DisplayNameMaxLength = 100;

    public async Task<SignedIn> RegisterAsync(RegisterSellerRequest request, CancellationToken cancellationToken)
    {
        var ip = request.Client?.Ip;
        // Counted before anything costs: each registration is a 210k-iteration hash and an email.
        if (!string.IsNullOrEmpty(ip))
            await EnforceFailClosedAsync(new SubjectRateLimit("users-register-ip", options.Limits.RegistrationsPerIpPerHour, TimeSpan.FromHours(1)), ip, cancellationToken);

        var violations = new List<FieldViolation>();
        var email = EmailAddresses.Normalize(request.Email);
        if (email is null)
            violations.Add(new FieldViolation("email", "Enter a valid email address.", "EMAIL_INVALID"));
        if (PasswordPolicy.Check(request.Password, email ?? request.Email) is { } weak)
            violations.Add(new FieldViolation("password", weak.Message, weak.Code));
        var displayName = request.DisplayName?.Trim() ?? "";
        if (displayName.Length is 0 or > DisplayNameMaxLength)
            violations.Add(new FieldViolation("displayName", $"Enter a name of 1 to {DisplayNameMaxLength} characters.", "DISPLAY_NAME_INVALID"));
        if (violations.Count > 0)
            throw ContractError.InvalidArgument(violations[0].Code, "The registration is invalid.", violations);

        // One email goes out either way (the link, or the owner's notice): the same budget, the same answer.
        await budget.ReserveEmailAsync(email!, account: null, ip, cancellationToken);

        var now = clock.GetUtcNow();
        var user = new User { Role = Roles.Seller, Email = email, DisplayName = displayName, PasswordHash = hasher.Hash(request.Password), CreatedAt = now };
        db.Add(user);
        db.AddEvent(new SellerRegistered(user.Id, email!, displayName, now));
        await db.SaveChangesAsync(cancellationToken);

        await emails.SendVerificationOrNoticeAsync(user, cancellationToken);
        return await sessions.StartAsync(user, request.Client, cancellationToken);
    }

    public async Task<Guid> VerifyEmailAsync(string token, CancellationToken cancellationToken)
    {
        var row = await ClaimTokenAsync(token, EmailToken.VerifyEmail, cancellationToken);
        var user = await db.Set<User>().FirstOrDefaultAsync(u => u.Id == row.UserId, cancellationToken);
        // A token proves the address it was sent to; if the email changed since, it proves nothing.
        if (user is null || user.Email != row.Email)
            throw TokenInvalid();
        if (user.EmailVerifiedAt is null)
        {
            var now = clock.GetUtcNow();
            user.EmailVerifiedAt = now;
            db.AddEvent(new SellerEmailVerified(user.Id, user.Email!, user.DisplayName, now));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException exception) when (exception.InnerException is Npgsql.PostgresException { SqlState: "23505" })
            {
                // Another account verified this address first. Only the mailbox's owner holds this link, so saying so
                // tells nobody else anything.
                throw ContractError.AlreadyExists("EMAIL_TAKEN", "Another account already uses this verified email address; sign in with that one.");
            }
        }

        return user.Id;
    }

    public async Task ResendVerificationAsync(Guid userId, ClientInfo? client, CancellationToken cancellationToken)
    {
        var user = await db.Set<User>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId && u.Role == Roles.Seller, cancellationToken)
            ?? throw ContractError.PermissionDenied("SELLERS_ONLY", "Only sellers verify an email address.");
        if (user.EmailVerifiedAt is not null)
            throw ContractError.FailedPrecondition("ALREADY_VERIFIED", "Your email address is already verified.");
        await budget.ReserveEmailAsync(user.Email!, user.Id, client?.Ip, cancellationToken);
        await emails.SendVerificationOrNoticeAsync(user, cancellationToken);
    }

    public async Task<SignedIn> LoginAsync(LoginSellerRequest request, CancellationToken cancellationToken)
    {
        var ip = request.Client?.Ip;
        if (!string.IsNullOrEmpty(ip))
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

        var email = EmailAddresses.Normalize(request.Email) ?? "";
        var account = AccountSubject(email);
        // This client's tries at this account first (the delay an attacker earns stays theirs), then the account's hard
        // cap across all clients; both reserved before the password is checked.
        await throttle.ReserveDelayedAttemptAsync(Secrets.SubjectKey("account-client", $"{email}|{ip}"), cancellationToken);
        await throttle.ReserveCappedAttemptAsync(account, cancellationToken);

        // Only a verified address signs in with a password: an unverified claim (maybe of someone else's address) cannot.
        var user = email.Length == 0 ? null : await db.Set<User>().FirstOrDefaultAsync(u => u.Email == email && u.EmailVerifiedAt != null, cancellationToken);
        var (valid, needsRehash) = hasher.Verify(user?.PasswordHash, request.Password ?? "");
        if (!valid || user is null)
        {
            throw ContractError.InvalidArgument("CREDENTIALS_INVALID", "The email or password is wrong, or the address is not verified yet (follow the link we emailed).",
                [new FieldViolation("password", "The email or password is wrong, or the address is not verified yet.", "CREDENTIALS_INVALID")]);
        }

        await throttle.ClearAsync([account, Secrets.SubjectKey("account-client", $"{email}|{ip}")], cancellationToken);
        if (needsRehash)
            user.PasswordHash = hasher.Hash(request.Password!);
        return await sessions.StartAsync(user, request.Client, cancellationToken);
    }

    public async Task RequestPasswordResetAsync(RequestPasswordResetRequest request, CancellationToken cancellationToken)
    {
        var email = EmailAddresses.Normalize(request.Email)
            ?? throw ContractError.InvalidArgument("EMAIL_INVALID", "Enter a valid email address.", [new FieldViolation("email", "Enter a valid email address.", "EMAIL_INVALID")]);
        // The verified holder of the address; else the newest unverified claim (a seller who never followed the link
        // can get in this way: completing a reset proves the address).
        var user = await db.Set<User>().AsNoTracking()
            .Where(u => u.Email == email && u.PasswordHash != null)
            .OrderByDescending(u => u.EmailVerifiedAt != null).ThenByDescending(u => u.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (user is null)
            return; // same answer either way: the address book of our sellers is not for sale
        // Over budget (or the budget cannot be checked): silently nothing, as for an unknown address.
        if (await budget.TryReserveEmailAsync(email, user.Id, request.Client?.Ip, cancellationToken))
            await emails.SendPasswordResetAsync(user, cancellationToken);
    }

    public async Task CompletePasswordResetAsync(CompletePasswordResetRequest request, CancellationToken cancellationToken)
    {
        // Check the token before the password, without consuming it, so a weak password can be corrected.
        var hash = Secrets.Hash(request.Token ?? "");
        var now = clock.GetUtcNow();
        var pending = await db.Set<EmailToken>().AsNoTracking()
            .FirstOrDefaultAsync(t => t.Hash == hash && t.Purpose == EmailToken.ResetPassword && t.UsedAt == null && t.ExpiresAt > now, cancellationToken)
            ?? throw TokenInvalid();
        if (PasswordPolicy.Check(request.NewPassword, pending.Email) is { } weak)
            throw ContractError.InvalidArgument(weak.Code, weak.Message, [new FieldViolation("newPassword", weak.Message, weak.Code)]);

        var row = await ClaimTokenAsync(request.Token!, EmailToken.ResetPassword, cancellationToken);
        var user = await db.Set<User>().FirstOrDefaultAsync(u => u.Id == row.UserId, cancellationToken) ?? throw TokenInvalid();
        user.PasswordHash = hasher.Hash(request.NewPassword);
        await db.SaveChangesAsync(cancellationToken);
        // The link proved the mailbox: an unverified address is verified now (unless another account verified it first).
        if (user.EmailVerifiedAt is null && user.Email == row.Email
            && !await db.Set<User>().AnyAsync(u => u.Email == row.Email && u.EmailVerifiedAt != null, cancellationToken))
        {
            try
            {
                user.EmailVerifiedAt = now;
                db.AddEvent(new SellerEmailVerified(user.Id, user.Email!, user.DisplayName, now));
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException exception) when (exception.InnerException is Npgsql.PostgresException { SqlState: "23505" })
            {
                db.ChangeTracker.Clear();
            }
        }

        await sessions.RevokeAllAsync(user.Id, "password_reset", cancellationToken);
        // The other path NIST asks for: a reset unlocks password sign-in after the cap of failures.
        await throttle.ClearAsync([AccountSubject(row.Email)], cancellationToken);
    }

    /// <summary>The hard-cap subject of password sign-in for an address.</summary>
    public static string AccountSubject(string email) => Secrets.SubjectKey("account", email);

    private async Task EnforceFailClosedAsync(SubjectRateLimit limit, string subject, CancellationToken cancellationToken)
    {
        try
        {
            await limiter.EnforceAsync(limit, subject, cancellationToken);
        }
        catch (RedisUnavailableException)
        {
            throw MessageBudgetExtensions.Unavailable();
        }
    }

    private async Task<EmailToken> ClaimTokenAsync(string? token, string purpose, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 128)
            throw TokenInvalid();
        var hash = Secrets.Hash(token);
        var now = clock.GetUtcNow();
        var row = await db.Set<EmailToken>().AsNoTracking().FirstOrDefaultAsync(t => t.Hash == hash && t.Purpose == purpose, cancellationToken);
        if (row is null || row.ExpiresAt <= now)
            throw TokenInvalid();
        var claimed = await db.Set<EmailToken>().Where(t => t.Id == row.Id && t.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), cancellationToken);
        return claimed == 1 ? row : throw TokenInvalid();
    }

    private static Grpc.Core.RpcException TokenInvalid() =>
        ContractError.InvalidArgument("TOKEN_INVALID", "The link is invalid, expired or already used.",
            [new FieldViolation("token", "The link is invalid, expired or already used.", "TOKEN_INVALID")]);
}
