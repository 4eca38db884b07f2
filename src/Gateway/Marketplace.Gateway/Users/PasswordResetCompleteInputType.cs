using GraphQL.Types;

namespace Marketplace.Gateway.Users;

internal sealed class PasswordResetCompleteInputType : InputObjectGraphType
{
    public PasswordResetCompleteInputType()
    {
        Name = "PasswordResetCompleteInput";
        Description = "The token of a reset link and the new password.";
        Field<NonNullGraphType<StringGraphType>>("token").Description("The `token` parameter of the emailed link; valid for 1 hour, once.");
        Field<NonNullGraphType<StringGraphType>>("newPassword").Description("10 to 256 characters, not the email address, not a common password.");
    }
}
