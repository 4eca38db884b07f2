using GraphQL.Types;

namespace Marketplace.Gateway.Catalog;

internal sealed class ProductOptionInputType : InputObjectGraphType
{
    public ProductOptionInputType()
    {
        Name = "ProductOptionInput";
        Description = "An axis the variants differ on.";
        Field<NonNullGraphType<StringGraphType>>("name").Description("E.g. Size; 1–50 characters, unique in the product (case-insensitively).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("values").Description("1 to 50 values in display order, e.g. [\"S\", \"M\", \"L\"], each 1–50 characters and given once.");
    }
}
