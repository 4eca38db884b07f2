using Marketplace.Shared.Contracts;
using V1 = Marketplace.Modules.Ordering.Contracts.V1;

namespace Marketplace.Modules.Ordering.GrpcServices;

/// <summary>An order's status history as contract messages (no actor ids: who, by kind only).</summary>
internal static partial class OrderingMapping
{
    public static V1.OrderHistory ToContract(Guid orderId, IEnumerable<Domain.OrderStatusChange> changes)
    {
        var history = new V1.OrderHistory { OrderId = orderId.ToString() };
        history.Changes.AddRange(changes.Select(c => new V1.OrderStatusChange
        {
            From = c.FromStatus ?? "", To = c.ToStatus, ActorKind = c.ActorKind, Reason = c.Reason ?? "", At = Timestamps.Format(c.OccurredAt),
        }));
        return history;
    }
}
