using GraphQL.Types;
using Marketplace.Gateway.Conventions;
using Marketplace.Modules.Ordering.Contracts.V1;

namespace Marketplace.Gateway.Ordering;

/// <summary><c>OrderAddress</c>: the buyer's delivery address as a checkout or an order keeps it.</summary>
internal sealed class OrderAddressType : ObjectGraphType<DeliveryAddress>
{
    public OrderAddressType()
    {
        Name = "OrderAddress";
        Description = "The delivery address as it was at checkout (editing or deleting it in the address book later changes nothing here).";
        Field<NonNullGraphType<StringGraphType>>("label").Description("The buyer's name for it, e.g. Home.").Resolve(c => c.Source.Label);
        Field<NonNullGraphType<StringGraphType>>("recipient").Description("Who receives the delivery.").Resolve(c => c.Source.Recipient);
        Field<NonNullGraphType<StringGraphType>>("phone").Description("The recipient's phone; empty when none.").Resolve(c => c.Source.Phone);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("lines").Description("Street lines.").Resolve(c => c.Source.Lines.ToList());
        Field<NonNullGraphType<StringGraphType>>("city").Description("City.").Resolve(c => c.Source.City);
        Field<NonNullGraphType<StringGraphType>>("region").Description("Region; empty when none.").Resolve(c => c.Source.Region);
        Field<NonNullGraphType<StringGraphType>>("postalCode").Description("Postal code; empty when none.").Resolve(c => c.Source.PostalCode);
        Field<NonNullGraphType<StringGraphType>>("country").Description("ISO 3166-1 alpha-2.").Resolve(c => c.Source.Country);
        Field<NonNullGraphType<GeoPointType>>("location").Description("Where it is.").Resolve(c => c.Source.Location);
    }
}
