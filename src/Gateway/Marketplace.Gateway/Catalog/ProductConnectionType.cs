using GraphQL.Types;
using Marketplace.Gateway.Relay;
using Marketplace.Modules.Catalog.Contracts.V1;

namespace Marketplace.Gateway.Catalog;

/// <summary>The connection of <c>store.products</c>.</summary>
internal sealed class ProductConnectionType : ObjectGraphType<Connection<Product>>
{
    public ProductConnectionType()
    {
        Name = "ProductConnection";
        Description = "A store's products, newest first.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProductEdgeType>>>>("edges").Description("The products with their cursors.").Resolve(c => c.Source.Edges);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProductType>>>>("nodes").Description("The products alone.").Resolve(c => c.Source.Edges.Select(e => e.Node));
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Description("Where this page is.").Resolve(c => c.Source.PageInfo);
        Field<IntGraphType>("totalCount").Description("How many products match, over all pages.").Resolve(c => c.Source.TotalCount);
    }
}
