using Marketplace.Modules.Sellers.Domain;
using Marketplace.Modules.Sellers.Payouts.Providers;
using Marketplace.Modules.Sellers.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Sellers.Payouts.CreatePayout;

/// <summary>
/// Under an advisory lock per seller and currency (so two hosts, or two runs, decide one after the other), the available
/// balance is summed again and, if it reaches the minimum, the payout row and its PAYOUT entry (−amount, available at
/// once) are written in this one transaction. The second run then finds nothing left to pay.
/// </summary>
internal sealed class CreatePayoutHandler(SellersDbContext db, PayoutsOptions options, StripePayoutProvider stripe, TimeProvider clock)
    : ICommandHandler<CreatePayoutCommand, Payout?>
{
    public async ValueTask<Payout?> Handle(CreatePayoutCommand command, CancellationToken cancellationToken)
    {
        await db.LockAsync($"sellers.payout:{command.SellerId:N}:{command.CurrencyCode}", cancellationToken);
        var now = clock.GetUtcNow();
        var available = await db.AvailableAsync(command.SellerId, command.CurrencyCode, now, cancellationToken);
        if (available < options.MinimumMinor(command.CurrencyCode))
            return null;

        var account = stripe.Enabled
            ? await db.PayoutAccounts.AsNoTracking().Where(a => a.SellerId == command.SellerId).Select(a => a.StripeAccountId).SingleOrDefaultAsync(cancellationToken)
            : null;
        var payout = new Payout
        {
            Id = Guid.CreateVersion7(),
            SellerId = command.SellerId,
            CurrencyCode = command.CurrencyCode,
            Amount = available,
            Status = PayoutStatus.Pending,
            Provider = account is null ? PayoutProvider.Manual : PayoutProvider.Stripe,
            Destination = account,
            RunId = command.RunId,
            ActorId = command.ActorId,
            CreatedAt = now,
        };
        db.Payouts.Add(payout);
        await db.AppendAsync(new LedgerEntry
        {
            Id = Guid.CreateVersion7(),
            SellerId = command.SellerId,
            CurrencyCode = command.CurrencyCode,
            Type = LedgerEntryType.Payout,
            Amount = -available,
            PayoutId = payout.Id,
            ActorId = command.ActorId,
            CreatedAt = now,
            AvailableAt = now,
        }, cancellationToken);
        return payout;
    }
}
