using GraphQL.Types;

namespace Marketplace.Gateway.Media;

internal sealed class MediaPurposeType : EnumerationGraphType
{
    public MediaPurposeType()
    {
        Name = "MediaPurpose";
        Description = "What an upload is for; it decides the accepted types and the size limit.";
        Add("STORE_LOGO", "STORE_LOGO", "A store's logo: an image of at most 5 MiB, for a store you run.");
        Add("STORE_BANNER", "STORE_BANNER", "A store's banner: an image of at most 25 MiB, for a store you run.");
        Add("PRODUCT_IMAGE", "PRODUCT_IMAGE", "A product image: an image of at most 25 MiB, for your product (or, before it exists, your store).");
        Add("PRODUCT_VIDEO", "PRODUCT_VIDEO", "A product video: MP4, MOV or WebM of at most 2,000,000,000 bytes and 10 minutes, for your product (or store).");
    }
}
