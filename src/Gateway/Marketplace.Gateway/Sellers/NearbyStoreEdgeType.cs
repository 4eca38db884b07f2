using GraphQL.Types;
using Marketplace.Gateway.Relay;
using Marketplace.Modules.Sellers.Contracts.V1;

namespace Marketplace.Gateway.Sellers;

/// <summary>The edge of <c>storesNear</c>: the store and how far it is from the searched point.</summary>
internal sealed class NearbyStoreEdgeType : ObjectGraphType<Edge<NearbyStore>>
{
    public NearbyStoreEdgeType()
    {
        Name = "NearbyStoreEdge";
        Description = "A store near the searched point.";
        Field<NonNullGraphType<StoreType>>("node").Description("The store.").Resolve(c => c.Source.Node.Store);
        Field<NonNullGraphType<FloatGraphType>>("distanceMeters").Description("Geodesic distance (WGS 84) from the searched point.").Resolve(c => c.Source.Node.DistanceMeters);
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("Give it as after to continue after this store.").Resolve(c => c.Source.Cursor);
    }
}
