using GraphQL.Types;
using Marketplace.Gateway.Relay;
using Marketplace.Modules.Ordering.Contracts.V1;

namespace Marketplace.Gateway.Ordering;

internal sealed class OrderEdgeType : ObjectGraphType<Edge<Order>>
{
    public OrderEdgeType()
    {
        Name = "OrderEdge";
        Description = "An order.";
        Field<NonNullGraphType<OrderType>>("node").Description("The order.").Resolve(c => c.Source.Node);
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("Give it as after to continue after this order.").Resolve(c => c.Source.Cursor);
    }
}
