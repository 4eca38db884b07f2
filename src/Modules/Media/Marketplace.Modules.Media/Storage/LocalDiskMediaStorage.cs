using Marketplace.Modules.Media.Contracts;
using Marketplace.Modules.Media.Uploads;

namespace Marketplace.Modules.Media.Storage;

/// <summary>
/// Media storage on the local disk: the single-container default. Uploads arrive through the host's upload endpoint
/// (<see cref="LocalUploadEndpoint"/>, forms signed by <see cref="PostPolicySigner"/>); renditions are served by
/// <see cref="Delivery.LocalDeliveryEndpoint"/>. Writes go to a temporary file first and are renamed into place, so a
/// reader never sees half an object.
/// </summary>
internal sealed class LocalDiskMediaStorage : IMediaStorage
{
    private readonly string _root;
    private readonly Uri _uploadUrl;
    private readonly PostPolicySigner _signer;
    private readonly TimeProvider _time;

    public LocalDiskMediaStorage(LocalDiskStorageOptions options, PostPolicySigner signer, TimeProvider time)
    {
        _root = Path.GetFullPath(options.Root);
        _uploadUrl = options.UploadUrl;
        _signer = signer;
        _time = time;
        Directory.CreateDirectory(Path.Combine(_root, "raw"));
        Directory.CreateDirectory(Path.Combine(_root, "renditions"));
    }

    /// <summary>Video uploads go through one signed form (up to the video cap) instead of presigned parts.</summary>
    public bool SupportsMultipart => false;

    public Task<UploadForm> CreateUploadFormAsync(UploadFormRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(_signer.Create(_uploadUrl, request, _time.GetUtcNow()));

    public Task<string> StartMultipartUploadAsync(string key, string contentType, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Local-disk storage takes video uploads as one form.");

    public Task<IReadOnlyList<UploadPartUrl>> GetPartUrlsAsync(string key, string uploadId, IReadOnlyCollection<int> partNumbers, TimeSpan lifetime, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Local-disk storage takes video uploads as one form.");

    public Task<StoredObject> CompleteMultipartUploadAsync(string key, string uploadId, IReadOnlyList<UploadedPart> parts, long declaredBytes, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Local-disk storage takes video uploads as one form.");

    public Task AbortMultipartUploadAsync(string key, string uploadId, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The file holding <paramref name="key"/>; refuses keys that would leave the area's directory.</summary>
    public string PathOf(StorageArea area, string key)
    {
        if (!MediaKeys.IsSafe(key))
            throw new MediaException(MediaErrorCodes.PolicyViolation, "Invalid object key.");
        var areaRoot = Path.Combine(_root, area == StorageArea.Raw ? "raw" : "renditions");
        var path = Path.GetFullPath(Path.Combine(areaRoot, key));
        if (!path.StartsWith(areaRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new MediaException(MediaErrorCodes.PolicyViolation, "Invalid object key.");
        return path;
    }

    public Task<StoredObject?> HeadAsync(StorageArea area, string key, CancellationToken cancellationToken)
    {
        var file = new FileInfo(PathOf(area, key));
        return Task.FromResult(file.Exists ? new StoredObject(key, file.Length, null, $"\"{file.LastWriteTimeUtc.Ticks:x}-{file.Length:x}\"") : null);
    }

    public async Task<byte[]> ReadPrefixAsync(StorageArea area, string key, int count, CancellationToken cancellationToken)
    {
        await using var stream = await OpenReadAsync(area, key, cancellationToken);
        var buffer = new byte[count];
        var read = await stream.ReadAtLeastAsync(buffer, count, throwOnEndOfStream: false, cancellationToken);
        return buffer[..read];
    }

    public async Task DownloadToFileAsync(StorageArea area, string key, string path, CancellationToken cancellationToken)
    {
        await using var source = await OpenReadAsync(area, key, cancellationToken);
        await using var target = File.Create(path);
        await source.CopyToAsync(target, cancellationToken);
    }

    public Task<Stream> OpenReadAsync(StorageArea area, string key, CancellationToken cancellationToken)
    {
        try
        {
            return Task.FromResult<Stream>(new FileStream(PathOf(area, key), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, useAsync: true));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new MediaException(MediaErrorCodes.NotFound, "The object is not in storage.", e);
        }
    }

    public async Task PutFileAsync(StorageArea area, string key, string path, string contentType, string? cacheControl, CancellationToken cancellationToken)
    {
        await using var source = File.OpenRead(path);
        await PutAsync(area, key, source, contentType, cacheControl, cancellationToken);
    }

    public async Task PutAsync(StorageArea area, string key, Stream content, string contentType, string? cacheControl, CancellationToken cancellationToken) =>
        await WriteAsync(area, key, content, long.MaxValue, cancellationToken);

    /// <summary>
    /// Streams <paramref name="content"/> into <paramref name="key"/>, refusing more than <paramref name="maxBytes"/>
    /// (TOO_LARGE, nothing kept). Returns the bytes written.
    /// </summary>
    public async Task<long> WriteAsync(StorageArea area, string key, Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        var path = PathOf(area, key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = $"{path}.{Guid.NewGuid():N}.partial";
        long written = 0;
        try
        {
            await using (var target = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    written += read;
                    if (written > maxBytes)
                        throw new MediaException(MediaErrorCodes.TooLarge, $"The file is larger than {maxBytes} bytes.");
                    await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }

            File.Move(temp, path, overwrite: true);
            return written;
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>Deleting what is not there is fine, as on S3 (its folder may never have been created).</summary>
    public Task DeleteAsync(StorageArea area, string key, CancellationToken cancellationToken)
    {
        try
        {
            File.Delete(PathOf(area, key));
        }
        catch (DirectoryNotFoundException)
        {
        }

        return Task.CompletedTask;
    }

    public async Task<int> DeletePrefixAsync(StorageArea area, string prefix, CancellationToken cancellationToken)
    {
        var keys = await ListAsync(area, prefix, cancellationToken);
        foreach (var key in keys)
            File.Delete(PathOf(area, key));
        return keys.Count;
    }

    public Task<IReadOnlyList<string>> ListAsync(StorageArea area, string prefix, CancellationToken cancellationToken)
    {
        var areaRoot = Path.Combine(_root, area == StorageArea.Raw ? "raw" : "renditions");
        IReadOnlyList<string> keys = Directory.Exists(areaRoot)
            ? Directory.EnumerateFiles(areaRoot, "*", SearchOption.AllDirectories)
                .Where(f => !f.EndsWith(".partial", StringComparison.Ordinal))
                .Select(f => Path.GetRelativePath(areaRoot, f).Replace(Path.DirectorySeparatorChar, '/'))
                .Where(k => k.StartsWith(prefix, StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];
        return Task.FromResult(keys);
    }
}
