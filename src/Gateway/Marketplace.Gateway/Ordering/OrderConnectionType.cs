using GraphQL.Types;
using Marketplace.Gateway.Relay;
using Marketplace.Modules.Ordering.Contracts.V1;

namespace Marketplace.Gateway.Ordering;

internal sealed class OrderConnectionType : ObjectGraphType<Connection<Order>>
{
    public OrderConnectionType()
    {
        Name = "OrderConnection";
        Description = "Orders, newest first.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrderEdgeType>>>>("edges").Description("The orders with their cursors.").Resolve(c => c.Source.Edges);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrderType>>>>("nodes").Description("The orders alone.").Resolve(c => c.Source.Edges.Select(e => e.Node));
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Description("Where this page is.").Resolve(c => c.Source.PageInfo);
    }
}
