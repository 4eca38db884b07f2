using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Marketplace.Modules.Media.Contracts;

namespace Marketplace.Modules.Media.Storage;

/// <summary>
/// Media storage on S3 or an S3-compatible server: a private raw bucket browsers upload into through presigned POST
/// forms (images) or presigned multipart part URLs (video), and a renditions bucket served through CloudFront.
/// </summary>
internal sealed class S3MediaStorage : IMediaStorage, IDisposable
{
    /// <summary>S3's limits: at most 10,000 parts of at least 5 MiB each (except the last).</summary>
    public const int MaxParts = 10_000;
    public const long MinPartBytes = 5L * 1024 * 1024;

    private readonly AmazonS3Client _s3;
    private readonly S3StorageOptions _options;
    private readonly TimeProvider _time;
    private readonly Protocol _urlProtocol;

    public S3MediaStorage(S3StorageOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
        _s3 = CreateClient(options);
        _urlProtocol = options.ServiceUrl.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? Protocol.HTTP : Protocol.HTTPS;
    }

    public AmazonS3Client Client => _s3;

    public bool SupportsMultipart => true;

    public static AmazonS3Client CreateClient(S3StorageOptions options)
    {
        var config = new AmazonS3Config { ForcePathStyle = options.ForcePathStyle };
        if (options.ServiceUrl.Length > 0)
        {
            config.ServiceURL = options.ServiceUrl;
            config.AuthenticationRegion = options.Region;
        }
        else
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(options.Region);
        }

