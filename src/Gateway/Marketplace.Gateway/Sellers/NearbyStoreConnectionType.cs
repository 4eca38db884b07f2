using GraphQL.Types;
using Marketplace.Gateway.Relay;
using Marketplace.Modules.Sellers.Contracts.V1;

namespace Marketplace.Gateway.Sellers;

/// <summary>The connection of <c>storesNear</c>: its edges carry the distance.</summary>
internal sealed class NearbyStoreConnectionType : ObjectGraphType<Connection<NearbyStore>>
{
    public NearbyStoreConnectionType()
    {
        Name = "NearbyStoreConnection";
        Description = "Stores near a point, nearest first.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NearbyStoreEdgeType>>>>("edges").Description("The stores with their distances and cursors.").Resolve(c => c.Source.Edges);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StoreType>>>>("nodes").Description("The stores alone.").Resolve(c => c.Source.Edges.Select(e => e.Node.Store));
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Description("Where this page is.").Resolve(c => c.Source.PageInfo);
    }
}
