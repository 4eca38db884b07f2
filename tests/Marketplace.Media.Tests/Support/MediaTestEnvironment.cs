using Amazon.Runtime;
using Amazon.SQS;
using Marketplace.Modules.Media;
using Marketplace.Modules.Media.Storage;

namespace Marketplace.Media.Tests.Support;

/// <summary>
/// The real services the Media tests use: moto_server (S3 and SQS) started by scripts/services.sh on
/// <c>MARKETPLACE_S3_URL</c> (or <c>MARKETPLACE_S3_PORT</c>), ffmpeg and libvips installed by the same script.
/// Each test makes its own buckets and queues with unique names.
/// </summary>
internal static class MediaTestEnvironment
{
    public static string S3Url =>
        Environment.GetEnvironmentVariable("MARKETPLACE_S3_URL")
        ?? $"http://127.0.0.1:{Environment.GetEnvironmentVariable("MARKETPLACE_S3_PORT") ?? "14566"}";

    public static S3StorageOptions NewS3Options()
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        return new S3StorageOptions
        {
            ServiceUrl = S3Url,
            Region = "us-east-1",
            AccessKeyId = "test",
            SecretAccessKey = "test",
            RawBucket = $"raw-{id}",
            RenditionsBucket = $"renditions-{id}",
        };
    }

    public static async Task<S3MediaStorage> NewS3StorageAsync(TimeProvider? time = null)
    {
        var storage = new S3MediaStorage(NewS3Options(), time ?? TimeProvider.System);
        try
        {
            await storage.EnsureBucketsAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is HttpRequestException or AmazonServiceException or AmazonClientException)
        {
            throw new InvalidOperationException($"moto_server is not answering at {S3Url}: run scripts/services.sh start (or set MARKETPLACE_S3_URL).", e);
        }

        return storage;
    }

    public static AmazonSQSClient NewSqsClient() =>
        new(new BasicAWSCredentials("test", "test"), new AmazonSQSConfig { ServiceURL = S3Url, AuthenticationRegion = "us-east-1" });

    public static DirectoryInfo NewTempDirectory() => Directory.CreateTempSubdirectory("media-tests-");
}

/// <summary>A clock the test moves.</summary>
internal sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
