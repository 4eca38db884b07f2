using Marketplace.Modules.Media.Delivery;
using Marketplace.Modules.Media.Domain;

namespace Marketplace.Modules.Media.Assets;

/// <summary>
/// An asset as one reader may see it: delivery URLs when READY (signed for this read), the failure only for its owner,
/// administrators and modules.
/// </summary>
internal sealed record AssetView(MediaAsset Asset, bool ShowFailure, DeliveredAsset? Delivery);
