using GraphQL.Types;
using Marketplace.Gateway.Errors;

namespace Marketplace.Gateway.Media;

internal sealed class MediaUploadCreatePayloadType : ObjectGraphType<MediaUploadCreatePayload>
{
    public MediaUploadCreatePayloadType()
    {
        Name = "MediaUploadCreatePayload";
        Description = "The result of mediaUploadCreate: the new asset (PENDING) and where to send its bytes, or why nothing was created.";
        Field<MediaAssetType>("asset").Description("The asset the upload becomes; null when the mutation failed.").Resolve(c => c.Source.Upload?.Asset);
        Field<MediaUploadType>("upload").Description("Where and how to send the bytes; null when the mutation failed.").Resolve(c => c.Source.Upload);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AreaUserErrorType<MediaErrors>>>>>("userErrors")
            .Description("Why nothing was created; empty on success.")
            .Resolve(c => c.Source.UserErrors);
    }
}
