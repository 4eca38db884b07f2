using Marketplace.Modules.Users.Auth;
using Marketplace.Modules.Users.Contracts.Events;
using Marketplace.Modules.Users.Contracts.V1;
using Marketplace.Modules.Users.Domain;
using Marketplace.Modules.Users.Persistence;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Users.Sellers;

/// <summary>Seller accounts: registration, email verification, login, password reset.</summary>
internal sealed class SellerAccounts(
    UsersDbContext db,
    PasswordHasher hasher,
    AccountEmails emails,
    FailureThrottle throttle,
    ISubjectRateLimiter limiter,
    SessionService sessions,
    UsersOptions options,
    TimeProvider clock)
{
    public const int DisplayNameMaxLength = 100;

    public async Task<SignedIn> RegisterAsync(RegisterSellerRequest request, CancellationToken cancellationToken)
    {
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

        if (await db.Set<User>().AnyAsync(u => u.Email == email, cancellationToken))
            throw EmailTaken();

        var now = clock.GetUtcNow();
        var user = new User { Role = Roles.Seller, Email = email, DisplayName = displayName, PasswordHash = hasher.Hash(request.Password), CreatedAt = now };
        db.Add(user);
        db.AddEvent(new SellerRegistered(user.Id, email!, displayName, now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is Npgsql.PostgresException { SqlState: "23505" })
        {
            throw EmailTaken();
        }

        await emails.SendVerificationAsync(user, cancellationToken);
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
            await db.SaveChangesAsync(cancellationToken);
        }

        return user.Id;
    }

    public async Task ResendVerificationAsync(Guid userId, CancellationToken cancellationToken)
    {
        var user = await db.Set<User>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId && u.Role == Roles.Seller, cancellationToken)
            ?? throw ContractError.PermissionDenied("SELLERS_ONLY", "Only sellers verify an email address.");
        if (user.EmailVerifiedAt is not null)
            throw ContractError.FailedPrecondition("ALREADY_VERIFIED", "Your email address is already verified.");
        await limiter.EnforceAsync(new SubjectRateLimit("users-email-account", options.Limits.EmailsPerAccountPerHour, TimeSpan.FromHours(1)), user.Id.ToString(), cancellationToken);
        await emails.SendVerificationAsync(user, cancellationToken);
    }

    public async Task<SignedIn> LoginAsync(LoginSellerRequest request, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(request.Client?.Ip))
            await limiter.EnforceAsync(new SubjectRateLimit("users-login-ip", options.Limits.LoginsPerIpPer15Minutes, TimeSpan.FromMinutes(15)), request.Client.Ip, cancellationToken);
        var email = EmailAddresses.Normalize(request.Email) ?? "";
        var subject = Secrets.SubjectKey("account", email);
        await throttle.EnsureAllowedAsync(subject, cancellationToken);

        var user = email.Length == 0 ? null : await db.Set<User>().FirstOrDefaultAsync(u => u.Email == email, cancellationToken);
        var (valid, needsRehash) = hasher.Verify(user?.PasswordHash, request.Password ?? "");
        if (!valid || user is null)
        {
            await throttle.RecordFailureAsync(subject, cancellationToken);
            throw ContractError.InvalidArgument("CREDENTIALS_INVALID", "The email or password is wrong.",
                [new FieldViolation("password", "The email or password is wrong.", "CREDENTIALS_INVALID")]);
        }

        await throttle.ClearAsync(subject, cancellationToken);
        if (needsRehash)
            user.PasswordHash = hasher.Hash(request.Password!);
        return await sessions.StartAsync(user, request.Client, cancellationToken);
    }

    public async Task RequestPasswordResetAsync(RequestPasswordResetRequest request, CancellationToken cancellationToken)
    {
        var email = EmailAddresses.Normalize(request.Email)
            ?? throw ContractError.InvalidArgument("EMAIL_INVALID", "Enter a valid email address.", [new FieldViolation("email", "Enter a valid email address.", "EMAIL_INVALID")]);
        var user = await db.Set<User>().AsNoTracking().FirstOrDefaultAsync(u => u.Email == email && u.PasswordHash != null, cancellationToken);
        if (user is null)
            return; // same answer either way: the address book of our sellers is not for sale
        var allowed = await limiter.TryAcquireAsync(new SubjectRateLimit("users-email-account", options.Limits.EmailsPerAccountPerHour, TimeSpan.FromHours(1)), user.Id.ToString(), cancellationToken);
        if (allowed.Allowed)
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
        await sessions.RevokeAllAsync(user.Id, "password_reset", cancellationToken);
        await throttle.ClearAsync(Secrets.SubjectKey("account", user.Email!), cancellationToken);
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

    private static Grpc.Core.RpcException EmailTaken() => ContractError.AlreadyExists("EMAIL_TAKEN", "An account with this email already exists.");
}
