using GraphQL.Types;

namespace Marketplace.Gateway.Users;

internal sealed class ProfilePhoneConfirmInputType : InputObjectGraphType
{
    public ProfilePhoneConfirmInputType()
    {
        Name = "ProfilePhoneConfirmInput";
        Description = "The code texted to your new phone.";
        Field<NonNullGraphType<StringGraphType>>("code").Description("The 6-digit code; 3 tries per code, then ask for a new one with profileUpdate.");
    }
}
