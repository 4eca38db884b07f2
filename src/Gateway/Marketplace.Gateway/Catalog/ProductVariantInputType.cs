using GraphQL.Types;
using Marketplace.Gateway.Conventions;

namespace Marketplace.Gateway.Catalog;

internal sealed class ProductVariantInputType : InputObjectGraphType
{
    public ProductVariantInputType()
    {
        Name = "ProductVariantInput";
        Description = "A variant of a new product, or of productUpdate's whole new variant set.";
        Field<IdGraphType>("id").Description("productUpdate only: the existing variant this entry keeps. Leave out for a new variant.");
        Field<NonNullGraphType<StringGraphType>>("sku").Description("Unique in the store (case-insensitively); printable ASCII without spaces, at most 64 characters.");
        Field<ListGraphType<NonNullGraphType<SelectedOptionInputType>>>("optionValues").Description("Exactly one value for each of the product's options.");
        Field<NonNullGraphType<ExactDecimalGraphType>>("price").Description("0 to 1,000,000,000, with no more decimals than the currency has (2 for EUR, 0 for JPY).");
        Field<ExactDecimalGraphType>("compareAtPrice").Description("The former or list price: higher than price, or null.");
        Field<NonNullGraphType<StringGraphType>>("currencyCode").Description("ISO 4217, e.g. EUR; every variant of a product has the same.");
        Field<StringGraphType>("barcode").Description("EAN, UPC or the like, at most 64 characters.");
        Field<IntGraphType>("weightGrams").Description("Shipping weight, 0 to 1,000,000 grams.");
    }
}
