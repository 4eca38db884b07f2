using Marketplace.Modules.Sellers.Domain;
using Marketplace.Modules.Sellers.Persistence;
using Marketplace.Shared.Payments;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Sellers.Payouts.SetStoreCommissionRate;

/// <summary>
/// Applies to orders booked from now on (a COMMISSION entry keeps the rate it was computed with); the store's row is
/// locked so two administrators setting rates at once apply one after the other.
/// </summary>
internal sealed class SetStoreCommissionRateHandler(SellersDbContext db, PayoutsOptions options, TimeProvider clock)
    : ICommandHandler<SetStoreCommissionRateCommand, CommissionRateView>
{
    public async ValueTask<CommissionRateView> Handle(SetStoreCommissionRateCommand command, CancellationToken cancellationToken)
    {
        await Stores.StoreRows.LockForFollowAsync(db, command.StoreId, cancellationToken);
        var current = await db.CommissionRates.SingleOrDefaultAsync(r => r.StoreId == command.StoreId, cancellationToken);
        if (command.Rate is null)
        {
            if (current is not null)
                db.CommissionRates.Remove(current);
            return new CommissionRateView(command.StoreId, options.CommissionRate, false);
        }

        var rate = CurrencyUnits.TryParse(command.Rate, out var parsed) ? parsed : throw new InvalidOperationException("The validator lets only rates through.");
        if (current is null)
            db.CommissionRates.Add(current = new StoreCommissionRate { StoreId = command.StoreId });
        current.Rate = rate;
        current.SetBy = command.AdminId;
        current.SetAt = clock.GetUtcNow();
        return new CommissionRateView(command.StoreId, rate, true);
    }
}
