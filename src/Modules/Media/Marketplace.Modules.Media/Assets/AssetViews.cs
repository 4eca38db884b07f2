using Marketplace.Modules.Media.Delivery;
using Marketplace.Modules.Media.Domain;
using Marketplace.Shared.Contracts;

namespace Marketplace.Modules.Media.Assets;

/// <summary>
/// The visibility rule of every read: a READY asset is public (its URLs are signed, so only those who were given them
/// download it), any other state only for its owner, administrators and modules; DELETED assets for nobody.
/// </summary>
internal sealed class AssetViews(DeliveryUrls delivery)
{
    public AssetView? For(MediaAsset asset, Viewer viewer)
    {
        if (asset.Status == AssetStatus.Deleted)
            return null;
        var owner = viewer.OwnsOrPrivileged(asset.OwnerId);
        if (asset.Status != AssetStatus.Ready && !owner)
            return null;
        return new AssetView(asset, owner, asset.Status == AssetStatus.Ready ? delivery.For(asset) : null);
    }
}
