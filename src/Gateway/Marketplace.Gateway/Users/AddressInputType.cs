using GraphQL.Types;
using Marketplace.Gateway.Conventions;
using Marketplace.Modules.Users.Contracts.V1;

namespace Marketplace.Gateway.Users;

internal sealed class AddressInputType : InputObjectGraphType
{
    public AddressInputType()
    {
        Name = "AddressInput";
        Description = "An address's fields; text is trimmed.";
        Field<StringGraphType>("label").Description("Your name for it, e.g. Home; at most 50 characters.");
        Field<NonNullGraphType<StringGraphType>>("recipient").Description("Who receives deliveries here; 1 to 100 characters.");
        Field<StringGraphType>("phone").Description("A phone for the courier, with its country code.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("lines").Description("1 to 3 street lines (empty ones are dropped), each at most 200 characters.");
        Field<NonNullGraphType<StringGraphType>>("city").Description("City or town; 1 to 100 characters.");
        Field<StringGraphType>("region").Description("Region, state or county; at most 100 characters.");
        Field<StringGraphType>("postalCode").Description("Postal code; at most 20 characters.");
        Field<NonNullGraphType<StringGraphType>>("country").Description("ISO 3166-1 alpha-2 country code, e.g. GB (any case).");
        Field<GeoPointInputType>("location").Description("Where the address is (helps couriers and delivery-radius checks).");
    }

    /// <summary>The <c>address</c> field of <paramref name="input"/> as the contract's fields.</summary>
    public static AddressFields Read(InputObject input)
    {
        var address = input.Nested("address") ?? new InputObject(new Dictionary<string, object?>(), $"{input.Path}.address");
        return new AddressFields
        {
            Label = address.Text("label"),
            Recipient = address.Text("recipient"),
            Phone = address.Text("phone"),
            Lines = { address.Strings("lines") ?? [] },
            City = address.Text("city"),
            Region = address.Text("region"),
            PostalCode = address.Text("postalCode"),
            Country = address.Text("country"),
            Location = address.GeoPoint("location"),
        };
    }
}
