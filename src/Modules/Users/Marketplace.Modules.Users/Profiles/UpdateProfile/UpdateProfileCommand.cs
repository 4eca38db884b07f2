using Marketplace.Modules.Users.Auth;
using Marketplace.Modules.Users.Contracts.V1;
using Marketplace.Modules.Users.Domain;
using Mediator;

namespace Marketplace.Modules.Users.Profiles.UpdateProfile;

/// <summary>
/// The signed-in user changes some of their profile; null means "not given". Values are trimmed; an empty avatar clears
/// it. Whether email or phone may change depends on the account's kind (<see cref="IsBuyer"/>, from the token's role).
/// </summary>
internal sealed record UpdateProfileCommand(
    SignedInUser User,
    bool IsBuyer,
    string? DisplayName,
    string? Avatar,
    string? Email,
    string? Phone,
    ClientFacts Client) : ICommand<ProfileChange>
{
    public static UpdateProfileCommand From(SignedInUser user, bool isBuyer, UpdateProfileRequest request) => new(
        user,
        isBuyer,
        request.HasDisplayName ? request.DisplayName.Trim() : null,
        request.HasAvatar ? request.Avatar.Trim() : null,
        request.HasEmail ? request.Email.Trim() : null,
        request.HasPhone ? request.Phone.Trim() : null,
        ClientFacts.From(request.Client));
}

/// <summary>The account after the change, and what was sent to confirm a new email or phone.</summary>
internal sealed record ProfileChange(User User, bool EmailVerificationSent, bool PhoneCodeSent);
