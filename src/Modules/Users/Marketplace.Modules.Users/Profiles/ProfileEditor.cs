using Marketplace.Modules.Users.Auth;
using Marketplace.Modules.Users.Buyers;
using Marketplace.Modules.Users.Contracts.Events;
using Marketplace.Modules.Users.Contracts.V1;
using Marketplace.Modules.Users.Domain;
using Marketplace.Modules.Users.Persistence;
using Marketplace.Modules.Users.Sellers;
using Marketplace.Modules.Users.Sms;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Users.Profiles;

/// <summary>
/// Profile changes. Contact details that prove identity are never taken on trust: a new phone waits for a code
/// texted to it, a new email is unverified until its link is followed. <see cref="ProfileUpdated"/> names the
/// changed fields only, never their values.
/// </summary>
internal sealed class ProfileEditor(
    UsersDbContext db,
    PhoneNumberNormalizer phones,
    ISmsSender sms,
    ISubjectRateLimiter limiter,
    FailureThrottle throttle,
    AccountEmails emails,
    UsersOptions options,
    TimeProvider clock)
{
    public async Task<UpdateProfileResponse> UpdateAsync(Guid userId, UpdateProfileRequest request, CancellationToken cancellationToken)
    {
        var user = await db.Set<User>().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken)
            ?? throw ContractError.NotFound("USER_NOT_FOUND", "Your account no longer exists.");
        var violations = new List<FieldViolation>();
        var changed = new List<string>();
        var now = clock.GetUtcNow();

        string? displayName = null;
        if (request.HasDisplayName)
        {
            displayName = request.DisplayName.Trim();
            if (displayName.Length is 0 or > SellerAccounts.DisplayNameMaxLength)
                violations.Add(new FieldViolation("displayName", $"Enter a name of 1 to {SellerAccounts.DisplayNameMaxLength} characters.", "DISPLAY_NAME_INVALID"));
        }

        string? avatar = null;
        if (request.HasAvatarMediaId)
        {
            avatar = request.AvatarMediaId.Trim();
            if (avatar.Length > 64)
                violations.Add(new FieldViolation("avatarMediaId", "Not a media reference.", "AVATAR_INVALID"));
        }

        string? email = null;
        if (request.HasEmail)
        {
            if (user.Role == Roles.Buyer)
                violations.Add(new FieldViolation("email", "Buyers sign in by phone and have no email here.", "NOT_ALLOWED_FOR_ROLE"));
            else if ((email = EmailAddresses.Normalize(request.Email)) is null)
                violations.Add(new FieldViolation("email", "Enter a valid email address.", "EMAIL_INVALID"));
        }

        string? phone = null;
        if (request.HasPhone)
        {
            if (user.Role != Roles.Buyer)
                violations.Add(new FieldViolation("phone", "Only buyers sign in by phone.", "NOT_ALLOWED_FOR_ROLE"));
            else if ((phone = phones.Normalize(request.Phone)) is null)
                violations.Add(new FieldViolation("phone", "Enter a valid phone number with its country code.", "PHONE_INVALID"));
        }

        if (violations.Count > 0)
            throw ContractError.InvalidArgument(violations[0].Code, "The profile change is invalid.", violations);

        if (email is not null && email != user.Email && await db.Set<User>().AnyAsync(u => u.Email == email, cancellationToken))
            throw ContractError.AlreadyExists("EMAIL_TAKEN", "An account with this email already exists.");
        if (phone is not null && phone != user.Phone && await db.Set<User>().AnyAsync(u => u.Phone == phone, cancellationToken))
            throw ContractError.AlreadyExists("PHONE_TAKEN", "Another account uses this phone number.");

        if (displayName is not null && displayName != user.DisplayName)
        {
            user.DisplayName = displayName;
            changed.Add("displayName");
        }

        if (avatar is not null && avatar != (user.AvatarMediaId ?? ""))
        {
            user.AvatarMediaId = avatar.Length == 0 ? null : avatar;
            changed.Add("avatarMediaId");
        }

        var emailChanged = email is not null && email != user.Email;
        if (emailChanged)
        {
            user.Email = email;
            user.EmailVerifiedAt = null;
            changed.Add("email");
        }

        var phoneCodeSent = false;
        if (phone is not null && phone != user.Phone)
        {
            await limiter.EnforceAsync(new SubjectRateLimit("users-code-send-phone-min", options.Limits.CodeSendsPerPhonePerMinute, TimeSpan.FromMinutes(1)), phone, cancellationToken);
            await limiter.EnforceAsync(new SubjectRateLimit("users-code-send-phone-hour", options.Limits.CodeSendsPerPhonePerHour, TimeSpan.FromHours(1)), phone, cancellationToken);
            user.PendingPhone = phone;
            var code = Secrets.NewCode();
            db.Add(new LoginCode { Phone = phone, Purpose = LoginCode.PhoneChange, CodeHash = Secrets.HashCode(phone, code), CreatedAt = now, ExpiresAt = now + options.LoginCodeLifetime });
            await db.SaveChangesAsync(cancellationToken);
            await sms.SendAsync(phone, $"Your Marketplace code to confirm this number is {code}. It expires in {(int)options.LoginCodeLifetime.TotalMinutes} minutes.", cancellationToken);
            phoneCodeSent = true;
        }

        if (changed.Count > 0)
            db.AddEvent(new ProfileUpdated(user.Id, changed, now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is Npgsql.PostgresException { SqlState: "23505" })
        {
            throw ContractError.AlreadyExists("EMAIL_TAKEN", "An account with this email already exists.");
        }

        if (emailChanged)
            await emails.SendVerificationAsync(user, cancellationToken);
        return new UpdateProfileResponse { Profile = ProfileMapper.ToProfile(user, includePrivate: true), EmailVerificationSent = emailChanged, PhoneCodeSent = phoneCodeSent };
    }

    public async Task<UserProfile> ConfirmPhoneChangeAsync(Guid userId, string code, CancellationToken cancellationToken)
    {
        var user = await db.Set<User>().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken)
            ?? throw ContractError.NotFound("USER_NOT_FOUND", "Your account no longer exists.");
        var phone = user.PendingPhone ?? throw ContractError.FailedPrecondition("NO_PHONE_CHANGE_PENDING", "Ask for a phone change first.");
        var subject = Secrets.SubjectKey("phone-change", user.Id.ToString());
        await throttle.EnsureAllowedAsync(subject, cancellationToken);
        var now = clock.GetUtcNow();
        code = code?.Trim() ?? "";
        var candidate = await db.Set<LoginCode>().AsNoTracking()
            .Where(c => c.Phone == phone && c.Purpose == LoginCode.PhoneChange && c.ConsumedAt == null && c.ExpiresAt > now)
            .OrderByDescending(c => c.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        if (candidate is null || !Secrets.Equal(candidate.CodeHash, Secrets.HashCode(phone, code))
            || await db.Set<LoginCode>().Where(c => c.Id == candidate.Id && c.ConsumedAt == null).ExecuteUpdateAsync(s => s.SetProperty(c => c.ConsumedAt, now), cancellationToken) == 0)
        {
            await throttle.RecordFailureAsync(subject, cancellationToken);
            throw ContractError.InvalidArgument("CODE_INVALID", "The code is wrong, expired or already used.", [new FieldViolation("code", "The code is wrong, expired or already used.", "CODE_INVALID")]);
        }

        await throttle.ClearAsync(subject, cancellationToken);
        user.Phone = phone;
        user.PendingPhone = null;
        db.AddEvent(new ProfileUpdated(user.Id, ["phone"], now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is Npgsql.PostgresException { SqlState: "23505" })
        {
            throw ContractError.AlreadyExists("PHONE_TAKEN", "Another account uses this phone number.");
        }

        return ProfileMapper.ToProfile(user, includePrivate: true);
    }
}
