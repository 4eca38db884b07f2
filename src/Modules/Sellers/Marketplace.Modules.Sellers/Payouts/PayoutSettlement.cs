using Marketplace.Modules.Sellers.Contracts;
using Marketplace.Modules.Sellers.Domain;
using Marketplace.Modules.Sellers.Persistence;
using Marketplace.Shared.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Sellers.Payouts;

/// <summary>
/// PENDING → PAID or FAILED, once: the payout's row is locked, its status checked, and a failure writes PAYOUT_FAILED
/// (+amount, available at once) in the same transaction, so the money is back in the seller's balance for the next run.
/// </summary>
internal static class PayoutSettlement
{
    public static async Task<Payout> LockAsync(SellersDbContext db, Guid payoutId, CancellationToken cancellationToken)
    {
        // A payout this scope created or read earlier would come back as that (maybe stale) instance: read the locked row.
        db.ChangeTracker.Clear();
        return (await db.Payouts.FromSql($"SELECT * FROM sellers.payouts WHERE id = {payoutId} FOR UPDATE").ToListAsync(cancellationToken)).SingleOrDefault()
            ?? throw NotFound();
    }

    public static void EnsurePending(Payout payout)
    {
        if (payout.Status != PayoutStatus.Pending)
            throw ContractError.FailedPrecondition(PayoutErrorCodes.PayoutNotPending, $"The payout is {payout.Status}; only a PENDING payout can be marked paid or failed.");
    }

    public static void MarkPaid(Payout payout, string reference, DateTimeOffset now)
    {
        payout.Status = PayoutStatus.Paid;
        payout.Reference = reference;
        payout.PaidAt = now;
    }

    public static async Task MarkFailedAsync(SellersDbContext db, Payout payout, string reason, Guid? actorId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        payout.Status = PayoutStatus.Failed;
        payout.FailureReason = reason;
        payout.FailedAt = now;
        await db.AppendAsync(new LedgerEntry
        {
            Id = Guid.CreateVersion7(),
            SellerId = payout.SellerId,
            CurrencyCode = payout.CurrencyCode,
            Type = LedgerEntryType.PayoutFailed,
            Amount = payout.Amount,
            PayoutId = payout.Id,
            Reason = reason,
            ActorId = actorId,
            CreatedAt = now,
            AvailableAt = now,
        }, cancellationToken);
    }

    public static Grpc.Core.RpcException NotFound() => ContractError.NotFound(PayoutErrorCodes.PayoutNotFound, "No such payout.");

    /// <summary>A payout id as text: anything that is not a UUID names no payout.</summary>
    public static Guid ParseId(string id) => Guid.TryParse(id, out var payoutId) ? payoutId : throw NotFound();
}
