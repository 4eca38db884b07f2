using GraphQL.Types;
using Marketplace.Gateway.Auth;
using Marketplace.Gateway.Errors;
using Marketplace.Gateway.Relay;
using Marketplace.Gateway.Schema;
using Marketplace.Modules.Media.Contracts.V1;

namespace Marketplace.Gateway.Media;

/// <summary><c>mediaAsset(id)</c>: READY assets for anyone (their URLs signed for this read), others for their owner only.</summary>
internal sealed class MediaQueries : ISchemaContribution
{
    public void ConfigureQuery(ObjectGraphType query)
    {
        query.Field<MediaAssetType>("mediaAsset")
            .Description("An uploaded image or video by id. Anyone sees READY assets; an asset in any other state only its seller (null for anyone else).")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The asset's global id (from mediaUploadCreate or MediaReference.asset).")
            .AllowAnonymous()
            .ResolveAsync(async c =>
            {
                var id = c.GetIdArgument("id", MediaArea.AssetTypeName)!;
                return await ContractCalls.OrNullAsync(async () => await MediaArea.Assets(c).GetAssetAsync(new GetAssetRequest { Id = id }, cancellationToken: c.CancellationToken));
            });
    }
}
