using GraphQL.Types;

namespace Marketplace.Gateway.Media;

internal sealed class MediaUploadedPartInputType : InputObjectGraphType
{
    public MediaUploadedPartInputType()
    {
        Name = "MediaUploadedPartInput";
        Description = "A part of a multipart upload as storage acknowledged it.";
        Field<NonNullGraphType<IntGraphType>>("partNumber").Description("The part's number, 1 to 10,000.");
        Field<NonNullGraphType<StringGraphType>>("etag").Description("The ETag header storage answered the part's PUT with; at most 200 characters.");
    }
}
