using GraphQL.Types;

namespace Marketplace.Gateway.Media;

internal sealed class MediaImageFormatType : EnumerationGraphType
{
    public MediaImageFormatType()
    {
        Name = "MediaImageFormat";
        Description = "The encodings every image rendition exists in.";
        Add("AVIF", "AVIF", "AV1 in HEIF: smallest; all current browsers.");
        Add("WEBP", "WEBP", "WebP: the fallback every browser and app decodes.");
    }
}
