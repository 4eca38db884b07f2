using GraphQL.Types;

namespace Marketplace.Gateway.Users;

internal sealed class AddressUpdateInputType : InputObjectGraphType
{
    public AddressUpdateInputType()
    {
        Name = "AddressUpdateInput";
        Description = "An address of yours and its new fields (all of them replace the old ones).";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The address to change.");
        Field<NonNullGraphType<AddressInputType>>("address").Description("Its new fields.");
    }
}
