using GraphQL.Types;
using Marketplace.Gateway.Relay;

namespace Marketplace.Gateway.Catalog;

/// <summary>The connection of <c>productsNear</c>: its edges carry the distance.</summary>
internal sealed class NearbyProductConnectionType : ObjectGraphType<Connection<NearbyProductHit>>
{
    public NearbyProductConnectionType()
    {
        Name = "NearbyProductConnection";
        Description = "Products near a point, in the order asked for.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NearbyProductEdgeType>>>>("edges").Description("The products with their distances and cursors.").Resolve(c => c.Source.Edges);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProductType>>>>("nodes").Description("The products alone.").Resolve(c => c.Source.Edges.Select(e => e.Node.Product));
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Description("Where this page is.").Resolve(c => c.Source.PageInfo);
    }
}
