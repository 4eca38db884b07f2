using GraphQL.Types;

namespace Marketplace.Gateway.Catalog;

internal sealed class ProductAttributeInputType : InputObjectGraphType
{
    public ProductAttributeInputType()
    {
        Name = "ProductAttributeInput";
        Description = "A free-form fact about a product, e.g. material: oak.";
        Field<NonNullGraphType<StringGraphType>>("key").Description("1–50 characters, unique in the product (case-insensitively).");
        Field<NonNullGraphType<StringGraphType>>("value").Description("At most 500 characters.");
    }
}
