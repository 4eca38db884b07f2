using GraphQL.Types;
using Marketplace.Gateway.Errors;

namespace Marketplace.Gateway.Media;

internal sealed class MediaUploadCompletePayloadType : ObjectGraphType<MediaUploadCompletePayload>
{
    public MediaUploadCompletePayloadType()
    {
        Name = "MediaUploadCompletePayload";
        Description = "The result of mediaUploadComplete: the asset, queued for processing (poll mediaAsset until READY or FAILED), or why not.";
        Field<MediaAssetType>("asset").Description("The asset after the call; null when the mutation failed.").Resolve(c => c.Source.Asset);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AreaUserErrorType<MediaErrors>>>>>("userErrors")
            .Description("Why the upload was not taken; empty on success.")
            .Resolve(c => c.Source.UserErrors);
    }
}
