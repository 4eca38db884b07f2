using Marketplace.Modules.Sellers.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Sellers.Stores.GetStores;

/// <summary>One query for the stores and one for the viewer's follows, whatever the number of ids.</summary>
internal sealed class GetStoresHandler(SellersDbContext db, StoreViews views) : IQueryHandler<GetStoresQuery, List<StoreView>>
{
    public async ValueTask<List<StoreView>> Handle(GetStoresQuery query, CancellationToken cancellationToken)
    {
        var keys = query.Ids.Select(i => Guid.TryParse(i, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).Distinct().ToList();
        if (keys.Count == 0)
            return [];
        var stores = await db.Stores.AsNoTracking().Where(s => keys.Contains(s.Id)).ToListAsync(cancellationToken);
        return await views.ManyAsync(stores.Where(s => StoreViews.Visible(s, query.Viewer)).ToList(), query.Viewer, cancellationToken);
    }
}
