using GraphQL.Types;

namespace Marketplace.Gateway.Catalog;

internal sealed class ProductAttributeType : ObjectGraphType<KeyValuePair<string, string>>
{
    public ProductAttributeType()
    {
        Name = "ProductAttribute";
        Description = "A free-form fact about a product, e.g. material: oak.";
        Field<NonNullGraphType<StringGraphType>>("key").Description("At most 50 characters, unique in the product (case-insensitively).").Resolve(c => c.Source.Key);
        Field<NonNullGraphType<StringGraphType>>("value").Description("At most 500 characters.").Resolve(c => c.Source.Value);
    }
}
