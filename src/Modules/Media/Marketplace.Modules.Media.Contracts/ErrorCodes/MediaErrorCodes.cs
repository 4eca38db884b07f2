using System.ComponentModel;

namespace Marketplace.Modules.Media.Contracts;

/// <summary>
/// The reasons the Media contract reports beside <see cref="Marketplace.Shared.Contracts.CommonErrorCodes"/>: as
/// <c>ErrorInfo.reason</c>, as field-violation codes, as a FAILED asset's failure code, and in the JSON answers of the
/// local upload and delivery endpoints. The gateway publishes them as the <c>MediaErrorCode</c> enum. Published strings
/// never change.
/// </summary>
public static class MediaErrorCodes
{
    [Description("No such asset, or not one you may see.")]
    public const string AssetNotFound = "ASSET_NOT_FOUND";

    [Description("You run no store with this id.")]
    public const string NotStoreOwner = "NOT_STORE_OWNER";

    [Description("You have no product with this id.")]
    public const string NotProductOwner = "NOT_PRODUCT_OWNER";

    [Description("Nothing was uploaded for this asset yet: send the file, then complete the upload.")]
    public const string UploadMissing = "UPLOAD_MISSING";

    [Description("The upload was not completed in time; start a new one.")]
    public const string UploadExpired = "UPLOAD_EXPIRED";

    [Description("The bytes are not one of the accepted formats for this purpose.")]
    public const string UnsupportedFormat = "UNSUPPORTED_FORMAT";

    [Description("The bytes are an accepted format, but not the declared one (e.g. PNG bytes sent as image/jpeg).")]
    public const string ContentTypeMismatch = "CONTENT_TYPE_MISMATCH";

    [Description("The file (or the declared size, or the parts' total) is above the purpose's limit.")]
    public const string TooLarge = "TOO_LARGE";

    [Description("The file is empty or below the declared size.")]
    public const string TooSmall = "TOO_SMALL";

    [Description("The image declares more pixels, or a longer side, than accepted: refused before decoding.")]
    public const string TooManyPixels = "TOO_MANY_PIXELS";

    [Description("The file cannot be decoded completely (truncated or damaged).")]
    public const string Corrupt = "CORRUPT";

    [Description("The video file holds no video stream.")]
    public const string NoVideoStream = "NO_VIDEO_STREAM";

    [Description("The video is longer than accepted.")]
    public const string TooLong = "TOO_LONG";

    [Description("The upload form or the signed URL has expired.")]
    public const string PolicyExpired = "POLICY_EXPIRED";

    [Description("The signature of the form or URL does not verify (changed, or signed by another key).")]
    public const string BadSignature = "BAD_SIGNATURE";

    [Description("The upload does not follow its signed form or plan (a field not covered, a value not allowed, parts that do not match).")]
    public const string PolicyViolation = "POLICY_VIOLATION";

    [Description("The object that should have been uploaded is not in storage.")]
    public const string NotFound = "NOT_FOUND";

    [Description("Rendering failed for a reason that is not the file's fault alone (encoder crash, time limit); upload it again.")]
    public const string RenderFailed = "RENDER_FAILED";
}
