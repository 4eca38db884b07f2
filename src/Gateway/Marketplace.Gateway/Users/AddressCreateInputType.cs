using GraphQL.Types;

namespace Marketplace.Gateway.Users;

internal sealed class AddressCreateInputType : InputObjectGraphType
{
    public AddressCreateInputType()
    {
        Name = "AddressCreateInput";
        Description = "A new address for your address book.";
        Field<NonNullGraphType<AddressInputType>>("address").Description("Its fields.");
    }
}
