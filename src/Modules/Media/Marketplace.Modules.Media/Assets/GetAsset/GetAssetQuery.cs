using Marketplace.Shared.Contracts;
using Mediator;

namespace Marketplace.Modules.Media.Assets.GetAsset;

/// <summary>One asset as <paramref name="Viewer"/> may see it; null when there is none or it is hidden from them.</summary>
internal sealed record GetAssetQuery(Guid Id, Viewer Viewer) : IQuery<AssetView?>;
