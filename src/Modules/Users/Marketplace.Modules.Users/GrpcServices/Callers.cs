using Marketplace.Modules.Users.Auth;
using Marketplace.Shared.Contracts;

namespace Marketplace.Modules.Users.GrpcServices;

/// <summary>
/// <see cref="CallerRequirements"/> with the session the caller's access token names: use cases on a user's own data
/// check that session is still live.
/// </summary>
internal static class Callers
{
    public static SignedInUser User() => new(CallerRequirements.User(), Session());

    public static SignedInUser Buyer() => new(CallerRequirements.Buyer(), Session());

    public static SignedInUser Seller() => new(CallerRequirements.Seller(), Session());

    private static Guid? Session() => Guid.TryParse(CallContext.Current.Caller.SessionId, out var id) ? id : null;
}
