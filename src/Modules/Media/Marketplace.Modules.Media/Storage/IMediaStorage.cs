namespace Marketplace.Modules.Media.Storage;

/// <summary>The two places media lives: what clients uploaded (private, never served) and what we made from it.</summary>
internal enum StorageArea
{
    Raw,
    Renditions,
}

/// <summary>What a signed upload form allows: one server-chosen key, one exact content type, a size range.</summary>
internal sealed record UploadFormRequest(string Key, string ContentType, long MinBytes, long MaxBytes, TimeSpan Lifetime);

/// <summary>
/// A browser-style POST upload: send <c>multipart/form-data</c> to <see cref="Url"/> with every field of
/// <see cref="Fields"/> in order and the file as the last field, named <c>file</c>.
/// </summary>
internal sealed record UploadForm(Uri Url, IReadOnlyList<KeyValuePair<string, string>> Fields, string Key, DateTimeOffset ExpiresAt);

/// <summary>A presigned URL the client PUTs one part of a multipart upload to.</summary>
internal sealed record UploadPartUrl(int PartNumber, Uri Url);

/// <summary>A part the client uploaded, as reported back at completion.</summary>
internal sealed record UploadedPart(int PartNumber, string ETag);

internal sealed record StoredObject(string Key, long Length, string? ContentType, string? ETag);

/// <summary>
/// Object storage for media: S3 (any S3-compatible server) or the local disk. Keys are chosen by the module, never
/// by clients. Renditions are written with the cache headers they are served with.
/// </summary>
internal interface IMediaStorage
{
    /// <summary>Multipart uploads with presigned part URLs (S3). Without it, video uploads use one form too.</summary>
    bool SupportsMultipart { get; }

    Task<UploadForm> CreateUploadFormAsync(UploadFormRequest request, CancellationToken cancellationToken);

    Task<string> StartMultipartUploadAsync(string key, string contentType, CancellationToken cancellationToken);

    Task<IReadOnlyList<UploadPartUrl>> GetPartUrlsAsync(string key, string uploadId, IReadOnlyCollection<int> partNumbers, TimeSpan lifetime, CancellationToken cancellationToken);

    /// <summary>
    /// Completes a multipart upload after checking what was actually uploaded: part count and total size must not
    /// exceed <paramref name="declaredBytes"/> (TOO_LARGE, the upload is aborted) and must reach it (POLICY_VIOLATION).
    /// </summary>
    Task<StoredObject> CompleteMultipartUploadAsync(string key, string uploadId, IReadOnlyList<UploadedPart> parts, long declaredBytes, CancellationToken cancellationToken);

    Task AbortMultipartUploadAsync(string key, string uploadId, CancellationToken cancellationToken);

    Task<StoredObject?> HeadAsync(StorageArea area, string key, CancellationToken cancellationToken);

    /// <summary>The first <paramref name="count"/> bytes (fewer for a shorter object): for sniffing magic bytes.</summary>
    Task<byte[]> ReadPrefixAsync(StorageArea area, string key, int count, CancellationToken cancellationToken);

    Task DownloadToFileAsync(StorageArea area, string key, string path, CancellationToken cancellationToken);

    Task<Stream> OpenReadAsync(StorageArea area, string key, CancellationToken cancellationToken);

    Task PutFileAsync(StorageArea area, string key, string path, string contentType, string? cacheControl, CancellationToken cancellationToken);

    Task PutAsync(StorageArea area, string key, Stream content, string contentType, string? cacheControl, CancellationToken cancellationToken);

    Task DeleteAsync(StorageArea area, string key, CancellationToken cancellationToken);

    /// <summary>Deletes every object whose key starts with <paramref name="prefix"/>; returns how many.</summary>
    Task<int> DeletePrefixAsync(StorageArea area, string prefix, CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> ListAsync(StorageArea area, string prefix, CancellationToken cancellationToken);
}
