using GraphQL.Types;

namespace Marketplace.Gateway.Users;

internal sealed class ProfileUpdateInputType : InputObjectGraphType
{
    public ProfileUpdateInputType()
    {
        Name = "ProfileUpdateInput";
        Description = "Only the fields given change; text is trimmed.";
        Field<StringGraphType>("displayName").Description("The name shown for you; 1 to 100 characters.");
        Field<StringGraphType>("avatar").Description("Your picture: a Media asset id or an https:// URL (at most 2,048 characters); empty or null clears it.");
        Field<StringGraphType>("email").Description("Sellers: a new email address; it applies at once and must be verified again (a link is emailed).");
        Field<StringGraphType>("phone").Description("Buyers: a new phone with its country code; a code is texted to it, and it applies once confirmed with profilePhoneConfirm.");
    }
}
