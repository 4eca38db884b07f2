namespace Marketplace.Modules.Media.Domain;

/// <summary>
/// One upload and what was made of it. Created PENDING when a seller asks to upload; UPLOADED once the object is in the
/// raw area and passed the cheap checks (size, magic bytes); PROCESSING while a render job holds it; READY with its
/// renditions, or FAILED with a reason; EXPIRED when never completed; DELETED when nothing referenced it for the grace
/// period. <see cref="Version"/> grows with every object version processed, and rendition keys carry it.
/// </summary>
internal sealed class MediaAsset
{
    public Guid Id { get; set; }

    /// <summary>The seller who uploaded it; the only user who sees it before it is READY.</summary>
    public Guid OwnerId { get; set; }

    public string Purpose { get; set; } = "";

    public string Kind { get; set; } = "";

    public string Status { get; set; } = AssetStatus.Pending;

    public Guid StoreId { get; set; }

    public Guid? ProductId { get; set; }

    /// <summary>The declared (and signed) content type; the bytes must prove it.</summary>
    public string ContentType { get; set; } = "";

    public long DeclaredBytes { get; set; }

    /// <summary>Where the client uploads to, in the raw area (ids only, never a client's file name).</summary>
    public string RawKey { get; set; } = "";

    /// <summary>The S3 multipart upload of a video, while it is open.</summary>
    public string? MultipartUploadId { get; set; }

    /// <summary>When the signed form or part URLs stop working; a PENDING asset after that (and a margin) expires.</summary>
    public DateTimeOffset UploadExpiresAt { get; set; }

    /// <summary>The object version last accepted (its ETag): a completion or storage event of the same version is a no-op.</summary>
    public string? ObjectEtag { get; set; }

    public long? ObjectBytes { get; set; }

    public int Version { get; set; }

    /// <summary>Render attempts of the current version (a crashed or killed worker leaves PROCESSING behind).</summary>
    public int Attempts { get; set; }

    public int? Width { get; set; }

    public int? Height { get; set; }

    public double? DurationSeconds { get; set; }

    /// <summary>A colour to show while loading (<c>#rrggbb</c>).</summary>
    public string? Placeholder { get; set; }

    public List<StoredFile> Renditions { get; set; } = [];

    public List<StoredFile> Poster { get; set; } = [];

    public HlsPackage? Hls { get; set; }

    public string? FailureCode { get; set; }

    public string? FailureMessage { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? UploadedAt { get; set; }

    public DateTimeOffset? ReadyAt { get; set; }

    /// <summary>Since when no store or product references it (null while one does); the grace period counts from here.</summary>
    public DateTimeOffset? UnreferencedSince { get; set; }
}

/// <summary>A stored rendition (or poster) file: its key in the renditions area and what it is.</summary>
internal sealed record StoredFile(string Key, string Format, int Width, int Height, long Bytes);

/// <summary>A video's HLS package: the master playlist's key (its folder is what delivery signs) and the rungs.</summary>
internal sealed record HlsPackage(string MasterKey, IReadOnlyList<HlsPackageRung> Rungs);

internal sealed record HlsPackageRung(string Name, int Width, int Height, int VideoKbps);

internal static class AssetStatus
{
    public const string Pending = "PENDING";
    public const string Uploaded = "UPLOADED";
    public const string Processing = "PROCESSING";
    public const string Ready = "READY";
    public const string Failed = "FAILED";
    public const string Expired = "EXPIRED";
    public const string Deleted = "DELETED";

    public static readonly string[] All = [Pending, Uploaded, Processing, Ready, Failed, Expired, Deleted];
}

internal static class AssetKind
{
    public const string Image = "IMAGE";
    public const string Video = "VIDEO";
}

internal static class AssetPurpose
{
    public const string StoreLogo = "STORE_LOGO";
    public const string StoreBanner = "STORE_BANNER";
    public const string ProductImage = "PRODUCT_IMAGE";
    public const string ProductVideo = "PRODUCT_VIDEO";

    public static readonly string[] All = [StoreLogo, StoreBanner, ProductImage, ProductVideo];

    public static bool ForStore(string purpose) => purpose is StoreLogo or StoreBanner;
}

/// <summary>
/// A store or product (the holder) shows an asset. Fed by <c>store_media_changed.v1</c> and
/// <c>product_media_changed.v1</c>: each event replaces the holder's whole set.
/// </summary>
internal sealed class AssetReference
{
    public string HolderKind { get; set; } = "";

    public Guid HolderId { get; set; }

    public Guid AssetId { get; set; }
}

/// <summary>The version of the last reference set applied per holder, so an older set arriving late is ignored.</summary>
internal sealed class ReferenceHolder
{
    public string Kind { get; set; } = "";

    public Guid Id { get; set; }

    public long Version { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

internal static class HolderKind
{
    public const string Store = "STORE";
    public const string Product = "PRODUCT";
}
