using Marketplace.Modules.Ordering.Domain;
using Marketplace.Modules.Ordering.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Ordering.Checkouts.GetCheckout;

internal sealed class GetCheckoutHandler(OrderingDbContext db) : IQueryHandler<GetCheckoutQuery, Checkout?>
{
    public async ValueTask<Checkout?> Handle(GetCheckoutQuery query, CancellationToken cancellationToken) =>
        query.Id is { } id
            ? await db.Checkouts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.BuyerId == query.BuyerId, cancellationToken)
            : await db.Checkouts.AsNoTracking().Where(c => c.BuyerId == query.BuyerId && c.Status == CheckoutStatus.Open).OrderByDescending(c => c.Id).FirstOrDefaultAsync(cancellationToken);
}
