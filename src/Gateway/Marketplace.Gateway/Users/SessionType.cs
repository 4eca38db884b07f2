using GraphQL.Types;
using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.Relay;
using Marketplace.Modules.Users.Contracts.V1;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Users;

internal sealed class SessionType : ObjectGraphType<SessionInfo>
{
    public SessionType()
    {
        Name = UsersArea.SessionTypeName;
        Description = "One signed-in device: a sign-in and the refresh tokens issued since. End it with sessionRevoke.";
        Interface<NodeInterface>();
        IsTypeOf = value => value is SessionInfo;
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id; node(id:) answers it to its own user only.").Resolve(c => GlobalId.Encode(UsersArea.SessionTypeName, c.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("device").Description("The client's User-Agent when it signed in; at most 256 characters.").Resolve(c => c.Source.Device);
        Field<StringGraphType>("ip").Description("The last client address seen; null when unknown.").Resolve(c => c.Source.Ip.Length == 0 ? null : c.Source.Ip);
        Field<NonNullGraphType<UtcDateTimeGraphType>>("createdAt").Description("When the device signed in.").Resolve(c => Timestamps.Parse(c.Source.CreatedAt));
        Field<NonNullGraphType<UtcDateTimeGraphType>>("lastUsedAt").Description("When its refresh token was last used (or the sign-in).").Resolve(c => Timestamps.Parse(c.Source.LastUsedAt));
        Field<NonNullGraphType<BooleanGraphType>>("current").Description("True for the session of this request's token.").Resolve(c => c.Source.Current);
    }
}
