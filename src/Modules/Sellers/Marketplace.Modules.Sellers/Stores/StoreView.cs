using Marketplace.Modules.Sellers.Domain;

namespace Marketplace.Modules.Sellers.Stores;

/// <summary>
/// A store as one reader sees it: whether they follow it, and whether they may read why it was suspended (its seller,
/// administrators and modules only). What use cases return; the gRPC layer maps it to the contract's message.
/// </summary>
internal sealed record StoreView(Store Store, bool ViewerIsFollowing, bool ShowSuspensionReason);
