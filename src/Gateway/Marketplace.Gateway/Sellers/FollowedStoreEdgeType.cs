using GraphQL.Types;
using Marketplace.Gateway.Relay;
using Marketplace.Modules.Sellers.Contracts.V1;

namespace Marketplace.Gateway.Sellers;

internal sealed class FollowedStoreEdgeType : ObjectGraphType<Edge<FollowedStore>>
{
    public FollowedStoreEdgeType()
    {
        Name = "FollowedStoreEdge";
        Description = "A followed store.";
        Field<NonNullGraphType<StoreType>>("node").Description("The store.").Resolve(c => c.Source.Node.Store);
        Field<NonNullGraphType<Conventions.UtcDateTimeGraphType>>("followedAt").Description("When you followed it.").Resolve(c => Marketplace.Shared.Contracts.Timestamps.Parse(c.Source.Node.FollowedAt));
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("Give it as after to continue after this store.").Resolve(c => c.Source.Cursor);
    }
}
