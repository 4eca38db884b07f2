using GraphQL.Types;

namespace Marketplace.Gateway.Users;

/// <summary><c>AddressSetDefaultInput</c> and <c>AddressDeleteInput</c>: the address's id.</summary>
internal sealed class AddressIdInputType<TMutation> : InputObjectGraphType
    where TMutation : IAddressMutation
{
    public AddressIdInputType()
    {
        Name = TMutation.TypePrefix + "Input";
        Description = $"The address for {char.ToLowerInvariant(TMutation.TypePrefix[0])}{TMutation.TypePrefix[1..]}.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("An address of yours.");
    }
}
