using Marketplace.Modules.Media.Contracts;
using Marketplace.Modules.Media.Storage;

namespace Marketplace.Modules.Media.Uploads;

/// <summary>What an upload is for; each purpose has its kind and its size cap (the form's content-length-range).</summary>
internal enum UploadPurpose
{
    ProductImage,
    StoreLogo,
    StoreBanner,
    ProductVideo,
}

internal sealed record UploadRule(UploadPurpose Purpose, MediaKind Kind, long MaxBytes);

/// <summary>A multipart video upload: PUT each part to its URL, then complete with the parts' ETags.</summary>
internal sealed record MultipartPlan(string UploadId, long PartBytes, IReadOnlyList<UploadPartUrl> Parts, DateTimeOffset PartsExpireAt);

/// <summary>Where and how the client uploads: one signed form, or a multipart upload (video on S3).</summary>
internal sealed record UploadPlan(Guid UploadId, string Key, MediaKind Kind, string ContentType, long DeclaredBytes, UploadForm? Form, MultipartPlan? Multipart);

/// <summary>
/// Turns a client's upload request (purpose, declared type and size) into signed upload instructions after checking
/// them against the purpose's rule. The key is chosen here from ids only.
/// </summary>
internal sealed class UploadPlanner(IMediaStorage storage, MediaUploadOptions options, TimeProvider time)
{
    public static UploadRule RuleFor(UploadPurpose purpose, MediaUploadOptions options) => purpose switch
    {
        UploadPurpose.StoreLogo => new(purpose, MediaKind.Image, Math.Min(options.ImageMaxBytes, 5L * 1024 * 1024)),
        UploadPurpose.ProductImage or UploadPurpose.StoreBanner => new(purpose, MediaKind.Image, options.ImageMaxBytes),
        UploadPurpose.ProductVideo => new(purpose, MediaKind.Video, options.VideoMaxBytes),
        _ => throw new ArgumentOutOfRangeException(nameof(purpose)),
    };

    public async Task<UploadPlan> PlanAsync(Guid ownerId, UploadPurpose purpose, string contentType, long declaredBytes, CancellationToken cancellationToken)
    {
        var rule = RuleFor(purpose, options);
        var format = MediaSniffer.FromContentType(contentType);
        if (MediaSniffer.KindOf(format) != rule.Kind)
            throw new MediaException(MediaErrorCodes.UnsupportedFormat,
                $"'{contentType}' is not accepted here; use one of {string.Join(", ", MediaSniffer.AcceptedContentTypes(rule.Kind))}.");
        if (declaredBytes > rule.MaxBytes)
            throw new MediaException(MediaErrorCodes.TooLarge, $"At most {rule.MaxBytes} bytes are accepted for {purpose}.");
        if (declaredBytes < 1)
            throw new MediaException(MediaErrorCodes.TooSmall, "The declared size must be at least one byte.");

        // The canonical form of the type is signed, so the client must send exactly this Content-Type.
        var canonicalType = contentType.Split(';', 2)[0].Trim().ToLowerInvariant();
        var uploadId = Guid.CreateVersion7();
        var key = MediaKeys.Raw(ownerId, uploadId);

        if (rule.Kind == MediaKind.Video && storage.SupportsMultipart)
        {
            var partBytes = Math.Max(options.VideoPartBytes, S3MediaStorage.MinPartBytes);
            // Keep within S3's 10,000 parts for any size the cap allows.
            while ((declaredBytes + partBytes - 1) / partBytes > S3MediaStorage.MaxParts)
                partBytes *= 2;
            var partCount = (int)((declaredBytes + partBytes - 1) / partBytes);
            var multipartId = await storage.StartMultipartUploadAsync(key, canonicalType, cancellationToken);
            var urls = await storage.GetPartUrlsAsync(key, multipartId, Enumerable.Range(1, partCount).ToList(), options.PartUrlLifetime, cancellationToken);
            var plan = new MultipartPlan(multipartId, partBytes, urls, time.GetUtcNow() + options.PartUrlLifetime);
            return new UploadPlan(uploadId, key, rule.Kind, canonicalType, declaredBytes, null, plan);
        }

        var form = await storage.CreateUploadFormAsync(
            new UploadFormRequest(key, canonicalType, 1, rule.MaxBytes, options.PolicyLifetime), cancellationToken);
        return new UploadPlan(uploadId, key, rule.Kind, canonicalType, declaredBytes, form, null);
    }
}
