using GraphQL.Types;

namespace Marketplace.Gateway.Catalog;

internal sealed class ProductUpdateInputType : InputObjectGraphType
{
    public ProductUpdateInputType()
    {
        Name = "ProductUpdateInput";
        Description = "Fields left out (or null) stay as they are. Lists given replace the product's. Limits as in ProductCreateInput.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The product to change.");
        Field<StringGraphType>("title").Description("A new title.");
        Field<StringGraphType>("description").Description("A new description; empty clears it.");
        Field<IdGraphType>("categoryId").Description("A new category.");
        Field<ListGraphType<NonNullGraphType<ProductAttributeInputType>>>("attributes").Description("The new attributes; empty clears them.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("images").Description("The new images (Media assets or https:// URLs, at most 20); empty clears them.");
        Field<ListGraphType<NonNullGraphType<ProductOptionInputType>>>("options").Description("The new options; needs variants too (the combinations change).");
        Field<ListGraphType<NonNullGraphType<ProductVariantInputType>>>("variants")
            .Description("The whole variant set: entries with an id keep that variant, entries without add one, variants left out are removed.");
    }
}
