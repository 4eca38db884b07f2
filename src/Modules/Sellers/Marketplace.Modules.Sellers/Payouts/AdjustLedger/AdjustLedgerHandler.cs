using Marketplace.Modules.Sellers.Contracts;
using Marketplace.Modules.Sellers.Domain;
using Marketplace.Modules.Sellers.Persistence;
using Marketplace.Shared.Contracts;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Sellers.Payouts.AdjustLedger;

/// <summary>
/// The seller must run (or have run) a store here. With an idempotency key, a repeat of the same adjustment answers the
/// first one (also when both arrive at once: the unique index decides) and another adjustment under the key is refused.
/// </summary>
internal sealed class AdjustLedgerHandler(SellersDbContext db, TimeProvider clock) : ICommandHandler<AdjustLedgerCommand, LedgerEntryView>
{
    public async ValueTask<LedgerEntryView> Handle(AdjustLedgerCommand command, CancellationToken cancellationToken)
    {
        var sellerId = command.SellerId ?? throw SellerNotFound();
        if (!await db.Stores.AnyAsync(s => s.SellerId == sellerId, cancellationToken))
            throw SellerNotFound();
        var key = command.IdempotencyKey.Length == 0 ? null : command.IdempotencyKey;
        var now = clock.GetUtcNow();
        var entry = new LedgerEntry
        {
            Id = Guid.CreateVersion7(),
            SellerId = sellerId,
            CurrencyCode = command.CurrencyCode,
            Type = LedgerEntryType.Adjustment,
            Amount = command.AmountMinor!.Value,
            Reason = command.Reason,
            IdempotencyKey = key,
            ActorId = command.AdminId,
            CreatedAt = now,
            AvailableAt = now,
        };
        if (await db.AppendAsync(entry, cancellationToken))
            return LedgerEntryView.At(await db.LedgerEntries.AsNoTracking().SingleAsync(e => e.Id == entry.Id, cancellationToken), now);

        var first = await db.LedgerEntries.AsNoTracking().SingleAsync(e => e.SellerId == sellerId && e.IdempotencyKey == key, cancellationToken);
        if (first.Type != LedgerEntryType.Adjustment || first.Amount != entry.Amount || first.CurrencyCode != entry.CurrencyCode || first.Reason != entry.Reason)
            throw ContractError.FailedPrecondition(PayoutErrorCodes.IdempotencyKeyReused, "This idempotency key was used for another adjustment; nothing changed.");
        return LedgerEntryView.At(first, now);
    }

    private static Grpc.Core.RpcException SellerNotFound() => ContractError.NotFound(PayoutErrorCodes.SellerNotFound, "No seller with this id runs a store here.");
}
