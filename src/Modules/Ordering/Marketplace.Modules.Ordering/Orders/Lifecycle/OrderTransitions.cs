using Marketplace.Modules.Ordering.Contracts.Events;
using Marketplace.Modules.Ordering.Domain;
using Marketplace.Modules.Ordering.Persistence;
using Marketplace.Shared.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Ordering.Orders.Lifecycle;

/// <summary>
/// Writes one transition of a locked order, checked already (<see cref="OrderLifecycle"/>), inside the caller's
/// transaction: the status and payment status, a history row, the side effects to do after the commit, and the
/// <see cref="OrderStatusChanged"/> event — all committed together or not at all.
/// </summary>
internal sealed class OrderTransitions(OrderingDbContext db, OrderingOptions options, TimeProvider clock)
{
    /// <summary>How many history rows each order has now (placing it is the first).</summary>
    public async Task<Dictionary<Guid, int>> HistoryCountsAsync(IReadOnlyCollection<Guid> orderIds, CancellationToken cancellationToken) =>
        await db.OrderStatusChanges.Where(h => orderIds.Contains(h.OrderId)).GroupBy(h => h.OrderId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

    /// <summary>
    /// Moves <paramref name="order"/> (locked by the caller, <c>FOR UPDATE</c>) to <paramref name="to"/>;
    /// <paramref name="historyCount"/> is its history's length before.
    /// </summary>
    public void Apply(Order order, string to, string actorKind, Guid? actorId, string? reason, int historyCount)
    {
        var now = Timestamps.Truncate(clock.GetUtcNow());
        var from = order.Status;
        var (paymentStatus, effects) = OrderLifecycle.Consequences(order, from, to);
        order.Status = to;
        order.PaymentStatus = paymentStatus;
        order.UpdatedAt = now;
        db.OrderStatusChanges.Add(new OrderStatusChange
        {
            OrderId = order.Id, FromStatus = from, ToStatus = to, ActorKind = actorKind, ActorId = actorId?.ToString(), Reason = reason, OccurredAt = now,
        });
        foreach (var kind in effects)
        {
            db.OrderEffects.Add(new OrderEffect
            {
                OrderId = order.Id, GroupId = order.GroupId, Kind = kind, CreatedAt = now, NextAttemptAt = now + options.Lifecycle.EffectsRetryAfter,
            });
        }

        var snapshot = Json.Read<OrderSnapshot>(order.Snapshot);
        db.AddEvent(new OrderStatusChanged(
            order.Id, order.GroupId, order.Number, order.BuyerId, order.StoreId, order.SellerId, snapshot.Store.Name,
            from, to, historyCount + 1, order.PaymentMethod, paymentStatus, order.Fulfilment, order.CurrencyCode,
            Currencies.Format(order.Total, order.CurrencyCode), actorKind, actorId, reason ?? "", now));
    }
}
