using Marketplace.Modules.Media.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Media.Assets.GetAsset;

internal sealed class GetAssetHandler(MediaDbContext db, AssetViews views) : IQueryHandler<GetAssetQuery, AssetView?>
{
    public async ValueTask<AssetView?> Handle(GetAssetQuery query, CancellationToken cancellationToken)
    {
        var asset = await db.Assets.AsNoTracking().SingleOrDefaultAsync(a => a.Id == query.Id, cancellationToken);
        return asset is null ? null : views.For(asset, query.Viewer);
    }
}
