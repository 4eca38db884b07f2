using Marketplace.Modules.Users.Contracts.V1;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Users;

/// <summary>A viewer: the caller (from the token or a fresh sign-in) and, once loaded, their profile.</summary>
internal sealed record ViewerSource(Caller Caller, UserProfile? Profile)
{
    public static ViewerSource From(SignedIn signedIn) =>
        new(Caller.User(signedIn.User.Id, signedIn.User.Roles.ToList(), signedIn.SessionId), signedIn.User);
}
