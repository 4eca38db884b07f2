using GraphQL.Types;
using Marketplace.Gateway.Conventions;
using Marketplace.Modules.Ordering.Contracts.V1;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Ordering;

/// <summary><c>OrderStatusChange</c>: one row of an order's history.</summary>
internal sealed class OrderStatusChangeType : ObjectGraphType<OrderStatusChange>
{
    public OrderStatusChangeType()
    {
        Name = "OrderStatusChange";
        Description = "One step of an order's lifecycle: from what, to what, by whom, why, when.";
        Field<OrderStatusType>("from").Description("The status before; null for the first step (the order placed).").Resolve(c => c.Source.From.Length == 0 ? null : c.Source.From);
        Field<NonNullGraphType<OrderStatusType>>("to").Description("The status after.").Resolve(c => c.Source.To);
        Field<NonNullGraphType<OrderActorKindType>>("actorKind").Description("Who moved it (by kind; never who exactly).").Resolve(c => c.Source.ActorKind);
        Field<StringGraphType>("reason").Description("Why, when a reason was given (a rejection, an administrator's cancellation, an expiry).").Resolve(c => c.Source.Reason.Length == 0 ? null : c.Source.Reason);
        Field<NonNullGraphType<UtcDateTimeGraphType>>("at").Description("When.").Resolve(c => Timestamps.Parse(c.Source.At));
    }
}
