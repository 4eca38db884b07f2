using Marketplace.Modules.Sellers.Persistence;
using Mediator;

namespace Marketplace.Modules.Sellers.Payouts.GetPayoutBalance;

internal sealed class GetPayoutBalanceHandler(SellersDbContext db, TimeProvider clock) : IQueryHandler<GetPayoutBalanceQuery, IReadOnlyList<Ledger.Balance>>
{
    public async ValueTask<IReadOnlyList<Ledger.Balance>> Handle(GetPayoutBalanceQuery query, CancellationToken cancellationToken) =>
        await db.BalancesAsync(query.SellerId, clock.GetUtcNow(), cancellationToken);
}
