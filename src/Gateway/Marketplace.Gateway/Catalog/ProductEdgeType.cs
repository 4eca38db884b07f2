using GraphQL.Types;
using Marketplace.Gateway.Relay;
using Marketplace.Modules.Catalog.Contracts.V1;

namespace Marketplace.Gateway.Catalog;

internal sealed class ProductEdgeType : ObjectGraphType<Edge<Product>>
{
    public ProductEdgeType()
    {
        Name = "ProductEdge";
        Description = "A product of the page.";
        Field<NonNullGraphType<ProductType>>("node").Description("The product.").Resolve(c => c.Source.Node);
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("Give it as after to continue after this product.").Resolve(c => c.Source.Cursor);
    }
}
