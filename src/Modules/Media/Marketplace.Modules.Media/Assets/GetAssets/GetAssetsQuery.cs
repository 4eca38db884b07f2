using Marketplace.Shared.Contracts;
using Mediator;

namespace Marketplace.Modules.Media.Assets.GetAssets;

/// <summary>Many assets at once (ids as given; malformed ones are simply not found), as <paramref name="Viewer"/> may see them.</summary>
internal sealed record GetAssetsQuery(IReadOnlyList<string> Ids, Viewer Viewer) : IQuery<IReadOnlyList<AssetView>>
{
    public const int MaxIds = 500;
}
