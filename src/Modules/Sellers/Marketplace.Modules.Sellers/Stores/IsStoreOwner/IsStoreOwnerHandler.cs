using Marketplace.Modules.Sellers.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Sellers.Stores.IsStoreOwner;

internal sealed class IsStoreOwnerHandler(SellersDbContext db) : IQueryHandler<IsStoreOwnerQuery, bool>
{
    public async ValueTask<bool> Handle(IsStoreOwnerQuery query, CancellationToken cancellationToken) =>
        Guid.TryParse(query.StoreId, out var storeId) && Guid.TryParse(query.SellerId, out var sellerId)
        && await db.Stores.AnyAsync(s => s.Id == storeId && s.SellerId == sellerId, cancellationToken);
}
