using Marketplace.Modules.Sellers.Contracts;
using Marketplace.Modules.Sellers.Domain;
using Marketplace.Modules.Sellers.Persistence;
using Marketplace.Shared.Contracts;
using Mediator;

namespace Marketplace.Modules.Sellers.Payouts.MarkPayoutPaid;

/// <summary>Only PENDING manual payouts: a Stripe payout's outcome is Stripe's to tell (an administrator saying otherwise could pay twice).</summary>
internal sealed class MarkPayoutPaidHandler(SellersDbContext db, TimeProvider clock) : ICommandHandler<MarkPayoutPaidCommand, Payout>
{
    public async ValueTask<Payout> Handle(MarkPayoutPaidCommand command, CancellationToken cancellationToken)
    {
        var payout = await PayoutSettlement.LockAsync(db, command.PayoutId, cancellationToken);
        PayoutSettlement.EnsurePending(payout);
        if (payout.Provider != PayoutProvider.Manual)
            throw ContractError.FailedPrecondition(PayoutErrorCodes.PayoutNotManual, "This payout goes through Stripe; its outcome comes from Stripe.");
        PayoutSettlement.MarkPaid(payout, command.Reference, clock.GetUtcNow());
        payout.ActorId = command.AdminId;
        return payout;
    }
}