        return options.AccessKeyId.Length > 0
            ? new AmazonS3Client(new BasicAWSCredentials(options.AccessKeyId, options.SecretAccessKey), config)
            : new AmazonS3Client(config);
    }

    /// <summary>Creates both buckets when missing (development and tests; production buckets come from infrastructure).</summary>
    public async Task EnsureBucketsAsync(CancellationToken cancellationToken)
    {
        foreach (var bucket in new[] { _options.RawBucket, _options.RenditionsBucket })
        {
            try
            {
                await _s3.PutBucketAsync(new PutBucketRequest { BucketName = bucket }, cancellationToken);
            }
            catch (AmazonS3Exception e) when (e.ErrorCode is "BucketAlreadyOwnedByYou" or "BucketAlreadyExists")
            {
            }
        }
    }

    public async Task<UploadForm> CreateUploadFormAsync(UploadFormRequest request, CancellationToken cancellationToken)
    {
        var expires = _time.GetUtcNow() + request.Lifetime;
        // Every form field is pinned by a condition: the key is exact (chosen here, never the client's file name),
        // the Content-Type is exact, and S3 itself refuses a body outside content-length-range.
        var post = new CreatePresignedPostRequest
        {
            BucketName = _options.RawBucket,
            Key = request.Key,
            Expires = expires.UtcDateTime,
            Fields = new Dictionary<string, string> { ["Content-Type"] = request.ContentType },
            Conditions = [S3PostCondition.ContentLengthRange(request.MinBytes, request.MaxBytes)],
        };
        var response = await _s3.CreatePresignedPostAsync(post);
        var fields = response.Fields.Select(f => KeyValuePair.Create(f.Key, f.Value)).ToList();
        return new UploadForm(new Uri(response.Url), fields, request.Key, expires);
    }

    public async Task<string> StartMultipartUploadAsync(string key, string contentType, CancellationToken cancellationToken)
    {
        var response = await _s3.InitiateMultipartUploadAsync(
            new InitiateMultipartUploadRequest { BucketName = _options.RawBucket, Key = key, ContentType = contentType }, cancellationToken);
        return response.UploadId;
    }

    public async Task<IReadOnlyList<UploadPartUrl>> GetPartUrlsAsync(string key, string uploadId, IReadOnlyCollection<int> partNumbers, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        if (partNumbers.Any(n => n is < 1 or > MaxParts))
            throw new MediaException(MediaErrorCodes.PolicyViolation, $"Part numbers run from 1 to {MaxParts}.");

        var expires = (_time.GetUtcNow() + lifetime).UtcDateTime;
        var urls = new List<UploadPartUrl>(partNumbers.Count);
        foreach (var partNumber in partNumbers)
        {
            var url = await _s3.GetPreSignedURLAsync(new GetPreSignedUrlRequest
            {
                BucketName = _options.RawBucket,
                Key = key,
                Verb = HttpVerb.PUT,
                UploadId = uploadId,
                PartNumber = partNumber,
                Expires = expires,
                Protocol = _urlProtocol,
            });
            urls.Add(new UploadPartUrl(partNumber, new Uri(url)));
        }

        return urls;
    }

    public async Task<StoredObject> CompleteMultipartUploadAsync(string key, string uploadId, IReadOnlyList<UploadedPart> parts, long declaredBytes, CancellationToken cancellationToken)
    {
        // Part URLs cannot carry a size limit, so the limit is enforced here, on what S3 actually holds.
        var uploaded = new List<PartDetail>();
        int? marker = null;
        do
        {
            var page = await _s3.ListPartsAsync(new ListPartsRequest
            {
                BucketName = _options.RawBucket,
                Key = key,
                UploadId = uploadId,
                PartNumberMarker = marker?.ToString(),
            }, cancellationToken);
            uploaded.AddRange(page.Parts ?? []);
            marker = page.IsTruncated == true ? page.NextPartNumberMarker : null;
        }
        while (marker is not null);

        var total = uploaded.Sum(p => p.Size ?? 0);
        if (uploaded.Count > MaxParts || total > declaredBytes)
        {
            await AbortMultipartUploadAsync(key, uploadId, cancellationToken);
            throw new MediaException(MediaErrorCodes.TooLarge, $"The upload holds {total} bytes in {uploaded.Count} parts; {declaredBytes} bytes were declared.");
        }

        var byNumber = uploaded.ToDictionary(p => p.PartNumber ?? 0);
        if (parts.Count == 0 || parts.Any(p => !byNumber.TryGetValue(p.PartNumber, out var held) || !SameETag(held.ETag, p.ETag)))
            throw new MediaException(MediaErrorCodes.PolicyViolation, "The completed parts do not match the uploaded parts.");

        var completedTotal = parts.Sum(p => byNumber[p.PartNumber].Size ?? 0);
        if (completedTotal != declaredBytes)
            throw new MediaException(MediaErrorCodes.PolicyViolation, $"The parts hold {completedTotal} bytes; {declaredBytes} bytes were declared.");

        await _s3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = _options.RawBucket,
            Key = key,
            UploadId = uploadId,
            PartETags = parts.OrderBy(p => p.PartNumber).Select(p => new PartETag(p.PartNumber, p.ETag)).ToList(),
        }, cancellationToken);

        var stored = await HeadAsync(StorageArea.Raw, key, cancellationToken)
            ?? throw new MediaException(MediaErrorCodes.NotFound, "The completed upload is not in storage.");
        if (stored.Length != declaredBytes)
        {
            await DeleteAsync(StorageArea.Raw, key, cancellationToken);
            throw new MediaException(MediaErrorCodes.PolicyViolation, $"The stored object has {stored.Length} bytes; {declaredBytes} were declared.");
        }

        return stored;
    }

    private static bool SameETag(string? a, string? b) => string.Equals(a?.Trim('"'), b?.Trim('"'), StringComparison.OrdinalIgnoreCase);

    public async Task AbortMultipartUploadAsync(string key, string uploadId, CancellationToken cancellationToken)
    {
        try
        {
            await _s3.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = _options.RawBucket, Key = key, UploadId = uploadId }, cancellationToken);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
        }
    }

    public async Task<StoredObject?> HeadAsync(StorageArea area, string key, CancellationToken cancellationToken)
    {
        try
        {
            var head = await _s3.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = Bucket(area), Key = key }, cancellationToken);
            return new StoredObject(key, head.ContentLength, head.Headers.ContentType, head.ETag);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<byte[]> ReadPrefixAsync(StorageArea area, string key, int count, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _s3.GetObjectAsync(new GetObjectRequest
            {
                BucketName = Bucket(area),
                Key = key,
                ByteRange = new ByteRange(0, count - 1),
            }, cancellationToken);
            using var buffer = new MemoryStream();
            await response.ResponseStream.CopyToAsync(buffer, cancellationToken);
            return buffer.Length > count ? buffer.ToArray()[..count] : buffer.ToArray();
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            throw new MediaException(MediaErrorCodes.NotFound, "The uploaded object is not in storage.", e);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
        {
            return [];
        }
    }

    public async Task DownloadToFileAsync(StorageArea area, string key, string path, CancellationToken cancellationToken)
    {
        await using var source = await OpenReadAsync(area, key, cancellationToken);
        await using var target = File.Create(path);
        await source.CopyToAsync(target, cancellationToken);
    }

    public async Task<Stream> OpenReadAsync(StorageArea area, string key, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _s3.GetObjectAsync(new GetObjectRequest { BucketName = Bucket(area), Key = key }, cancellationToken);
            return new ResponseOwningStream(response);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            throw new MediaException(MediaErrorCodes.NotFound, "The object is not in storage.", e);
        }
    }

    public async Task PutFileAsync(StorageArea area, string key, string path, string contentType, string? cacheControl, CancellationToken cancellationToken)
    {
        var request = new PutObjectRequest { BucketName = Bucket(area), Key = key, FilePath = path, ContentType = contentType };
        if (cacheControl is not null)
            request.Headers.CacheControl = cacheControl;
        await _s3.PutObjectAsync(request, cancellationToken);
    }

    public async Task PutAsync(StorageArea area, string key, Stream content, string contentType, string? cacheControl, CancellationToken cancellationToken)
    {
        var request = new PutObjectRequest { BucketName = Bucket(area), Key = key, InputStream = content, ContentType = contentType, AutoCloseStream = false };
        if (cacheControl is not null)
            request.Headers.CacheControl = cacheControl;
        await _s3.PutObjectAsync(request, cancellationToken);
    }

    public async Task DeleteAsync(StorageArea area, string key, CancellationToken cancellationToken) =>
        await _s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = Bucket(area), Key = key }, cancellationToken);

    public async Task<int> DeletePrefixAsync(StorageArea area, string prefix, CancellationToken cancellationToken)
    {
        var keys = await ListAsync(area, prefix, cancellationToken);
        foreach (var batch in keys.Chunk(1000))
        {
            await _s3.DeleteObjectsAsync(new DeleteObjectsRequest
            {
                BucketName = Bucket(area),
                Objects = batch.Select(k => new KeyVersion { Key = k }).ToList(),
            }, cancellationToken);
        }

        return keys.Count;
    }

    public async Task<IReadOnlyList<string>> ListAsync(StorageArea area, string prefix, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        string? token = null;
        do
        {
            var page = await _s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket(area), Prefix = prefix, ContinuationToken = token }, cancellationToken);
            keys.AddRange((page.S3Objects ?? []).Select(o => o.Key));
            token = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (token is not null);
        return keys;
    }

    public string Bucket(StorageArea area) => area == StorageArea.Raw ? _options.RawBucket : _options.RenditionsBucket;

    public void Dispose() => _s3.Dispose();

    /// <summary>The response body; disposing it disposes the response (and its connection).</summary>
    private sealed class ResponseOwningStream(GetObjectResponse response) : Stream
    {
        private readonly Stream _inner = response.ResponseStream;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => response.ContentLength;
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => _inner.ReadAsync(buffer, cancellationToken);
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => _inner.ReadAsync(buffer, offset, count, cancellationToken);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                response.Dispose();
            base.Dispose(disposing);
        }
    }
}
