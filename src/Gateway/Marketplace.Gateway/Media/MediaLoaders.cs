using GraphQL;
using GraphQL.DataLoader;
using Marketplace.Gateway.DataLoading;
using Marketplace.Modules.Media.Contracts.V1;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Gateway.Media;

/// <summary>
/// Assets by id, batched per request: every <c>MediaReference</c> of a page (20 products' images, a list of stores' logos
/// and banners) costs one <c>GetAssets</c> call (one per 500 ids). The module signs the URLs for this caller and leaves
/// out assets they may not see.
/// </summary>
internal static class MediaLoaders
{
    public const string AssetsLoader = "Media.GetAssets";
    public const int MaxIdsPerCall = 500;

    public static IDataLoaderResult<Asset?> Asset(IResolveFieldContext context, string assetId) =>
        context.RequestServices!.GetRequiredService<DataLoaderContext>().GetOrAdd<string, Asset>(AssetsLoader, async (ids, cancellationToken) =>
        {
            var client = MediaArea.Assets(context);
            var assets = new Dictionary<string, Asset>(StringComparer.Ordinal);
            foreach (var chunk in ids.Chunk(MaxIdsPerCall))
            {
                var response = await client.GetAssetsAsync(new GetAssetsRequest { Ids = { chunk } }, cancellationToken: cancellationToken);
                foreach (var asset in response.Assets)
                    assets[asset.Id] = asset;
            }

            return assets;
        }).Load(assetId);
}
