using GraphQL.Types;
using Marketplace.Gateway.Conventions;
using Marketplace.Modules.Catalog.Contracts.V1;

namespace Marketplace.Gateway.Catalog;

internal sealed class ProductPriceRangeType : ObjectGraphType<Product>
{
    public ProductPriceRangeType()
    {
        Name = "ProductPriceRange";
        Description = "The lowest and highest price of a product's variants, in the product's one currency.";
        Field<NonNullGraphType<MoneyType>>("minVariantPrice").Description("The lowest variant price.").Resolve(c => CatalogValues.Money(c.Source.MinPrice));
        Field<NonNullGraphType<MoneyType>>("maxVariantPrice").Description("The highest variant price.").Resolve(c => CatalogValues.Money(c.Source.MaxPrice));
    }
}
