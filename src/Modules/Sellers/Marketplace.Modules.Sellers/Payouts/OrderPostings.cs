using Marketplace.Modules.Ordering.Contracts.Events;
using Marketplace.Modules.Sellers.Domain;
using Marketplace.Modules.Sellers.Persistence;
using Marketplace.Shared.Payments;
using Marketplace.Shared.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Marketplace.Modules.Sellers.Payouts;

/// <summary>
/// The ledger rules for an order's status changes (docs/payouts.md):
/// <list type="bullet">
/// <item>accepted or later on the happy path, or cancelled after acceptance: the order's SALE (+total), COMMISSION
/// (−total × rate, half-even) and, for offline payments, COLLECTED_BY_SELLER (−total) exist, once each;</item>
/// <item>COMPLETED: those entries become available at the change + the hold period;</item>
/// <item>CANCELLED after acceptance: their reversals (REFUND −total, COMMISSION +commission, COLLECTED_BY_SELLER +total),
/// available at once; entries still pending become available at the same instant, so the order nets to zero;</item>
/// <item>REJECTED, EXPIRED, CANCELLED from PLACED: nothing (no sale happened).</item>
/// </list>
/// Every step is "ensure", under a per-order advisory lock, so any number of events in any order converge.
/// </summary>
internal sealed class OrderPostings(SellersDbContext db, PayoutsOptions options, TimeProvider clock)
{
    private static readonly HashSet<string> Sold = new(StringComparer.Ordinal)
    {
        "ACCEPTED", "READY_FOR_PICKUP", "OUT_FOR_DELIVERY", "PICKED_UP", "DELIVERED", "COMPLETED",
    };

    /// <summary>Payment methods where the buyer pays the seller directly: the seller then owes the platform its commission.</summary>
    private static readonly HashSet<string> Offline = new(StringComparer.Ordinal) { "PAY_ON_DELIVERY", "PAY_AT_PICKUP" };

    public async Task ApplyAsync(OrderStatusChanged change, Guid? eventId, CancellationToken cancellationToken)
    {
        var refunded = change.To == "CANCELLED" && change.From != "PLACED";
        if (!Sold.Contains(change.To) && !refunded)
            return;
        if (!CurrencyUnits.TryParse(change.Total, out var total) || total < 0 || !CurrencyUnits.TryToMinor(total, change.CurrencyCode, out var totalMinor)
            || change.CurrencyCode.Length != 3 || change.SellerId == Guid.Empty)
            throw new InvalidOperationException($"Order {change.OrderId}: total '{change.Total}' {change.CurrencyCode} or seller cannot be booked.");

        await db.LockAsync($"sellers.ledger.order:{change.OrderId:N}", cancellationToken);
        var now = clock.GetUtcNow();
        await EnsureSaleAsync(change, totalMinor, eventId, now, cancellationToken);
        if (change.To == "COMPLETED")
            await MakeAvailableAsync(change.OrderId, change.ChangedAt + options.HoldPeriod, cancellationToken);
        if (refunded)
            await ReverseAsync(change, eventId, now, cancellationToken);
    }

    private async Task EnsureSaleAsync(OrderStatusChanged change, long totalMinor, Guid? eventId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await db.LedgerEntries.AnyAsync(e => e.OrderId == change.OrderId && e.Type == LedgerEntryType.Sale, cancellationToken))
            return;
        var rate = await db.CommissionRates.Where(r => r.StoreId == change.StoreId).Select(r => (decimal?)r.Rate).SingleOrDefaultAsync(cancellationToken)
            ?? options.CommissionRate;
        var commission = PayoutRules.Commission(totalMinor, rate);
        await db.AppendAsync(Entry(change, LedgerEntryType.Sale, totalMinor, reversal: false, eventId, now), cancellationToken);
        var commissionEntry = Entry(change, LedgerEntryType.Commission, -commission, reversal: false, eventId, now);
        commissionEntry.CommissionRate = rate;
        await db.AppendAsync(commissionEntry, cancellationToken);
        if (Offline.Contains(change.PaymentMethod))
            await db.AppendAsync(Entry(change, LedgerEntryType.CollectedBySeller, -totalMinor, reversal: false, eventId, now), cancellationToken);
    }

    private Task<int> MakeAvailableAsync(Guid orderId, DateTimeOffset availableAt, CancellationToken cancellationToken) =>
        db.ExecuteAsync(
            "UPDATE sellers.payout_ledger_entries SET available_at = $2 WHERE order_id = $1 AND NOT reversal AND available_at IS NULL",
            p =>
            {
                p.Add(new NpgsqlParameter { Value = orderId });
                p.Add(new NpgsqlParameter { Value = availableAt });
            },
            cancellationToken);

    private async Task ReverseAsync(OrderStatusChanged change, Guid? eventId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await MakeAvailableAsync(change.OrderId, change.ChangedAt, cancellationToken);
        var originals = await db.LedgerEntries.AsNoTracking().Where(e => e.OrderId == change.OrderId && !e.Reversal).ToListAsync(cancellationToken);
        // Reversals count from the same instant as what they undo (an order completed within its hold period and then
        // cancelled): the pair nets to zero at every moment, and never pushes the seller's available balance below.
        var latest = originals.Max(e => e.AvailableAt!.Value);
        var availableAt = latest > change.ChangedAt ? latest : change.ChangedAt;
        foreach (var original in originals)
        {
            var reversal = Entry(change, original.Type == LedgerEntryType.Sale ? LedgerEntryType.Refund : original.Type, -original.Amount, reversal: true, eventId, now);
            reversal.CommissionRate = original.CommissionRate;
            reversal.CurrencyCode = original.CurrencyCode;
            reversal.SellerId = original.SellerId;
            reversal.AvailableAt = availableAt;
            await db.AppendAsync(reversal, cancellationToken);
        }
    }

    private static LedgerEntry Entry(OrderStatusChanged change, string type, long amount, bool reversal, Guid? eventId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        SellerId = change.SellerId,
        CurrencyCode = change.CurrencyCode,
        Type = type,
        Amount = amount,
        OrderId = change.OrderId,
        StoreId = change.StoreId,
        Reversal = reversal,
        PaymentMethod = change.PaymentMethod,
        EventId = eventId,
        CreatedAt = now,
    };
}
