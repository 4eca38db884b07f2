using GraphQL.Types;
using Marketplace.Gateway.Errors;

namespace Marketplace.Gateway.Users;

/// <summary><c>AddressCreatePayload</c>, <c>AddressUpdatePayload</c>, <c>AddressSetDefaultPayload</c>: the address, or userErrors.</summary>
internal sealed class AddressPayloadType<TMutation> : ObjectGraphType<AddressPayload>
    where TMutation : IAddressMutation
{
    public AddressPayloadType()
    {
        Name = TMutation.TypePrefix + "Payload";
        Description = $"The result of {char.ToLowerInvariant(TMutation.TypePrefix[0])}{TMutation.TypePrefix[1..]}: the address, or why nothing changed.";
        Field<AddressType>("address").Description("The address after the change; null when the mutation failed.").Resolve(c => c.Source.Address);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AreaUserErrorType<AddressErrors>>>>>("userErrors")
            .Description("Why nothing changed; empty on success.")
            .Resolve(c => c.Source.UserErrors);
    }
}
