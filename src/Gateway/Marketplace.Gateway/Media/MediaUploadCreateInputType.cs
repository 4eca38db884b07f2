using GraphQL.Types;

namespace Marketplace.Gateway.Media;

internal sealed class MediaUploadCreateInputType : InputObjectGraphType
{
    public MediaUploadCreateInputType()
    {
        Name = "MediaUploadCreateInput";
        Description = "The file you are about to upload: what it is for, its type and its exact size. The file name is never asked for.";
        Field<NonNullGraphType<MediaPurposeType>>("purpose").Description("What the file is for (decides the accepted types and the size limit).");
        Field<NonNullGraphType<StringGraphType>>("contentType")
            .Description("image/jpeg, image/png, image/webp, image/avif, image/gif or image/heic for images; video/mp4, video/quicktime, video/webm or video/x-matroska for PRODUCT_VIDEO. Its bytes must be of this type; at most 100 characters.");
        Field<NonNullGraphType<IntGraphType>>("byteSize").Description("The file's exact size in bytes: 1 to 5 MiB for STORE_LOGO, 25 MiB for images, 2,000,000,000 for video.");
        Field<IdGraphType>("storeId").Description("The store (yours) the file is for: required for STORE_LOGO and STORE_BANNER; for product media before the product exists.");
        Field<IdGraphType>("productId").Description("The product (yours) a PRODUCT_IMAGE or PRODUCT_VIDEO is for.");
    }
}
