using GraphQL.Types;
using Marketplace.Gateway.Relay;
using Marketplace.Modules.Sellers.Contracts.V1;

namespace Marketplace.Gateway.Sellers;

/// <summary>The connection of <c>viewer.followedStores</c>: its edges carry when the follow began.</summary>
internal sealed class FollowedStoreConnectionType : ObjectGraphType<Connection<FollowedStore>>
{
    public FollowedStoreConnectionType()
    {
        Name = "FollowedStoreConnection";
        Description = "Stores you follow, newest follow first.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FollowedStoreEdgeType>>>>("edges").Description("The stores with when you followed them and their cursors.").Resolve(c => c.Source.Edges);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StoreType>>>>("nodes").Description("The stores alone.").Resolve(c => c.Source.Edges.Select(e => e.Node.Store));
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Description("Where this page is.").Resolve(c => c.Source.PageInfo);
    }
}
