using Marketplace.Modules.Media.Domain;
using Marketplace.Modules.Media.Persistence;
using Marketplace.Modules.Media.Storage;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Media.Lifecycle.DeleteUnreferencedAssets;

/// <summary>
/// READY, FAILED and EXPIRED assets that nothing references and have not been referenced for the grace period (never
/// attached after upload, or detached since): every rendition of every version and any raw object are deleted, and the
/// row stays as a DELETED tombstone (no URL is ever signed for it again; a late storage event finds it and is ignored).
/// </summary>
internal sealed class DeleteUnreferencedAssetsHandler(MediaDbContext db, IMediaStorage storage, MediaOptions options, TimeProvider clock)
    : ICommandHandler<DeleteUnreferencedAssetsCommand, int>
{
    public async ValueTask<int> Handle(DeleteUnreferencedAssetsCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var cutoff = now - options.Lifecycle.GracePeriod;
        var batch = options.Lifecycle.BatchSize;
        var unreferenced = await db.Assets
            .FromSql($"""
                SELECT * FROM media.assets a
                WHERE a.status IN ('READY', 'FAILED', 'EXPIRED') AND a.unreferenced_since < {cutoff}
                  AND NOT EXISTS (SELECT 1 FROM media.asset_references r WHERE r.asset_id = a.id)
                ORDER BY a.unreferenced_since LIMIT {batch} FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(cancellationToken);
        foreach (var asset in unreferenced)
        {
            await storage.DeletePrefixAsync(StorageArea.Renditions, $"img/{asset.Id:N}/", cancellationToken);
            await storage.DeletePrefixAsync(StorageArea.Renditions, $"hls/{asset.Id:N}/", cancellationToken);
            await storage.DeleteAsync(StorageArea.Raw, asset.RawKey, cancellationToken);
            asset.Status = AssetStatus.Deleted;
            asset.Renditions = [];
            asset.Poster = [];
            asset.Hls = null;
            asset.UpdatedAt = now;
        }

        return unreferenced.Count;
    }
}
