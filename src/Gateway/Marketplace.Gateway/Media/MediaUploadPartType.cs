using GraphQL.Types;
using Marketplace.Modules.Media.Contracts.V1;

namespace Marketplace.Gateway.Media;

internal sealed class MediaUploadPartType : ObjectGraphType<PartUrl>
{
    public MediaUploadPartType()
    {
        Name = "MediaUploadPart";
        Description = "Where to PUT one part of a multipart upload (keep the ETag header of the answer).";
        Field<NonNullGraphType<IntGraphType>>("partNumber").Description("1 for the first partSize bytes, 2 for the next, …").Resolve(c => c.Source.PartNumber);
        Field<NonNullGraphType<StringGraphType>>("url").Description("Presigned PUT URL, valid until the upload's expiresAt.").Resolve(c => c.Source.Url);
    }
}
