using GraphQL.Types;

namespace Marketplace.Gateway.Media;

internal sealed class MediaUploadCompleteInputType : InputObjectGraphType
{
    public MediaUploadCompleteInputType()
    {
        Name = "MediaUploadCompleteInput";
        Description = "The upload whose bytes are sent.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The asset's global id, from mediaUploadCreate.");
        Field<ListGraphType<NonNullGraphType<MediaUploadedPartInputType>>>("parts").Description("MULTIPART uploads: every part with its ETag (at most 10,000); leave out for FORM.");
    }
}
