using Grpc.Core;

namespace Marketplace.Shared.Contracts;

/// <summary>
/// Who may call a contract method, checked first thing in every method from <see cref="CallContext.Current"/> (the
/// caller travels in the call's metadata, in process and over gRPC alike). One API and one set of codes for every
/// module: <c>SIGN_IN_REQUIRED</c> (Unauthenticated), <c>BUYERS_ONLY</c>, <c>SELLERS_ONLY</c>, <c>ADMINS_ONLY</c>,
/// <c>SERVICES_ONLY</c>, <c>NOT_OWNER</c> (PermissionDenied). A module never trusts that the gateway checked.
/// </summary>
public static class CallerRequirements
{
    private static Caller Caller => CallContext.Current.Caller;

    /// <summary>Anyone but anonymous: a user or a module.</summary>
    public static Caller SignedIn()
    {
        var caller = Caller;
        if (!caller.IsAuthenticated)
            throw SignInRequired();
        return caller;
    }

    /// <summary>A signed-in user of any role; their id.</summary>
    public static Guid User()
    {
        var caller = Caller;
        if (caller.Kind != CallerKind.User || !Guid.TryParse(caller.Id, out var id))
            throw SignInRequired();
        return id;
    }

    /// <summary>A signed-in buyer; their id.</summary>
    public static Guid Buyer() => UserInRole(Roles.Buyer, CommonErrorCodes.BuyersOnly, "Only buyers may do this.");

    /// <summary>A signed-in seller; their id.</summary>
    public static Guid Seller() => UserInRole(Roles.Seller, CommonErrorCodes.SellersOnly, "Only sellers may do this.");

    /// <summary>A signed-in administrator; their id.</summary>
    public static Guid Admin() => UserInRole(Roles.Admin, CommonErrorCodes.AdminsOnly, "Only administrators may do this.");

    /// <summary>A module acting for itself (an event consumer, a job, another module's use case); its name.</summary>
    public static string Service()
    {
        var caller = SignedIn();
        if (caller.Kind != CallerKind.Service)
            throw ContractError.PermissionDenied(CommonErrorCodes.ServicesOnly, "Only the marketplace's own modules may call this.");
        return caller.Id!;
    }

    /// <summary>An administrator or a module.</summary>
    public static Caller AdminOrService()
    {
        var caller = SignedIn();
        if (caller.Kind != CallerKind.Service && !caller.IsInRole(Roles.Admin))
            throw ContractError.PermissionDenied(CommonErrorCodes.AdminsOnly, "Only administrators may do this.");
        return caller;
    }

    /// <summary>
    /// The user <paramref name="ownerId"/> themselves, an administrator or a module (e.g. "is this your store" asked for
    /// someone else). Anyone else is refused with <c>NOT_OWNER</c>.
    /// </summary>
    public static Caller OwnerOrPrivileged(Guid ownerId)
    {
        var caller = SignedIn();
        if (!IsPrivileged(caller) && caller.Id != ownerId.ToString())
            throw ContractError.PermissionDenied(CommonErrorCodes.NotOwner, "This belongs to someone else.");
        return caller;
    }

    /// <summary>Administrators and modules see and do more than ordinary users (e.g. objects that are not public).</summary>
    public static bool IsPrivileged(Caller caller) => caller.Kind == CallerKind.Service || caller.IsInRole(Roles.Admin);

    /// <summary>Who is reading, for queries whose answer depends on it (anyone may call them, anonymous included).</summary>
    public static Viewer Viewer()
    {
        var caller = Caller;
        var userId = caller is { Kind: CallerKind.User, Id: { } id } && Guid.TryParse(id, out var parsed) ? parsed : (Guid?)null;
        return new Viewer(userId, IsPrivileged(caller));
    }

    private static Guid UserInRole(string role, string code, string message)
    {
        // A module is signed in, as itself: it lacks the role rather than a sign-in.
        if (Caller.Kind == CallerKind.Service)
            throw ContractError.PermissionDenied(code, message);
        var id = User();
        if (!Caller.IsInRole(role))
            throw ContractError.PermissionDenied(code, message);
        return id;
    }

    private static RpcException SignInRequired() => ContractError.Unauthenticated(CommonErrorCodes.SignInRequired, "Sign in first.");
}

/// <summary>
/// Who reads, as a query's handler needs it: the signed-in user (null for anonymous callers and modules) and whether the
/// reader is privileged (an administrator or a module), who may see objects that are not public.
/// </summary>
public sealed record Viewer(Guid? UserId, bool IsPrivileged)
{
    public static readonly Viewer Anonymous = new(null, false);

    /// <summary>A module reading for itself.</summary>
    public static readonly Viewer Service = new(null, true);

    /// <summary>The reader owns what <paramref name="ownerId"/> owns, or is privileged.</summary>
    public bool OwnsOrPrivileged(Guid ownerId) => IsPrivileged || UserId == ownerId;
}
