namespace Marketplace.Modules.Media;

/// <summary>
/// Settings of the Media module, bound from <c>Modules:Media</c>. Each key is documented in docs/media.md (settings);
/// the defaults are the single-container setup (local disk, the host serving uploads and renditions).
/// </summary>
internal sealed class MediaOptions
{
    public const string Section = "Modules:Media";

    public MediaStorageOptions Storage { get; set; } = new();
    public MediaUploadOptions Uploads { get; set; } = new();
    public MediaImageOptions Images { get; set; } = new();
    public MediaVideoOptions Video { get; set; } = new();
    public MediaDeliveryOptions Delivery { get; set; } = new();
    public MediaLifecycleOptions Lifecycle { get; set; } = new();
}

internal enum StorageProvider
{
    /// <summary>Files under <see cref="LocalDiskStorageOptions.Root"/>; the host accepts uploads and serves renditions.</summary>
    LocalDisk,
    /// <summary>Any S3-compatible server (AWS S3, moto_server in tests); browsers upload straight to it.</summary>
    S3,
}

/// <summary><c>Modules:Media:Storage</c>.</summary>
internal sealed class MediaStorageOptions
{
    public StorageProvider Provider { get; set; } = StorageProvider.LocalDisk;
    public LocalDiskStorageOptions LocalDisk { get; set; } = new();
    public S3StorageOptions S3 { get; set; } = new();
}

/// <summary><c>Modules:Media:Storage:LocalDisk</c>.</summary>
internal sealed class LocalDiskStorageOptions
{
    /// <summary>Directory holding <c>raw/</c> (private uploads) and <c>renditions/</c> (served).</summary>
    public string Root { get; set; } = ".local/media";

    /// <summary>Public URL of the host's upload endpoint that browsers POST forms to.</summary>
    public Uri UploadUrl { get; set; } = new("http://localhost:8080/media/uploads");

    /// <summary>
    /// Secret (base64, at least 32 bytes) that signs local upload policies. Empty: a random key per process, which
    /// invalidates outstanding upload forms on restart (fine in development, wrong with several hosts).
    /// </summary>
    public string PolicySigningKey { get; set; } = "";
}

/// <summary><c>Modules:Media:Storage:S3</c>.</summary>
internal sealed class S3StorageOptions
{
    /// <summary>Endpoint of an S3-compatible server (e.g. <c>http://127.0.0.1:14566</c> for moto). Empty: AWS by region.</summary>
    public string ServiceUrl { get; set; } = "";
    public string Region { get; set; } = "us-east-1";
    /// <summary>Path-style addressing (<c>host/bucket/key</c>): needed by most S3-compatible servers.</summary>
    public bool ForcePathStyle { get; set; } = true;
    /// <summary>Static credentials; empty: the SDK's default chain (environment, instance role).</summary>
    public string AccessKeyId { get; set; } = "";
    public string SecretAccessKey { get; set; } = "";
    /// <summary>Private bucket for uploads as the client sent them; never served.</summary>
    public string RawBucket { get; set; } = "marketplace-media-raw";
    /// <summary>Bucket of renditions, served through CloudFront with origin access control.</summary>
    public string RenditionsBucket { get; set; } = "marketplace-media-renditions";
    /// <summary>SQS queue URL receiving the raw bucket's ObjectCreated notifications; empty: no event source.</summary>
    public string EventQueueUrl { get; set; } = "";
    /// <summary>
    /// At start-up, create both buckets when missing and point the raw bucket's notifications at the queue (development
    /// and tests against moto; production buckets come from infrastructure).
    /// </summary>
    public bool Provision { get; set; }
}

/// <summary><c>Modules:Media:Uploads</c>: what a client may upload and for how long a signed form stays valid.</summary>
internal sealed class MediaUploadOptions
{
    public TimeSpan PolicyLifetime { get; set; } = TimeSpan.FromMinutes(10);
    public long ImageMaxBytes { get; set; } = 25L * 1024 * 1024;
    /// <summary>At most <see cref="int.MaxValue"/> (GraphQL's <c>Int</c> carries the declared size).</summary>
    public long VideoMaxBytes { get; set; } = 2_000_000_000;
    /// <summary>Size of each part of a multipart video upload (S3: at least 5 MiB except the last).</summary>
    public long VideoPartBytes { get; set; } = 16L * 1024 * 1024;
    /// <summary>Lifetime of a presigned part URL.</summary>
    public TimeSpan PartUrlLifetime { get; set; } = TimeSpan.FromHours(1);
    /// <summary>Uploads one seller may start per hour (each costs a render); 0: no limit.</summary>
    public int MaxPerOwnerPerHour { get; set; } = 120;
    /// <summary>Requests to the local upload endpoint per client address and minute; 0: no limit.</summary>
    public int RateLimitPerIpPerMinute { get; set; } = 60;
}

