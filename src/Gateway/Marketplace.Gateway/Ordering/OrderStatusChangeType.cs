using GraphQL.Types;
using Marketplace.Gateway.Conventions;
using Marketplace.Modules.Ordering.Contracts.V1;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Ordering;

/// <summary><c>OrderStatusChange</c>: one transition of an order, as <c>orderStatusChanged</c> delivers it.</summary>
internal sealed class OrderStatusChangeType : ObjectGraphType<OrderStatusChange>
{
    public OrderStatusChangeType()
    {
        Name = "OrderStatusChange";
        Description = "One step of an order's lifecycle.";
        Field<NonNullGraphType<OrderType>>("order").Description("The order as it is now (its status may already be further on when changes arrive close together).").Resolve(c => c.Source.Order);
        Field<NonNullGraphType<OrderStatusType>>("from").Description("The status it left.").Resolve(c => c.Source.From);
        Field<NonNullGraphType<OrderStatusType>>("to").Description("The status it reached.").Resolve(c => c.Source.To);
        Field<NonNullGraphType<UtcDateTimeGraphType>>("at").Description("When it moved.").Resolve(c => Timestamps.Parse(c.Source.ChangedAt));
        Field<NonNullGraphType<IntGraphType>>("sequence").Description("The step's place in the order's history (placing it is 1): changes may arrive out of order; the highest is the latest.").Resolve(c => c.Source.Sequence);
        Field<NonNullGraphType<OrderActorKindType>>("actor").Description("Who moved it.").Resolve(c => c.Source.ActorKind);
        Field<StringGraphType>("reason").Description("Why, when the seller or Marketplace support said (a rejection, a cancellation); null otherwise.").Resolve(c => c.Source.Reason.Length == 0 ? null : c.Source.Reason);
    }
}
