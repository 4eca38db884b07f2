using Marketplace.Modules.Sellers.Domain;
using Marketplace.Modules.Sellers.Payouts.Providers;
using Marketplace.Modules.Sellers.Persistence;
using Mediator;

namespace Marketplace.Modules.Sellers.Payouts.RecordTransfer;

/// <summary>
/// Two hosts that both submitted a payout get the same answer from the provider (same idempotency key): the first
/// records it, the second finds the payout settled and changes nothing.
/// </summary>
internal sealed class RecordTransferHandler(SellersDbContext db, TimeProvider clock) : ICommandHandler<RecordTransferCommand, Payout>
{
    public async ValueTask<Payout> Handle(RecordTransferCommand command, CancellationToken cancellationToken)
    {
        var payout = await PayoutSettlement.LockAsync(db, command.PayoutId, cancellationToken);
        if (payout.Status != PayoutStatus.Pending)
            return payout;
        var now = clock.GetUtcNow();
        switch (command.Outcome.Kind)
        {
            case PayoutOutcomeKind.Paid:
                PayoutSettlement.MarkPaid(payout, command.Outcome.Text, now);
                break;
            case PayoutOutcomeKind.Failed:
                await PayoutSettlement.MarkFailedAsync(db, payout, command.Outcome.Text, null, now, cancellationToken);
                break;
        }

        return payout;
    }
}
