using GraphQL.Types;

namespace Marketplace.Gateway.Catalog;

internal sealed class ProductVariantsBulkUpdateInputType : InputObjectGraphType
{
    public ProductVariantsBulkUpdateInputType()
    {
        Name = "ProductVariantsBulkUpdateInput";
        Description = "Changes of several variants of one product, applied together or not at all.";
        Field<NonNullGraphType<IdGraphType>>("productId").Description("The product whose variants change.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProductVariantUpdateInputType>>>>("variants").Description("At least one change, each variant at most once.");
    }
}
