using Marketplace.Modules.Sellers.Contracts;
using Marketplace.Modules.Sellers.Domain;
using Marketplace.Modules.Sellers.Persistence;
using Marketplace.Shared.Contracts;
using Mediator;

namespace Marketplace.Modules.Sellers.Payouts.MarkPayoutFailed;

/// <summary>FAILED and PAYOUT_FAILED (+amount) together; a PAID or FAILED payout is refused (PAYOUT_NOT_PENDING).</summary>
internal sealed class MarkPayoutFailedHandler(SellersDbContext db, TimeProvider clock) : ICommandHandler<MarkPayoutFailedCommand, Payout>
{
    public async ValueTask<Payout> Handle(MarkPayoutFailedCommand command, CancellationToken cancellationToken)
    {
        var payout = await PayoutSettlement.LockAsync(db, command.PayoutId, cancellationToken);
        PayoutSettlement.EnsurePending(payout);
        if (payout.Provider != PayoutProvider.Manual)
            throw ContractError.FailedPrecondition(PayoutErrorCodes.PayoutNotManual, "This payout goes through Stripe; its outcome comes from Stripe.");
        await PayoutSettlement.MarkFailedAsync(db, payout, command.Reason, command.AdminId, clock.GetUtcNow(), cancellationToken);
        payout.ActorId = command.AdminId;
        return payout;
    }
}
