using GraphQL.Types;
using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.Relay;
using Marketplace.Modules.Users.Contracts.V1;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Users;

internal sealed class AddressType : ObjectGraphType<Address>
{
    public AddressType()
    {
        Name = UsersArea.AddressTypeName;
        Description = "A delivery address in a buyer's address book; only ever shown to that buyer.";
        Interface<NodeInterface>();
        IsTypeOf = value => value is Address;
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id; node(id:) answers it to its buyer only.").Resolve(c => GlobalId.Encode(UsersArea.AddressTypeName, c.Source.Id));
        Field<StringGraphType>("label").Description("The buyer's name for it, e.g. Home or Work; at most 50 characters; null when none.").Resolve(c => Null(c.Source.Fields.Label));
        Field<NonNullGraphType<StringGraphType>>("recipient").Description("Who receives deliveries here; at most 100 characters.").Resolve(c => c.Source.Fields.Recipient);
        Field<StringGraphType>("phone").Description("A phone for the courier, in E.164; null when none.").Resolve(c => Null(c.Source.Fields.Phone));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("lines").Description("1 to 3 street lines, each at most 200 characters.").Resolve(c => c.Source.Fields.Lines.ToList());
        Field<NonNullGraphType<StringGraphType>>("city").Description("City or town; at most 100 characters.").Resolve(c => c.Source.Fields.City);
        Field<StringGraphType>("region").Description("Region, state or county; at most 100 characters; null when none.").Resolve(c => Null(c.Source.Fields.Region));
        Field<StringGraphType>("postalCode").Description("Postal code; at most 20 characters; null when none.").Resolve(c => Null(c.Source.Fields.PostalCode));
        Field<NonNullGraphType<StringGraphType>>("country").Description("ISO 3166-1 alpha-2 country code, upper case, e.g. GB.").Resolve(c => c.Source.Fields.Country);
        Field<GeoPointType>("location").Description("Where the address is, when the buyer gave it; null otherwise.").Resolve(c => c.Source.Fields.Location);
        Field<NonNullGraphType<BooleanGraphType>>("isDefault").Description("Whether this is the buyer's default address (exactly one is, whenever there are any).").Resolve(c => c.Source.IsDefault);
        Field<NonNullGraphType<UtcDateTimeGraphType>>("createdAt").Description("When the address was added.").Resolve(c => Timestamps.Parse(c.Source.CreatedAt));
        Field<NonNullGraphType<UtcDateTimeGraphType>>("updatedAt").Description("When the address last changed.").Resolve(c => Timestamps.Parse(c.Source.UpdatedAt));
    }

    private static string? Null(string value) => value.Length == 0 ? null : value;
}
