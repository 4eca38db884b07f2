using Grpc.Core;
using Marketplace.Modules.Media.Domain;
using Marketplace.Modules.Media.Images;
using Marketplace.Modules.Media.Persistence;
using Marketplace.Modules.Media.Storage;
using Marketplace.Modules.Sellers.Contracts.V1;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Marketplace.Modules.Media.DemoData;

/// <summary>
/// Development demo data: the images of <see cref="DemoImages"/> (store logos and banners, one per product line), drawn
/// here and put through the real pipeline (inspection, six widths × AVIF and WebP, metadata stripped) into READY assets
/// owned by the demo stores' seller. A store that is absent is skipped. Idempotent: a READY asset is left alone; one
/// that is missing, or was deleted or failed, is rendered again under the same id (the Sellers and Catalog demo data
/// reference these ids).
/// </summary>
internal sealed partial class MediaDemoData(
    MediaDbContext db, IMediaStorage storage, ImageProcessor images, SellersStores.SellersStoresClient sellers, MediaOptions options,
    IHostEnvironment environment, TimeProvider clock, ILogger<MediaDemoData> logger) : IModuleSeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment())
            return;
        var ready = await db.Assets.Where(a => a.Status == AssetStatus.Ready).Select(a => a.Id).ToListAsync(cancellationToken);
        var made = 0;
        foreach (var group in DemoImages.All.Where(i => !ready.Contains(i.Id)).GroupBy(i => i.StoreSlug))
        {
            if (await FindStoreAsync(group.Key, cancellationToken) is not { } store)
                continue;
            foreach (var image in group)
            {
                await RenderAsync(image, Guid.Parse(store.Id), Guid.Parse(store.SellerId), cancellationToken);
                made++;
            }
        }

        if (made > 0)
            LogSeeded(logger, made);
    }

    private async Task RenderAsync(DemoImage image, Guid storeId, Guid ownerId, CancellationToken cancellationToken)
    {
        var rawKey = MediaKeys.Raw(ownerId, image.Id);
        using (var source = new MemoryStream(DemoImageArt.Jpeg(image)))
            await storage.PutAsync(StorageArea.Raw, rawKey, source, "image/jpeg", null, cancellationToken);
        var processed = await images.ProcessAsync(image.Id, rawKey, "image/jpeg", options.Uploads.ImageMaxBytes, 1, cancellationToken);
        await storage.DeleteAsync(StorageArea.Raw, rawKey, cancellationToken);

        var now = clock.GetUtcNow();
        var asset = await db.Assets.SingleOrDefaultAsync(a => a.Id == image.Id, cancellationToken);
        if (asset is null)
        {
            asset = new MediaAsset { Id = image.Id, CreatedAt = now };
            db.Assets.Add(asset);
        }

        asset.OwnerId = ownerId;
        asset.Purpose = image.Purpose;
        asset.Kind = AssetKind.Image;
        asset.Status = AssetStatus.Ready;
        asset.StoreId = storeId;
        asset.ContentType = "image/jpeg";
        asset.DeclaredBytes = Math.Max(1, processed.Renditions.Sum(r => r.Bytes));
        asset.RawKey = rawKey;
        asset.UploadExpiresAt = now;
        asset.Version = 1;
        asset.Width = processed.Width;
        asset.Height = processed.Height;
        asset.Placeholder = processed.DominantColor;
        asset.Renditions = [.. processed.Renditions.Select(r => new StoredFile(r.Key, r.ContentType == "image/avif" ? "AVIF" : "WEBP", r.Width, r.Height, r.Bytes))];
        asset.FailureCode = null;
        asset.FailureMessage = null;
        asset.UploadedAt = now;
        asset.ReadyAt = now;
        asset.UpdatedAt = now;
        // Referenced by the demo stores and products (their events arrive when the host serves); the deletion sweep also
        // checks the reference table, so a late event cannot cost a demo image.
        asset.UnreferencedSince = now;
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<Store?> FindStoreAsync(string slug, CancellationToken cancellationToken)
    {
        try
        {
            return await sellers.GetStoreAsync(new GetStoreRequest { Slug = slug }, cancellationToken: cancellationToken);
        }
        catch (RpcException exception) when (exception.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Media demo data: {Count} images rendered")]
    private static partial void LogSeeded(ILogger logger, int count);
}
