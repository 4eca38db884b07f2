using GraphQL.Types;

namespace Marketplace.Gateway.Media;

internal sealed class MediaKindType : EnumerationGraphType
{
    public MediaKindType()
    {
        Name = "MediaKind";
        Description = "Whether an asset is an image or a video.";
        Add("IMAGE", "IMAGE", "An image: served in six widths as AVIF and WebP.");
        Add("VIDEO", "VIDEO", "A video: served as adaptive HLS, with a poster image.");
    }
}
