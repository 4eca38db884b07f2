using Marketplace.Modules.Users.Auth;
using Marketplace.Modules.Users.Buyers;
using Marketplace.Modules.Users.Contracts.Events;
using Marketplace.Modules.Users.Contracts.V1;
using Marketplace.Modules.Users.Domain;
using Marketplace.Modules.Users.Persistence;
using Marketplace.Modules.Users.Sellers;
using Marketplace.Modules.Users.Sms;
using Marketplace.Shared.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Users.Profiles;

/// <summary>
/// Profile changes. Contact details that prove identity are never taken on trust: a new phone waits for a code
/// texted to it, a new email is unverified until its link is followed. <see cref="ProfileUpdated"/> names the
/// changed fields only, never their values. A phone or address in use by another account answers exactly like a free
/// one (its owner gets a notice instead of a code or link), so the profile is no oracle for who has an account.
/// </summary>
internal sealed class ProfileEditor(
    UsersDbContext db,
    PhoneNumberNormalizer phones,
    ISmsSender sms,
    UserMessageBudget budget,
    LoginCodes codes,
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
        var ip = request.Client?.Ip;

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

        // Each change that sends something reserves its message first, whether or not the value is in use elsewhere.
        var emailChanged = email is not null && email != user.Email;
        if (emailChanged)
            await budget.ReserveEmailAsync(email!, user.Id, ip, cancellationToken);
        var phoneChanged = phone is not null && phone != user.Phone;
        if (phoneChanged)
            await budget.ReserveSmsAsync(phone!, user.Id, ip, cancellationToken);

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

        if (emailChanged)
        {
            // Unverified until its link is followed; unique among verified addresses only, so this never fails (and
            // never tells) when another account holds the address.
            user.Email = email;
            user.EmailVerifiedAt = null;
            changed.Add("email");
        }

        if (phoneChanged)
        {
            user.PendingPhone = phone;
            var holder = await db.Set<User>().AsNoTracking().FirstOrDefaultAsync(u => u.Phone == phone && u.Id != user.Id, cancellationToken);
            if (holder is null)
            {
                var code = await codes.IssueAsync(phone!, LoginCode.PhoneChange, cancellationToken);
                await sms.SendAsync(phone!, $"Your Marketplace code to confirm this number is {code}. It expires in {(int)options.LoginCodeLifetime.TotalMinutes} minutes.", cancellationToken);
            }
            else
            {
                // The number's owner learns of the attempt; the one who tried gets "code sent" and no code can ever match.
                await sms.SendAsync(phone!, "Someone tried to add this number to another Marketplace account. Nothing changed. If it was you, sign in with this number instead.", cancellationToken);
            }
        }

        if (changed.Count > 0)
            db.AddEvent(new ProfileUpdated(user.Id, changed, now));
        await db.SaveChangesAsync(cancellationToken);

        if (emailChanged)
            await emails.SendVerificationOrNoticeAsync(user, cancellationToken);
        return new UpdateProfileResponse { Profile = ProfileMapper.ToProfile(user, includePrivate: true), EmailVerificationSent = emailChanged, PhoneCodeSent = phoneChanged };
    }

    public async Task<UserProfile> ConfirmPhoneChangeAsync(Guid userId, string code, CancellationToken cancellationToken)
    {
        var user = await db.Set<User>().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken)
            ?? throw ContractError.NotFound("USER_NOT_FOUND", "Your account no longer exists.");
        var phone = user.PendingPhone ?? throw ContractError.FailedPrecondition("NO_PHONE_CHANGE_PENDING", "Ask for a phone change first.");
        if (!await codes.TryConsumeAsync(phone, LoginCode.PhoneChange, code, Secrets.SubjectKey("phone-change", user.Id.ToString()), cancellationToken))
            throw ContractError.InvalidArgument("CODE_INVALID", "The code is wrong, expired or already used.", [new FieldViolation("code", "The code is wrong, expired or already used.", "CODE_INVALID")]);

        var now = clock.GetUtcNow();
        user.Phone = phone;
        user.PendingPhone = null;
        db.AddEvent(new ProfileUpdated(user.Id, ["phone"], now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is Npgsql.PostgresException { SqlState: "23505" })
        {
            // Taken since the code was sent; the code proved the caller holds the number, so saying so leaks nothing.
            throw ContractError.AlreadyExists("PHONE_TAKEN", "Another account uses this phone number.");
        }

        return ProfileMapper.ToProfile(user, includePrivate: true);
    }
}