/// <summary><c>Modules:Media:Images</c>.</summary>
internal sealed class MediaImageOptions
{
    /// <summary>Longest edge of each rendition; never upscaled.</summary>
    public int[] Widths { get; set; } = [160, 320, 640, 1024, 1600, 2048];
    /// <summary>Largest accepted image, read from the header before any pixel is decoded.</summary>
    public long MaxPixels { get; set; } = 40_000_000;
    /// <summary>Longest accepted side (WebP cannot exceed 16383).</summary>
    public int MaxSide { get; set; } = 16_383;
    public int WebpQuality { get; set; } = 80;
    public int WebpEffort { get; set; } = 4;
    public int AvifQuality { get; set; } = 50;
    /// <summary>0 (fastest) to 9; AVIF is the cost centre: 2 is ~2.5× faster than libvips' default 4 (docs/media.md).</summary>
    public int AvifEffort { get; set; } = 2;
    /// <summary>Image renders running at once in this process.</summary>
    public int MaxConcurrentRenders { get; set; } = 1;
}

/// <summary><c>Modules:Media:Video</c>.</summary>
internal sealed class MediaVideoOptions
{
    public string FfmpegPath { get; set; } = "ffmpeg";
    public string FfprobePath { get; set; } = "ffprobe";
    public TimeSpan MaxDuration { get; set; } = TimeSpan.FromMinutes(10);
    /// <summary>Largest accepted frame (either side), e.g. 4K UHD.</summary>
    public int MaxSide { get; set; } = 3840;
    /// <summary>Wall-clock limit of one probe.</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>Wall-clock limit of one render (ladder and poster); the process is killed after it.</summary>
    public TimeSpan RenderTimeout { get; set; } = TimeSpan.FromMinutes(30);
    /// <summary>x264 preset: veryfast keeps a 4-rung ladder near real time on 2 cores.</summary>
    public string Preset { get; set; } = "veryfast";
    public int SegmentSeconds { get; set; } = 6;
    /// <summary>Threads ffmpeg may use (0: ffmpeg decides).</summary>
    public int Threads { get; set; }
}

/// <summary><c>Modules:Media:Delivery</c>: signed URLs and cookies for renditions.</summary>
internal sealed class MediaDeliveryOptions
{
    /// <summary>Base URL renditions are served from: the CloudFront distribution, or the host's <c>/media/</c> path.</summary>
    public Uri BaseUrl { get; set; } = new("http://localhost:8080/media/");
    /// <summary>CloudFront public key id (of the trusted key group) that signed URLs name.</summary>
    public string KeyPairId { get; set; } = "";
    /// <summary>RSA private key, PEM (PKCS#1 or PKCS#8). Empty in local-disk mode: a key per process is generated.</summary>
    public string PrivateKeyPem { get; set; } = "";
    /// <summary>RSA public key, PEM, that local-disk delivery verifies with (derived from the private key when empty).</summary>
    public string PublicKeyPem { get; set; } = "";
    /// <summary>SHA1 (CloudFront's default) or SHA256 (sends <c>Hash-Algorithm=SHA256</c>).</summary>
    public string HashAlgorithm { get; set; } = "SHA1";
    public TimeSpan ImageUrlLifetime { get; set; } = TimeSpan.FromHours(24);
    public TimeSpan VideoCookieLifetime { get; set; } = TimeSpan.FromHours(4);
    /// <summary>
    /// Expiry times are rounded up to a multiple of this, so a URL stays the same (cacheable by browsers, and its
    /// signature cached here) for that long; a URL then lives between its lifetime and lifetime + granularity.
    /// </summary>
    public TimeSpan ExpiryGranularity { get; set; } = TimeSpan.FromHours(1);
    /// <summary>The rendition <c>MediaReference.url</c> points at: the WebP of the largest width up to this.</summary>
    public int DefaultWidth { get; set; } = 1024;
}

/// <summary><c>Modules:Media:Lifecycle</c>: expiry of abandoned uploads, deletion of unreferenced assets, retries.</summary>
internal sealed class MediaLifecycleOptions
{
    /// <summary>How often the housekeeping sweeps run in each process (they skip rows another process holds).</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>A PENDING upload expires this long after its form or part URLs did (a slow last request may still land).</summary>
    public TimeSpan ExpiryMargin { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>How long an asset nothing references (never attached, or detached) is kept before it is deleted.</summary>
    public TimeSpan GracePeriod { get; set; } = TimeSpan.FromDays(7);
    /// <summary>Render attempts of one version before the asset is FAILED with RENDER_FAILED.</summary>
    public int MaxAttempts { get; set; } = 3;
    /// <summary>Assets handled per sweep and transaction.</summary>
    public int BatchSize { get; set; } = 100;
}
