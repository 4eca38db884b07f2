using Marketplace.Modules.Ordering.Domain;
using Marketplace.Modules.Ordering.Persistence;
using Mediator;

namespace Marketplace.Modules.Ordering.Carts.GetCart;

internal sealed class GetCartHandler(OrderingDbContext db) : IQueryHandler<GetCartQuery, Cart?>
{
    public async ValueTask<Cart?> Handle(GetCartQuery query, CancellationToken cancellationToken) =>
        await CartRows.FindOpenAsync(db, query.BuyerId, cancellationToken);
}
