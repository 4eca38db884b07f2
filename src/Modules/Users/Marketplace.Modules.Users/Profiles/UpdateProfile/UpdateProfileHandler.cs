using Marketplace.Modules.Users.Auth;
using Marketplace.Modules.Users.Buyers;
using Marketplace.Modules.Users.Contracts;
using Marketplace.Modules.Users.Contracts.Events;
using Marketplace.Modules.Users.Domain;
using Marketplace.Modules.Users.Persistence;
using Marketplace.Modules.Users.Sellers;
using Marketplace.Modules.Users.Sms;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.Media;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Users.Profiles.UpdateProfile;

/// <summary>
/// Contact details that prove identity are never taken on trust: a new phone waits for a code texted to it, a new email
/// is unverified until its link is followed. <see cref="ProfileUpdated"/> names the changed fields only, never their
/// values. A phone or address in use by another account answers exactly like a free one (its owner gets a notice instead
/// of a code or link), so the profile is no oracle for who has an account.
/// </summary>
internal sealed class UpdateProfileHandler(
    UsersDbContext db,
    SessionService sessions,
    PhoneNumberNormalizer phones,
    ISmsSender sms,
    UserMessageBudget budget,
    LoginCodes codes,
    AccountEmails emails,
    UsersOptions options,
    TimeProvider clock) : ICommandHandler<UpdateProfileCommand, ProfileChange>
{
    public async ValueTask<ProfileChange> Handle(UpdateProfileCommand command, CancellationToken cancellationToken)
    {
        await sessions.RequireLiveAsync(command.User, cancellationToken);
        var user = await db.Set<User>().FirstOrDefaultAsync(u => u.Id == command.User.UserId, cancellationToken)
            ?? throw ContractError.NotFound(UsersErrorCodes.UserNotFound, "Your account no longer exists.");
        var changed = new List<string>();
        var ip = command.Client.Ip;

        // Each change that sends something reserves its message first, whether or not the value is in use elsewhere.
        var email = command.Email is null ? null : EmailAddresses.Normalize(command.Email)!;
        var emailChanged = email is not null && email != user.Email;
        if (emailChanged)
            await budget.ReserveEmailAsync(email!, user.Id, ip, cancellationToken);
        var phone = command.Phone is null ? null : phones.Normalize(command.Phone)!;
        var phoneChanged = phone is not null && phone != user.Phone;
        if (phoneChanged)
            await budget.ReserveSmsAsync(phone!, user.Id, ip, cancellationToken);

        if (command.DisplayName is { } displayName && displayName != user.DisplayName)
        {
            user.DisplayName = displayName;
            changed.Add("displayName");
        }

        if (command.Avatar is { } avatarText)
        {
            var avatar = MediaReference.TryParse(avatarText, out var reference, out _) ? reference.Value : null;
            if (avatar != user.Avatar)
            {
                user.Avatar = avatar;
                changed.Add("avatar");
            }
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
            db.AddEvent(new ProfileUpdated(user.Id, changed, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);

        if (emailChanged)
            await emails.SendVerificationOrNoticeAsync(user, cancellationToken);
        return new ProfileChange(user, emailChanged, phoneChanged);
    }
}
