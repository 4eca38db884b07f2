using GraphQL;
using GraphQL.Types;
using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.Execution;
using Marketplace.Gateway.Relay;
using Marketplace.Gateway.Schema;
using Marketplace.Modules.Users.Contracts.V1;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Users;

/// <summary>
/// <c>Viewer</c>: the signed-in user. Fields from the token need no contract call; profile fields load the profile once
/// per request (<c>GetViewer</c>), as the viewer (after a sign-in mutation the request itself is anonymous). Other areas
/// add fields through <see cref="IViewerExtension"/>.
/// </summary>
internal sealed class ViewerType : ObjectGraphType<ViewerSource>
{
    public ViewerType(IEnumerable<IViewerExtension> extensions)
    {
        Name = UsersArea.ViewerTypeName;
        Description = "You: the signed-in user, your profile, sessions and address book. Only ever shown to yourself.";
        Interface<NodeInterface>();
        IsTypeOf = value => value is ViewerSource;
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id; node(id:) answers it to you only.").Resolve(c => GlobalId.Encode(UsersArea.ViewerTypeName, c.Source.Caller.Id!));
        Field<NonNullGraphType<IdGraphType>>("userId").Description("Your user id (the access token's subject), as other modules know you.").Resolve(c => c.Source.Caller.Id);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("roles")
            .Description("Your roles, sorted: BUYER, SELLER or ADMIN (one per account today).")
            .Resolve(c => c.Source.Caller.Roles.Order(StringComparer.Ordinal).ToList());
        Field<StringGraphType>("role").Description("The account's role: BUYER, SELLER or ADMIN.")
            .Resolve(c => c.Source.Caller.Roles.Order(StringComparer.Ordinal).FirstOrDefault());
        Field<IdGraphType>("sessionId").Description("The session your token belongs to (the session's own id, not a Session global id); null for tokens without one.")
            .Resolve(c => c.Source.Caller.SessionId);
        Field<NonNullGraphType<StringGraphType>>("displayName").Description("The name shown for you; at most 100 characters (empty for buyers who never set one).")
            .ResolveAsync(async c => (await ViewerProfile.LoadAsync(c)).DisplayName);
        Field<StringGraphType>("email").Description("Your email address (sellers and administrators); only ever shown to you.")
            .ResolveAsync(async c => NullIfEmpty((await ViewerProfile.LoadAsync(c)).Email));
        Field<NonNullGraphType<BooleanGraphType>>("emailVerified").Description("Whether you followed the link sent to your email address (false for buyers).")
            .ResolveAsync(async c => (await ViewerProfile.LoadAsync(c)).EmailVerified);
        Field<StringGraphType>("phone").Description("Your phone in E.164 (buyers); only ever shown to you.")
            .ResolveAsync(async c => NullIfEmpty((await ViewerProfile.LoadAsync(c)).Phone));
        Field<MediaReferenceType>("avatar").Description("Your picture; null when none (set it with profileUpdate).")
            .ResolveAsync(async c => MediaReferenceType.FromStored((await ViewerProfile.LoadAsync(c)).Avatar));
        Field<NonNullGraphType<UtcDateTimeGraphType>>("createdAt").Description("When your account was created.")
            .ResolveAsync(async c => Timestamps.Parse((await ViewerProfile.LoadAsync(c)).CreatedAt));
        Field<ConnectionType<AddressType, Address>>("addresses")
            .Description("Buyers: your address book (at most 20), default first, then oldest first. Null for other roles.")
            .PageArguments()
            .ResolveAsync(async c =>
            {
                if (!c.Source.Caller.IsInRole(Roles.Buyer))
                    return null;
                var page = c.GetPageRequest();
                using var scope = CallContext.Push(c.GetCallContext() with { Caller = c.Source.Caller });
                var answer = await UsersArea.Profiles(c).ListAddressesAsync(new ListAddressesRequest { Page = page.ToContract() }, cancellationToken: c.CancellationToken);
                return Relay.Connection<Address>.From(answer.Addresses, answer.PageInfo.HasNextPage, page, a => a.Id, answer.TotalCount);
            });
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SessionType>>>>("sessions")
            .Description("Your signed-in devices, most recently used first (at most 100).")
            .ResolveAsync(async c =>
            {
                using var scope = CallContext.Push(c.GetCallContext() with { Caller = c.Source.Caller });
                return (await UsersArea.Auth(c).ListSessionsAsync(new ListSessionsRequest(), cancellationToken: c.CancellationToken)).Sessions.ToList();
            });
        foreach (var extension in extensions)
            extension.ConfigureViewer(this);
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
