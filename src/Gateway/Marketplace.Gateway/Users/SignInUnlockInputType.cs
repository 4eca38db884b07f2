using GraphQL.Types;

namespace Marketplace.Gateway.Users;

internal sealed class SignInUnlockInputType : InputObjectGraphType
{
    public SignInUnlockInputType()
    {
        Name = "SignInUnlockInput";
        Description = "What to unlock: a phone, or else an email address.";
        Field<StringGraphType>("phone").Description("A buyer's phone whose code sign-in is locked; when given, email is ignored.");
        Field<StringGraphType>("email").Description("An address whose password sign-in is locked.");
    }
}
