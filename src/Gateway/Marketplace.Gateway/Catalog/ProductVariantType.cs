using GraphQL.Types;
using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.Relay;

namespace Marketplace.Gateway.Catalog;

internal sealed class ProductVariantType : ObjectGraphType<VariantSource>
{
    public ProductVariantType(IEnumerable<Schema.IProductVariantExtension> extensions)
    {
        Name = CatalogArea.VariantTypeName;
        Description = "What is sold: one combination of the product's option values, with its SKU and price. Seen by whoever may see its product.";
        Interface<NodeInterface>();
        IsTypeOf = value => value is VariantSource;
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id.").Resolve(c => GlobalId.Encode(CatalogArea.VariantTypeName, c.Source.Variant.Id));
        Field<NonNullGraphType<StringGraphType>>("sku").Description("Unique in its store (case-insensitively); printable ASCII without spaces, at most 64 characters.").Resolve(c => c.Source.Variant.Sku);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SelectedOptionType>>>>("selectedOptions")
            .Description("Its value for each of the product's options, in the options' order.")
            .Resolve(c => c.Source.Variant.Options.ToList());
        Field<NonNullGraphType<MoneyType>>("price").Description("What it costs, exact, with no more decimals than the currency has.").Resolve(c => CatalogValues.Money(c.Source.Variant.Price));
        Field<MoneyType>("compareAtPrice").Description("The former or list price, higher than price; null when none.").Resolve(c => CatalogValues.Money(c.Source.Variant.CompareAtPrice));
        Field<StringGraphType>("barcode").Description("EAN, UPC or the like, at most 64 characters; null when none.").Resolve(c => c.Source.Variant.Barcode.Length == 0 ? null : c.Source.Variant.Barcode);
        Field<IntGraphType>("weightGrams").Description("Shipping weight, 0 to 1,000,000 grams; null when not given.").Resolve(c => c.Source.Variant.HasWeightGrams ? c.Source.Variant.WeightGrams : null);
        Field<NonNullGraphType<IntGraphType>>("position").Description("Its place among the product's variants (from 0).").Resolve(c => c.Source.Variant.Position);
        Field<NonNullGraphType<ProductType>>("product").Description("The product it belongs to.").Resolve(c => c.Source.Product);
        foreach (var extension in extensions)
            extension.ConfigureVariant(this);
    }
}
