using GraphQL;
using Marketplace.Gateway.Relay;
using Marketplace.Gateway.Schema;
using Marketplace.Modules.Media.Contracts.V1;
using Marketplace.Shared.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Gateway.Media;

/// <summary>
/// The Media area: uploads (<c>mediaUploadCreate</c>, <c>mediaUploadComplete</c>), <c>mediaAsset(id)</c> and the
/// delivery URLs of <c>MediaReference</c> (store logos and banners, product images), through the <c>MediaAssets</c>
/// contract, which authorizes every call again. The bytes never pass through here: clients send them to the signed form
/// or part URLs the upload answers, and download renditions from signed URLs.
/// </summary>
internal sealed class MediaArea : IGatewayArea
{
    public const string AssetTypeName = "MediaAsset";

    public void Register(IServiceCollection services)
    {
        services.AddContractClient<MediaAssets.MediaAssetsClient>("Media");
        services.AddSchemaContribution<MediaQueries>();
        services.AddSchemaContribution<MediaMutations>();
        services.AddNodeResolver<MediaAssetNodeResolver>();
    }

    // Resolved per request, so building the schema needs no contract channel.
    public static MediaAssets.MediaAssetsClient Assets(IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<MediaAssets.MediaAssetsClient>();
}
