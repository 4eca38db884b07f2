using Marketplace.Modules.Sellers.Persistence;
using Marketplace.Shared.Contracts;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Sellers.Stores.ListMyStores;

internal sealed class ListMyStoresHandler(SellersDbContext db, StoreViews views) : IQueryHandler<ListMyStoresQuery, List<StoreView>>
{
    public async ValueTask<List<StoreView>> Handle(ListMyStoresQuery query, CancellationToken cancellationToken)
    {
        var stores = await db.Stores.AsNoTracking()
            .Where(s => s.SellerId == query.SellerId)
            .OrderBy(s => s.CreatedAt).ThenBy(s => s.Id)
            .ToListAsync(cancellationToken);
        return await views.ManyAsync(stores, new Viewer(query.SellerId, IsPrivileged: false), cancellationToken);
    }
}
