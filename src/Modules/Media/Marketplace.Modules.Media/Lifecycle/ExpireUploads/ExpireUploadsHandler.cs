using Marketplace.Modules.Media.Domain;
using Marketplace.Modules.Media.Persistence;
using Marketplace.Modules.Media.Storage;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Media.Lifecycle.ExpireUploads;

/// <summary>
/// Uploads never completed: whatever reached storage is deleted (an open multipart upload aborted, so its parts stop
/// costing storage) and the asset becomes EXPIRED. Rows another process is sweeping are skipped, not waited for.
/// </summary>
internal sealed class ExpireUploadsHandler(MediaDbContext db, IMediaStorage storage, MediaOptions options, TimeProvider clock) : ICommandHandler<ExpireUploadsCommand, int>
{
    public async ValueTask<int> Handle(ExpireUploadsCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var cutoff = now - options.Lifecycle.ExpiryMargin;
        var batch = options.Lifecycle.BatchSize;
        var expired = await db.Assets
            .FromSql($"SELECT * FROM media.assets WHERE status = 'PENDING' AND upload_expires_at < {cutoff} ORDER BY upload_expires_at LIMIT {batch} FOR UPDATE SKIP LOCKED")
            .ToListAsync(cancellationToken);
        foreach (var asset in expired)
        {
            if (asset.MultipartUploadId is { } uploadId)
                await storage.AbortMultipartUploadAsync(asset.RawKey, uploadId, cancellationToken);
            await storage.DeleteAsync(StorageArea.Raw, asset.RawKey, cancellationToken);
            asset.MultipartUploadId = null;
            asset.Status = AssetStatus.Expired;
            asset.UpdatedAt = now;
        }

        return expired.Count;
    }
}
