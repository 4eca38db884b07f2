using Marketplace.Modules.Sellers.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Sellers.Stores.GetStore;

internal sealed class GetStoreHandler(SellersDbContext db, StoreViews views) : IQueryHandler<GetStoreQuery, StoreView?>
{
    public async ValueTask<StoreView?> Handle(GetStoreQuery query, CancellationToken cancellationToken)
    {
        var stores = db.Stores.AsNoTracking();
        var slug = query.Slug.Trim().ToLowerInvariant();
        var store = Guid.TryParse(query.Id, out var id)
            ? await stores.FirstOrDefaultAsync(s => s.Id == id, cancellationToken)
            : slug.Length > 0 ? await stores.FirstOrDefaultAsync(s => s.Slug == slug, cancellationToken) : null;
        return store is not null && StoreViews.Visible(store, query.Viewer) ? await views.OneAsync(store, query.Viewer, cancellationToken) : null;
    }
}
