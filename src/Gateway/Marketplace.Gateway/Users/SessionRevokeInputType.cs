using GraphQL.Types;

namespace Marketplace.Gateway.Users;

internal sealed class SessionRevokeInputType : InputObjectGraphType
{
    public SessionRevokeInputType()
    {
        Name = "SessionRevokeInput";
        Description = "The session to end.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("A Session's id from viewer.sessions.");
    }
}
