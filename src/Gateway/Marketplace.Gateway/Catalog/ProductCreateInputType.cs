using GraphQL.Types;

namespace Marketplace.Gateway.Catalog;

internal sealed class ProductCreateInputType : InputObjectGraphType
{
    public ProductCreateInputType()
    {
        Name = "ProductCreateInput";
        Description = "A new product (DRAFT) with its variants.";
        Field<NonNullGraphType<IdGraphType>>("storeId").Description("One of your stores.");
        Field<NonNullGraphType<StringGraphType>>("title").Description("1–200 characters.");
        Field<StringGraphType>("description").Description("At most 10,000 characters.");
        Field<NonNullGraphType<IdGraphType>>("categoryId").Description("Where it is filed in the taxonomy.");
        Field<ListGraphType<NonNullGraphType<ProductAttributeInputType>>>("attributes").Description("At most 50.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("images").Description("Media assets (ids, or MediaAsset global ids) or https:// URLs, at most 20, in display order.");
        Field<ListGraphType<NonNullGraphType<ProductOptionInputType>>>("options").Description("At most 3 (e.g. Size, Colour).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProductVariantInputType>>>>("variants").Description("1 to 100, one per combination of option values.");
    }
}
