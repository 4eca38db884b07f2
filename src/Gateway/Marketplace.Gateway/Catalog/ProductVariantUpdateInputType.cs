using GraphQL.Types;
using Marketplace.Gateway.Conventions;

namespace Marketplace.Gateway.Catalog;

internal sealed class ProductVariantUpdateInputType : InputObjectGraphType
{
    public ProductVariantUpdateInputType()
    {
        Name = "ProductVariantUpdateInput";
        Description = "A change of one variant. Fields left out stay as they are; compareAtPrice, barcode and weightGrams set to null are removed. Limits as in ProductVariantInput.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The variant to change (of the product named by productId).");
        Field<StringGraphType>("sku").Description("A new SKU.");
        Field<ListGraphType<NonNullGraphType<SelectedOptionInputType>>>("optionValues").Description("New option values (one per option); empty or left out keeps them.");
        Field<ExactDecimalGraphType>("price").Description("A new price.");
        Field<ExactDecimalGraphType>("compareAtPrice").Description("A new compare-at price; null removes it.");
        Field<StringGraphType>("currencyCode").Description("A new currency (then every variant must have it).");
        Field<StringGraphType>("barcode").Description("A new barcode; null removes it.");
        Field<IntGraphType>("weightGrams").Description("A new weight; null removes it.");
    }
}
