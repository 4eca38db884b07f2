using GraphQL.Types;
using Marketplace.Modules.Media.Contracts.V1;

namespace Marketplace.Gateway.Media;

internal sealed class MediaRenditionType : ObjectGraphType<Rendition>
{
    public MediaRenditionType()
    {
        Name = "MediaRendition";
        Description = "One stored size and encoding of an image (or a video's poster).";
        Field<NonNullGraphType<MediaImageFormatType>>("format").Description("AVIF or WEBP.").Resolve(c => c.Source.Format);
        Field<NonNullGraphType<IntGraphType>>("width").Description("In pixels; the longest edge is one of 160, 320, 640, 1024, 1600, 2048 (never above the original).").Resolve(c => c.Source.Width);
        Field<NonNullGraphType<IntGraphType>>("height").Description("In pixels.").Resolve(c => c.Source.Height);
        Field<NonNullGraphType<StringGraphType>>("url").Description("Signed download URL, valid until the asset's urlsExpireAt; the content at it never changes.").Resolve(c => c.Source.Url);
        Field<NonNullGraphType<IntGraphType>>("byteSize").Description("Size of the file in bytes.").Resolve(c => (int)Math.Min(c.Source.ByteSize, int.MaxValue));
    }
}
