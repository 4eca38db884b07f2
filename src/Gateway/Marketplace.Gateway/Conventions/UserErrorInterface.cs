using GraphQL.Types;

namespace Marketplace.Gateway.Conventions;

/// <summary>
/// The <c>UserError</c> interface every area's error type implements (<c>StoreUserError</c>, <c>ProductUserError</c>, …):
/// the field and the message; each concrete type adds <c>code</c> as its area's enum, so clients switch on typed codes.
/// </summary>
public sealed class UserErrorInterface : InterfaceGraphType<UserError>
{
    public UserErrorInterface()
    {
        Name = "UserError";
        Description = "An expected failure of a mutation, e.g. invalid input or a broken rule; its message is written for the user. "
            + "Each area's type (e.g. StoreUserError) adds `code`, an enum of that area's codes.";
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("field")
            .Description("Path to the input field at fault, e.g. [\"input\", \"lines\", \"0\", \"quantity\"]; null when not about one field.");
        Field<NonNullGraphType<StringGraphType>>("message").Description("What went wrong, for people.");
        Field<IntGraphType>("retryAfterSeconds").Description("When the failure is a rate limit: seconds to wait before trying again; null otherwise.");
    }
}
