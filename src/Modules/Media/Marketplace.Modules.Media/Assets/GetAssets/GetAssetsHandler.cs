using Marketplace.Modules.Media.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Media.Assets.GetAssets;

/// <summary>One query for the whole batch; assets hidden from the viewer are left out, in no particular order.</summary>
internal sealed class GetAssetsHandler(MediaDbContext db, AssetViews views) : IQueryHandler<GetAssetsQuery, IReadOnlyList<AssetView>>
{
    public async ValueTask<IReadOnlyList<AssetView>> Handle(GetAssetsQuery query, CancellationToken cancellationToken)
    {
        var ids = query.Ids.Select(i => Guid.TryParse(i, out var id) ? id : Guid.Empty).Where(i => i != Guid.Empty).Distinct().ToList();
        if (ids.Count == 0)
            return [];
        var assets = await db.Assets.AsNoTracking().Where(a => ids.Contains(a.Id)).ToListAsync(cancellationToken);
        return assets.Select(a => views.For(a, query.Viewer)).OfType<AssetView>().ToList();
    }
}
