using GraphQL;
using GraphQL.Types;
using Marketplace.Gateway.Auth;
using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.Execution;
using Marketplace.Gateway.Relay;
using Marketplace.Gateway.Schema;
using Marketplace.Modules.Users.Contracts.V1;
using Marketplace.Shared.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Gateway.Users;

/// <summary><c>viewer</c>: who the access token says the caller is, with their own profile and sessions. Null for anonymous callers.</summary>
internal sealed class ViewerContribution : ISchemaContribution
{
    public void ConfigureQuery(ObjectGraphType query) =>
        query.Field<ViewerType>("viewer")
            .Description("The signed-in caller, or null when the request carries no token.")
            .AllowAnonymous()
            .Resolve(context => context.GetCaller() is { Kind: CallerKind.User } caller ? new ViewerSource(caller, null) : null);
}

/// <summary>A viewer: the caller (from the token or a fresh sign-in) and, once loaded, their profile.</summary>
internal sealed record ViewerSource(Caller Caller, UserProfile? Profile)
{
    public static ViewerSource From(SignedIn signedIn) =>
        new(Caller.User(signedIn.User.Id, signedIn.User.Roles.ToList(), signedIn.SessionId), signedIn.User);
}

internal sealed class ViewerType : ObjectGraphType<ViewerSource>
{
    public ViewerType(IEnumerable<IViewerExtension> extensions)
    {
        Name = "Viewer";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id of the user.").Resolve(c => GlobalId.Encode("User", c.Source.Caller.Id!));
        Field<NonNullGraphType<IdGraphType>>("userId").Description("The caller's user id.").Resolve(c => c.Source.Caller.Id);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("roles")
            .Description("BUYER, SELLER and/or ADMIN.")
            .Resolve(c => c.Source.Caller.Roles.Order(StringComparer.Ordinal).ToList());
        Field<StringGraphType>("role").Description("The account's role: BUYER, SELLER or ADMIN.")
            .Resolve(c => c.Source.Caller.Roles.Order(StringComparer.Ordinal).FirstOrDefault());
        Field<IdGraphType>("sessionId").Description("The session the token belongs to.").Resolve(c => c.Source.Caller.SessionId);
        Field<NonNullGraphType<StringGraphType>>("displayName").ResolveAsync(async c => (await ProfileAsync(c)).DisplayName);
        Field<StringGraphType>("email").Description("Your email (sellers); only ever shown to you.").ResolveAsync(async c => NullIfEmpty((await ProfileAsync(c)).Email));
        Field<NonNullGraphType<BooleanGraphType>>("emailVerified").ResolveAsync(async c => (await ProfileAsync(c)).EmailVerified);
        Field<StringGraphType>("phone").Description("Your phone in E.164 (buyers); only ever shown to you.").ResolveAsync(async c => NullIfEmpty((await ProfileAsync(c)).Phone));
        Field<IdGraphType>("avatarMediaId").Description("Media reference of the avatar, if any.").ResolveAsync(async c => NullIfEmpty((await ProfileAsync(c)).AvatarMediaId));
        Field<NonNullGraphType<UtcDateTimeGraphType>>("createdAt").ResolveAsync(async c => DateTimeOffset.FromUnixTimeMilliseconds((await ProfileAsync(c)).CreatedAtMs));
        Field<ConnectionType<AddressType, Address>>("addresses")
            .Description("Your address book (buyers), default first. Null for other roles.")
            .PageArguments()
            .ResolveAsync(async c =>
            {
                if (!c.Source.Caller.IsInRole(Roles.Buyer))
                    return null;
                var page = c.GetPageRequest();
                using var scope = CallContext.Push(c.GetCallContext() with { Caller = c.Source.Caller });
                var answer = await AddressesContribution.Profiles(c).ListAddressesAsync(
                    new ListAddressesRequest { First = page.First, After = page.AfterKey ?? "" }, cancellationToken: c.CancellationToken);
                var slice = answer.Addresses.ToList();
                // The module says whether more exist; FromSlice learns it from one extra item.
                if (answer.HasNextPage)
                    slice.Add(slice[^1]);
                return Relay.Connection<Address>.FromSlice(slice, page, a => a.Id, answer.TotalCount);
            });
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SessionType>>>>("sessions")
            .Description("Your signed-in devices, most recently used first.")
            .ResolveAsync(async c =>
            {
                using var scope = CallContext.Push(c.GetCallContext() with { Caller = c.Source.Caller });
                return (await Users(c).ListSessionsAsync(new ListSessionsRequest(), cancellationToken: c.CancellationToken)).Sessions.ToList();
            });
        foreach (var extension in extensions)
            extension.ConfigureViewer(this);
    }

    // Resolved per request, not at schema build: the schema never depends on how the contract is reached.
    internal static UsersAuth.UsersAuthClient Users(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<UsersAuth.UsersAuthClient>();

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    // One GetViewer per request, however many profile fields are asked for; as the viewer, not the request's caller
    // (after a sign-in mutation the request itself is anonymous).
    private static async Task<UserProfile> ProfileAsync(IResolveFieldContext<ViewerSource> context)
    {
        if (context.Source.Profile is { } profile)
            return profile;
        var key = "Users.Viewer:" + context.Source.Caller.Id;
        Task<UserProfile> task;
        lock (context.UserContext)
        {
            if (context.UserContext.TryGetValue(key, out var cached) && cached is Task<UserProfile> pending)
            {
                task = pending;
            }
            else
            {
                task = Load();
                context.UserContext[key] = task;
            }
        }

        return await task;

        async Task<UserProfile> Load()
        {
            using var scope = CallContext.Push(context.GetCallContext() with { Caller = context.Source.Caller });
            return await Users(context).GetViewerAsync(new GetViewerRequest(), cancellationToken: context.CancellationToken);
        }
    }
}

internal sealed class SessionType : ObjectGraphType<SessionInfo>
{
    public SessionType()
    {
        Name = "Session";
        Description = "One signed-in device. Revoke it with sessionRevoke.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode("Session", c.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("device").Description("The client's User-Agent when it signed in.").Resolve(c => c.Source.Device);
        Field<StringGraphType>("ip").Description("Last client IP address seen.").Resolve(c => c.Source.Ip.Length == 0 ? null : c.Source.Ip);
        Field<NonNullGraphType<UtcDateTimeGraphType>>("createdAt").Resolve(c => DateTimeOffset.FromUnixTimeMilliseconds(c.Source.CreatedAtMs));
        Field<NonNullGraphType<UtcDateTimeGraphType>>("lastUsedAt").Resolve(c => DateTimeOffset.FromUnixTimeMilliseconds(c.Source.LastUsedAtMs));
        Field<NonNullGraphType<BooleanGraphType>>("current").Description("True for the session of this request's token.").Resolve(c => c.Source.Current);
    }
}
