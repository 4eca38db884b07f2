using GraphQL.Types;
using Marketplace.Gateway.Conventions;
using Marketplace.Modules.Ordering.Contracts.V1;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Ordering;

/// <summary><c>OrderStatusUpdate</c>: one transition of an order as <c>orderStatusChanged</c> delivers it, live.</summary>
internal sealed class OrderStatusUpdateType : ObjectGraphType<OrderStatusUpdate>
{
    public OrderStatusUpdateType()
    {
        Name = "OrderStatusUpdate";
        Description = "An order moved: the step, and the order as it is now.";
        Field<NonNullGraphType<OrderType>>("order").Description("The order as it is now (its status may already be further on when steps follow each other closely).").Resolve(c => c.Source.Order);
        Field<NonNullGraphType<OrderStatusType>>("from").Description("The status it left.").Resolve(c => c.Source.From);
        Field<NonNullGraphType<OrderStatusType>>("to").Description("The status it reached.").Resolve(c => c.Source.To);
        Field<NonNullGraphType<UtcDateTimeGraphType>>("at").Description("When it moved.").Resolve(c => Timestamps.Parse(c.Source.ChangedAt));
        Field<NonNullGraphType<IntGraphType>>("sequence").Description("The step's place in the order's history (placing it is 1): steps may arrive out of order; the highest is the latest.").Resolve(c => c.Source.Sequence);
        Field<NonNullGraphType<OrderActorKindType>>("actorKind").Description("Who moved it (by kind; never who exactly).").Resolve(c => c.Source.ActorKind);
        Field<StringGraphType>("reason").Description("Why, when a reason was given (a rejection, an administrator's cancellation); null otherwise.").Resolve(c => c.Source.Reason.Length == 0 ? null : c.Source.Reason);
    }
}
