using GraphQL.Types;

namespace Marketplace.Gateway.Users;

internal sealed class PasswordResetRequestInputType : InputObjectGraphType
{
    public PasswordResetRequestInputType()
    {
        Name = "PasswordResetRequestInput";
        Description = "The address to send a password reset link to.";
        Field<NonNullGraphType<StringGraphType>>("email").Description("The account's email address.");
    }
}
