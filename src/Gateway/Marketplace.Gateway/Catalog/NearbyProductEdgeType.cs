using GraphQL.Types;
using Marketplace.Gateway.Relay;

namespace Marketplace.Gateway.Catalog;

/// <summary>The edge of <c>productsNear</c>: the product and how far its store is from the searched point.</summary>
internal sealed class NearbyProductEdgeType : ObjectGraphType<Edge<NearbyProductHit>>
{
    public NearbyProductEdgeType()
    {
        Name = "NearbyProductEdge";
        Description = "A product near the searched point.";
        Field<NonNullGraphType<ProductType>>("node").Description("The product.").Resolve(c => c.Source.Node.Product);
        Field<NonNullGraphType<FloatGraphType>>("distanceMeters").Description("Geodesic distance (ST_Distance on the WGS 84 spheroid) from the searched point to the product's store.").Resolve(c => c.Source.Node.DistanceMeters);
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("Give it as after (with the same sort) to continue after this product.").Resolve(c => c.Source.Cursor);
    }
}
