using GraphQL.Types;
using Marketplace.Modules.Catalog.Contracts.V1;

namespace Marketplace.Gateway.Catalog;

internal sealed class ProductOptionType : ObjectGraphType<ProductOption>
{
    public ProductOptionType()
    {
        Name = "ProductOption";
        Description = "An axis the variants differ on, e.g. Size with values S, M, L.";
        Field<NonNullGraphType<StringGraphType>>("name").Description("At most 50 characters, unique in the product.").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("values").Description("1 to 50 values in display order, each at most 50 characters.").Resolve(c => c.Source.Values.ToList());
    }
}
