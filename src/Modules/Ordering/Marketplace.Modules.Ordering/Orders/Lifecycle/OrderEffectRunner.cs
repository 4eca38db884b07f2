using Marketplace.Modules.Inventory.Contracts.V1;
using Marketplace.Modules.Ordering.Checkouts;
using Marketplace.Modules.Ordering.Domain;
using Marketplace.Modules.Ordering.Payments;
using Marketplace.Modules.Ordering.Persistence;
using Marketplace.Shared.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Marketplace.Modules.Ordering.Orders.Lifecycle;

/// <summary>
/// Does the side effects transitions wrote (<see cref="OrderEffect"/>), each in its own transaction holding the effect's
/// row (<c>FOR UPDATE SKIP LOCKED</c>: the live request and the job, or two hosts, never both do one), and the group's row
/// for the payment ones (a group's captures, refunds and release take turns, so what the provider shows can be checked
/// against what was done). Every call is idempotent by the order (payment) or by a reference per order and step
/// (Inventory), so one interrupted after the call and before it was marked done is harmless to repeat. A failure is
/// recorded and retried later with a growing pause; it never undoes the transition.
/// </summary>
internal sealed class OrderEffectRunner(
    OrderingDbContext db, PaymentProviders payments, StockHolds stock, OrderingOptions options, TimeProvider clock, ILogger<OrderEffectRunner> logger)
{
    private static readonly TimeSpan MaxPause = TimeSpan.FromHours(1);

    /// <summary>Inventory's idempotency reference of an order's step.</summary>
    public static string Reference(Guid orderId, string step) => $"ordering:order:{orderId:N}:{step}";

    /// <summary>
    /// Right after transitions: the pending effects of these orders' groups, in the order they were written (a group's
    /// last decision may be what another order's effect waited for: a release after the captures, a capture at once).
    /// </summary>
    public async Task RunForOrdersAsync(IReadOnlyCollection<Guid> orderIds, CancellationToken cancellationToken)
    {
        if (orderIds.Count == 0)
            return;
        // Another pass while the last one got something done: an effect that waited for another (a release for a capture)
        // may be free to go now rather than at the job's next run.
        for (var pass = 0; pass < 3; pass++)
        {
            db.ChangeTracker.Clear();
            var groups = db.Orders.Where(o => orderIds.Contains(o.Id)).Select(o => o.GroupId);
            var ids = await db.OrderEffects.Where(e => groups.Contains(e.GroupId) && e.DoneAt == null).OrderBy(e => e.Id).Select(e => e.Id).ToListAsync(cancellationToken);
            var done = 0;
            foreach (var id in ids)
                done += await TryRunAsync(id, cancellationToken) ? 1 : 0;
            if (done == 0 || done == ids.Count)
                return;
        }
    }

    /// <summary>One batch of the effects that are due (left by a dead process, or failed before); answers how many were looked at.</summary>
    public async Task<int> RunDueAsync(int batchSize, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var now = clock.GetUtcNow();
        var ids = await db.OrderEffects.Where(e => e.DoneAt == null && e.NextAttemptAt <= now).OrderBy(e => e.NextAttemptAt).Select(e => e.Id).Take(batchSize).ToListAsync(cancellationToken);
        foreach (var id in ids)
            await TryRunAsync(id, cancellationToken);
        return ids.Count;
    }

    /// <summary>The transition is committed whatever happens here: a fault is logged and the effect stays pending for the job.</summary>
    private async Task<bool> TryRunAsync(long effectId, CancellationToken cancellationToken)
    {
        try
        {
            return await RunAsync(effectId, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "Order effect {EffectId} could not be run; the effects job retries it", effectId);
            return false;
        }
    }

    /// <summary>True when this call did the effect.</summary>
    private async Task<bool> RunAsync(long effectId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var effect = await db.OrderEffects.FromSql($"SELECT * FROM ordering.order_effects WHERE id = {effectId} AND done_at IS NULL FOR UPDATE SKIP LOCKED").SingleOrDefaultAsync(cancellationToken);
        if (effect is null)
            return false; // done already, or being done by someone else right now
        var now = Timestamps.Truncate(clock.GetUtcNow());
        try
        {
            if (await DoAsync(effect, cancellationToken))
            {
                effect.DoneAt = now;
                effect.LastError = null;
            }
            else
            {
                // Waiting for another effect of the group (a capture before a refund or a release): the job looks again.
                effect.NextAttemptAt = now + options.Lifecycle.EffectsRetryAfter;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            effect.Attempts++;
            var message = $"{e.GetType().Name}: {e.Message}";
            effect.LastError = message.Length > 1000 ? message[..1000] : message;
            var pause = options.Lifecycle.EffectsRetryAfter * Math.Pow(2, Math.Min(effect.Attempts, 12));
            effect.NextAttemptAt = now + (pause < MaxPause ? pause : MaxPause);
            logger.LogError(e, "Order {OrderId}: {Kind} failed (attempt {Attempts}); retried at {NextAttemptAt}", effect.OrderId, effect.Kind, effect.Attempts, effect.NextAttemptAt);
        }

        await db.SaveChangesAsync(CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
        return effect.DoneAt is not null;
    }

    /// <summary>True when done; false when it has to wait for another effect of its group.</summary>
    private async Task<bool> DoAsync(OrderEffect effect, CancellationToken cancellationToken)
    {
        var order = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == effect.OrderId, cancellationToken);
        switch (effect.Kind)
        {
            case OrderEffectKinds.Fulfil:
                await stock.FulfilAsync(order.Id, Reference(order.Id, "fulfil"), cancellationToken);
                return true;
            case OrderEffectKinds.RestockUnfulfilled:
                await stock.RestockAsync(order.Id, Reference(order.Id, "cancel"), RestockSource.Unfulfilled, cancellationToken);
                return true;
            case OrderEffectKinds.RestockFulfilled:
                if (await PendingAsync(order.Id, OrderEffectKinds.Fulfil, cancellationToken))
                    return false;
                await stock.RestockAsync(order.Id, Reference(order.Id, "return"), RestockSource.Fulfilled, cancellationToken);
                return true;
        }

        var group = await db.OrderGroups.FromSql($"SELECT * FROM ordering.order_groups WHERE id = {order.GroupId} FOR UPDATE").AsNoTracking().SingleAsync(cancellationToken);
        var provider = payments.Get(order.PaymentMethod);
        var payment = new OrderPayment(order.Id, group.Id, group.PaymentIntentId, order.Total, order.CurrencyCode, group.OrderCount == 1);
        switch (effect.Kind)
        {
            case OrderEffectKinds.Capture when !payment.OnlyOrderOfGroup && !await provider.CapturesInPartsAsync(group.PaymentIntentId, cancellationToken):
                // Without multicapture one authorisation is captured once: when no order of the group waits for its seller,
                // the accepted orders' sum (the rest is let go by that final capture).
                if (await db.Orders.AnyAsync(o => o.GroupId == group.Id && o.Status == OrderStatus.Placed, cancellationToken))
                    return false;
                var accepted = await db.OrderEffects.Where(e => e.GroupId == group.Id && e.Kind == OrderEffectKinds.Capture)
                    .Join(db.Orders, e => e.OrderId, o => o.Id, (e, o) => o.Total).ToListAsync(cancellationToken);
                await provider.CaptureOnceAsync(group.Id, group.PaymentIntentId, accepted.Sum(total => Currencies.ToMinorUnits(total, order.CurrencyCode)), cancellationToken);
                return true;
            case OrderEffectKinds.Capture:
                var captured = await db.OrderEffects.Where(e => e.GroupId == group.Id && e.Kind == OrderEffectKinds.Capture && e.DoneAt != null)
                    .Join(db.Orders, e => e.OrderId, o => o.Id, (e, o) => o.Total).ToListAsync(cancellationToken);
                await provider.CaptureAsync(payment, captured.Sum(total => Currencies.ToMinorUnits(total, order.CurrencyCode)), cancellationToken);
                return true;
            case OrderEffectKinds.Refund:
                if (await PendingAsync(order.Id, OrderEffectKinds.Capture, cancellationToken))
                    return false;
                await provider.RefundAsync(payment, cancellationToken);
                return true;
            case OrderEffectKinds.SettlePayment:
                // An order still waiting for its seller may yet be captured: its own decision settles the group later.
                if (await db.Orders.AnyAsync(o => o.GroupId == group.Id && o.Status == OrderStatus.Placed, cancellationToken))
                    return true;
                if (await db.OrderEffects.AnyAsync(e => e.GroupId == group.Id && e.Kind == OrderEffectKinds.Capture && e.DoneAt == null, cancellationToken))
                    return false;
                await provider.ReleaseRemainderAsync(group.Id, group.PaymentIntentId, cancellationToken);
                return true;
            default:
                throw new InvalidOperationException($"Unknown effect {effect.Kind}.");
        }
    }

    private Task<bool> PendingAsync(Guid orderId, string kind, CancellationToken cancellationToken) =>
        db.OrderEffects.AnyAsync(e => e.OrderId == orderId && e.Kind == kind && e.DoneAt == null, cancellationToken);
}
