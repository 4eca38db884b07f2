using GraphQL.Types;

namespace Marketplace.Gateway.Conventions;

// TEMPORARY while issue 13 moves every area onto typed error codes: areas not yet moved keep a string code. Delete this
// file once no area uses it.
internal sealed class UserErrorType : ObjectGraphType<UserError>
{
    public UserErrorType()
    {
        Name = "LegacyUserError";
        Description = "An expected failure of a mutation (an area not yet moved to typed codes).";
        Interface<UserErrorInterface>();
        IsTypeOf = value => value is UserError;
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("field").Description("Path to the input field at fault.").Resolve(c => c.Source.Field);
        Field<NonNullGraphType<StringGraphType>>("code").Description("Stable, machine-readable code.").Resolve(c => c.Source.Code);
        Field<NonNullGraphType<StringGraphType>>("message").Description("What went wrong, for people.").Resolve(c => c.Source.Message);
        Field<IntGraphType>("retryAfterSeconds").Description("Seconds to wait when rate limited.").Resolve(c => c.Source.RetryAfterSeconds);
    }
}
