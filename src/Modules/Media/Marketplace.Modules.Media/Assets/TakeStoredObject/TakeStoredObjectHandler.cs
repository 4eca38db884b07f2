using Marketplace.Modules.Media.Domain;
using Marketplace.Modules.Media.Persistence;
using Mediator;

namespace Marketplace.Modules.Media.Assets.TakeStoredObject;

/// <summary>
/// The storage-event path of a completion: the asset is found by its raw key and locked, then the object is taken as in
/// the owner's completion — so the two paths, and repeated events of one object, start processing once. A key no asset
/// has (another application's object) is ignored; an open multipart upload is completed by its owner's call only.
/// </summary>
internal sealed class TakeStoredObjectHandler(MediaDbContext db, UploadAcceptance acceptance) : ICommandHandler<TakeStoredObjectCommand, CompletedUpload?>
{
    public async ValueTask<CompletedUpload?> Handle(TakeStoredObjectCommand command, CancellationToken cancellationToken)
    {
        var asset = await db.LockByKeyAsync(command.Key, cancellationToken);
        if (asset is null || asset.Status == AssetStatus.Deleted || (asset.MultipartUploadId is not null && asset.Status == AssetStatus.Pending))
            return null;
        return await acceptance.AcceptAsync(asset, fromOwner: false, cancellationToken);
    }
}
