using GraphQL.Types;
using Marketplace.Gateway.Errors;

namespace Marketplace.Gateway.Users;

internal sealed class AddressDeletePayloadType : ObjectGraphType<AddressPayload>
{
    public AddressDeletePayloadType()
    {
        Name = "AddressDeletePayload";
        Description = "The result of addressDelete: the deleted address's id, or why nothing changed.";
        Field<IdGraphType>("deletedAddressId").Description("The global id of the deleted address; null when the mutation failed.").Resolve(c => c.Source.DeletedAddressId);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AreaUserErrorType<AddressErrors>>>>>("userErrors")
            .Description("Why nothing changed; empty on success.")
            .Resolve(c => c.Source.UserErrors);
    }
}
