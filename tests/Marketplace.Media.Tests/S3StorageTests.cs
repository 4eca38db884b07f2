using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Amazon.S3.Model;
using Amazon.SQS.Model;
using Marketplace.Media.Tests.Support;
using Marketplace.Modules.Media;
using Marketplace.Modules.Media.Contracts;
using Marketplace.Modules.Media.Images;
using Marketplace.Modules.Media.Storage;
using Marketplace.Modules.Media.Uploads;
using Marketplace.Testing;

namespace Marketplace.Media.Tests;

/// <summary>
/// S3 mode against moto_server: presigned POST forms (policy asserted exactly: moto does not enforce policies),
/// multipart uploads with presigned part URLs, S3→SQS notifications, and the image pipeline on buckets.
/// </summary>
public sealed class S3StorageTests
{
    private static readonly MediaUploadOptions Uploads = new();

    private static async Task<HttpResponseMessage> PostFormAsync(UploadForm form, byte[] file, string fileName = "holiday photo.jpg")
    {
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in form.Fields)
            content.Add(new StringContent(value), name);
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(part, "file", fileName);
        using var http = new HttpClient();
        return await http.PostAsync(form.Url, content);
    }

    [Fact]
    public async Task Given_an_image_upload_Then_the_presigned_post_policy_pins_key_type_size_and_expiry_exactly()
    {
        var clock = new TestClock(new DateTimeOffset(DateTime.UtcNow.Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero));
        using var storage = await MediaTestEnvironment.NewS3StorageAsync(clock);
        var planner = new UploadPlanner(storage, Uploads, clock);
        var owner = Guid.NewGuid();

        var plan = await planner.PlanAsync(owner, UploadPurpose.ProductImage, "image/jpeg", 1234, CancellationToken.None);

        plan.Form.Should().NotBeNull();
        plan.Key.Should().MatchRegex($"^raw/{owner:N}/[0-9a-f]{{32}}$");
        var fields = plan.Form!.Fields.ToDictionary(f => f.Key, f => f.Value);
        fields.Keys.Should().BeEquivalentTo("Content-Type", "key", "Policy", "x-amz-credential", "x-amz-algorithm", "x-amz-date", "x-amz-signature");
        var policy = Encoding.UTF8.GetString(Convert.FromBase64String(fields["Policy"]));
        var expiration = clock.Now.AddMinutes(10).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        policy.Should().Be(
            $"{{\"expiration\":\"{expiration}\",\"conditions\":[" +
            $"{{\"bucket\":\"{storage.Bucket(StorageArea.Raw)}\"}},{{\"key\":\"{plan.Key}\"}},{{\"Content-Type\":\"image/jpeg\"}}," +
            "[\"content-length-range\",1,26214400]," +
            $"{{\"x-amz-credential\":\"{fields["x-amz-credential"]}\"}},{{\"x-amz-algorithm\":\"AWS4-HMAC-SHA256\"}},{{\"x-amz-date\":\"{fields["x-amz-date"]}\"}}]}}");
        plan.Form.ExpiresAt.Should().Be(clock.Now.AddMinutes(10));
    }

    [Fact]
    public async Task Given_a_store_logo_Then_its_form_allows_only_the_logo_cap()
    {
        using var storage = await MediaTestEnvironment.NewS3StorageAsync();
        var plan = await new UploadPlanner(storage, Uploads, TimeProvider.System).PlanAsync(Guid.NewGuid(), UploadPurpose.StoreLogo, "image/png", 10, CancellationToken.None);

        var policy = Encoding.UTF8.GetString(Convert.FromBase64String(plan.Form!.Fields.Single(f => f.Key == "Policy").Value));

        policy.Should().Contain("[\"content-length-range\",1,5242880]");
    }

    [Theory]
    [InlineData("ProductImage", "image/svg+xml", 10, MediaErrorCodes.UnsupportedFormat)]
    [InlineData("ProductImage", "text/html", 10, MediaErrorCodes.UnsupportedFormat)]
    [InlineData("ProductImage", "application/octet-stream", 10, MediaErrorCodes.UnsupportedFormat)]
    [InlineData("ProductImage", "video/mp4", 10, MediaErrorCodes.UnsupportedFormat)]
    [InlineData("ProductVideo", "image/jpeg", 10, MediaErrorCodes.UnsupportedFormat)]
    [InlineData("ProductImage", "image/jpeg", 26214401, MediaErrorCodes.TooLarge)]
    [InlineData("ProductVideo", "video/mp4", 3L * 1024 * 1024 * 1024, MediaErrorCodes.TooLarge)]
    [InlineData("ProductImage", "image/jpeg", 0, MediaErrorCodes.TooSmall)]
    public async Task Given_a_request_outside_the_purpose_rule_Then_no_upload_is_planned(string purpose, string contentType, long bytes, string code)
    {
        using var storage = await MediaTestEnvironment.NewS3StorageAsync();

        var error = await Assert.ThrowsAsync<MediaException>(() =>
            new UploadPlanner(storage, Uploads, TimeProvider.System).PlanAsync(Guid.NewGuid(), Enum.Parse<UploadPurpose>(purpose), contentType, bytes, CancellationToken.None));

        error.Code.Should().Be(code);
        (await storage.ListAsync(StorageArea.Raw, "", CancellationToken.None)).Should().BeEmpty();
    }

    [Fact]
    public async Task Given_a_presigned_post_Then_a_browser_form_uploads_under_the_server_key_not_the_file_name()
    {
        using var storage = await MediaTestEnvironment.NewS3StorageAsync();
        var plan = await new UploadPlanner(storage, Uploads, TimeProvider.System).PlanAsync(Guid.NewGuid(), UploadPurpose.ProductImage, "image/jpeg", 2000, CancellationToken.None);
        var jpeg = TestImages.Jpeg(64, 64);

        using var response = await PostFormAsync(plan.Form!, jpeg);

        response.StatusCode.Should().BeOneOf(HttpStatusCode.NoContent, HttpStatusCode.OK);
        var head = await storage.HeadAsync(StorageArea.Raw, plan.Key, CancellationToken.None);
        head!.Length.Should().Be(jpeg.Length);
        head.ContentType.Should().Be("image/jpeg");
        var keys = await storage.ListAsync(StorageArea.Raw, "", CancellationToken.None);
        keys.Should().Equal(plan.Key);
        keys.Should().NotContain(k => k.Contains("holiday", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Given_a_video_Then_presigned_parts_upload_and_completion_checks_the_total()
    {
        using var storage = await MediaTestEnvironment.NewS3StorageAsync();
        var options = new MediaUploadOptions { VideoPartBytes = S3MediaStorage.MinPartBytes };
        var bytes = new byte[S3MediaStorage.MinPartBytes + 1000];
        Random.Shared.NextBytes(bytes);
        var plan = await new UploadPlanner(storage, options, TimeProvider.System).PlanAsync(Guid.NewGuid(), UploadPurpose.ProductVideo, "video/mp4", bytes.Length, CancellationToken.None);

        plan.Multipart.Should().NotBeNull();
        plan.Multipart!.Parts.Select(p => p.PartNumber).Should().Equal(1, 2);
        plan.Multipart.Parts.Should().OnlyContain(p => p.Url.Query.Contains("uploadId=", StringComparison.Ordinal) && p.Url.Query.Contains("partNumber=", StringComparison.Ordinal));
        var uploaded = await PutPartsAsync(plan.Multipart, bytes);

        var stored = await storage.CompleteMultipartUploadAsync(plan.Key, plan.Multipart.UploadId, uploaded, bytes.Length, CancellationToken.None);

        stored.Length.Should().Be(bytes.Length);
        var copy = new byte[bytes.Length];
        await using (var read = await storage.OpenReadAsync(StorageArea.Raw, plan.Key, CancellationToken.None))
            await read.ReadExactlyAsync(copy);
        copy.Should().Equal(bytes);
    }

    [Fact]
    public async Task Given_parts_above_the_declared_size_Then_completion_is_refused_and_the_upload_aborted()
    {
        using var storage = await MediaTestEnvironment.NewS3StorageAsync();
        var options = new MediaUploadOptions { VideoPartBytes = S3MediaStorage.MinPartBytes };
        var declared = S3MediaStorage.MinPartBytes + 10;
        var plan = await new UploadPlanner(storage, options, TimeProvider.System).PlanAsync(Guid.NewGuid(), UploadPurpose.ProductVideo, "video/mp4", declared, CancellationToken.None);
        // The client sends a bigger last part than declared: part URLs cannot stop it, completion must.
        var uploaded = await PutPartsAsync(plan.Multipart!, new byte[S3MediaStorage.MinPartBytes + 5000]);

        var error = await Assert.ThrowsAsync<MediaException>(() =>
            storage.CompleteMultipartUploadAsync(plan.Key, plan.Multipart!.UploadId, uploaded, declared, CancellationToken.None));

        error.Code.Should().Be(MediaErrorCodes.TooLarge);
        var pending = await storage.Client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = storage.Bucket(StorageArea.Raw) });
        (pending.MultipartUploads ?? []).Should().BeEmpty();
        (await storage.HeadAsync(StorageArea.Raw, plan.Key, CancellationToken.None)).Should().BeNull();
    }

    private static async Task<List<UploadedPart>> PutPartsAsync(MultipartPlan plan, byte[] bytes)
    {
        using var http = new HttpClient();
        var uploaded = new List<UploadedPart>();
        foreach (var part in plan.Parts)
        {
            var offset = (int)((part.PartNumber - 1) * plan.PartBytes);
            var length = part.PartNumber == plan.Parts.Count ? bytes.Length - offset : (int)plan.PartBytes;
            using var body = new ByteArrayContent(bytes, offset, length);
            // moto answers 500 to a form-urlencoded part; browsers send octet-stream.
            body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            using var response = await http.PutAsync(part.Url, body);
            response.EnsureSuccessStatusCode();
            uploaded.Add(new UploadedPart(part.PartNumber, response.Headers.ETag!.Tag));
        }

        return uploaded;
    }

    [Fact]
    public async Task Given_notifications_to_sqs_Then_created_objects_arrive_decoded_and_duplicates_share_an_identity()
    {
        using var storage = await MediaTestEnvironment.NewS3StorageAsync();
        using var sqs = MediaTestEnvironment.NewSqsClient();
        var queue = await sqs.CreateQueueAsync(new CreateQueueRequest { QueueName = $"media-{Guid.NewGuid():N}" });
        await SqsUploadEventSource.ConfigureAsync(storage.Client, sqs, storage.Bucket(StorageArea.Raw), queue.QueueUrl, MediaKeys.RawPrefix, CancellationToken.None);
        var source = new SqsUploadEventSource(sqs, queue.QueueUrl);

        // A key with a space, a plus and non-ASCII arrives URL-encoded; outside the prefix nothing arrives.
        var oddKey = $"raw/{Guid.NewGuid():N}/café menu+1.jpg";
        using (var content = new MemoryStream(TestImages.Jpeg(16, 16)))
            await storage.PutAsync(StorageArea.Raw, oddKey, content, "image/jpeg", null, CancellationToken.None);
        using (var content = new MemoryStream([1, 2, 3]))
            await storage.PutAsync(StorageArea.Raw, "elsewhere/x", content, "application/octet-stream", null, CancellationToken.None);

        // A multipart upload: moto announces it twice (Put and CompleteMultipartUpload).
        var options = new MediaUploadOptions { VideoPartBytes = S3MediaStorage.MinPartBytes };
        var video = new byte[S3MediaStorage.MinPartBytes + 10];
        var plan = await new UploadPlanner(storage, options, TimeProvider.System).PlanAsync(Guid.NewGuid(), UploadPurpose.ProductVideo, "video/mp4", video.Length, CancellationToken.None);
        await storage.CompleteMultipartUploadAsync(plan.Key, plan.Multipart!.UploadId, await PutPartsAsync(plan.Multipart, video), video.Length, CancellationToken.None);

        var events = new List<ObjectCreatedEvent>();
        await Eventually.AssertAsync(async () =>
        {
            foreach (var message in await source.ReceiveAsync(10, TimeSpan.FromSeconds(1), CancellationToken.None))
            {
                events.AddRange(message.Events);
                await source.AcknowledgeAsync(message, CancellationToken.None);
            }

            return events.Any(e => e.Key == oddKey) && events.Count(e => e.Key == plan.Key) >= 2;
        }, TimeSpan.FromSeconds(30), "both uploads announced");

        events.Should().NotContain(e => e.Key == "elsewhere/x");
        var odd = events.Single(e => e.Key == oddKey);
        odd.Bucket.Should().Be(storage.Bucket(StorageArea.Raw));
        odd.EventName.Should().StartWith("ObjectCreated:");
        var multipart = events.Where(e => e.Key == plan.Key).ToList();
        multipart.Select(e => e.EventName).Should().Contain("ObjectCreated:CompleteMultipartUpload");
        multipart.Select(e => e.Identity).Distinct().Should().HaveCount(1, "one upload, however many events");
        events.DistinctBy(e => e.Identity).Should().HaveCount(2);
    }

    [Fact]
    public void Given_lambda_shaped_event_json_Then_keys_are_url_decoded_and_test_events_ignored()
    {
        const string body = """
            {"Records":[
              {"eventVersion":"2.1","eventSource":"aws:s3","eventTime":"2026-11-25T19:36:35.516Z","eventName":"ObjectCreated:Put",
               "s3":{"bucket":{"name":"raw"},"object":{"key":"raw/a/caf%C3%A9+menu%2B1.jpg","size":42,"eTag":"abc","sequencer":"0055"}}},
              {"eventName":"ObjectRemoved:Delete","s3":{"bucket":{"name":"raw"},"object":{"key":"raw/b"}}}
            ]}
            """;

        var events = S3EventParser.Parse(body);

        events.Should().ContainSingle();
        events[0].Key.Should().Be("raw/a/café menu+1.jpg");
        events[0].Size.Should().Be(42);
        events[0].Sequencer.Should().Be("0055");
        S3EventParser.Parse("""{"Service":"Amazon S3","Event":"s3:TestEvent","Bucket":"raw"}""").Should().BeEmpty();
        var sns = JsonSerializer.Serialize(new { Type = "Notification", Message = body });
        S3EventParser.Parse(sns).Should().ContainSingle();
    }

    [Fact]
    public async Task Given_an_uploaded_image_on_s3_Then_renditions_land_in_the_renditions_bucket_as_immutable()
    {
        using var storage = await MediaTestEnvironment.NewS3StorageAsync();
        var plan = await new UploadPlanner(storage, Uploads, TimeProvider.System).PlanAsync(Guid.NewGuid(), UploadPurpose.ProductImage, "image/jpeg", 5000, CancellationToken.None);
        using (var response = await PostFormAsync(plan.Form!, TestImages.Jpeg(700, 400)))
            response.IsSuccessStatusCode.Should().BeTrue();
        var imageOptions = new MediaImageOptions();
        using var processor = new ImageProcessor(storage, new ImageInspector(imageOptions), new ImageRenderer(imageOptions), imageOptions);
        var assetId = Guid.NewGuid();

        var result = await processor.ProcessAsync(assetId, plan.Key, "image/jpeg", Uploads.ImageMaxBytes, 1, CancellationToken.None);

        result.Renditions.Should().HaveCount(6);
        var keys = await storage.ListAsync(StorageArea.Renditions, MediaKeys.ImagePrefix(assetId, 1), CancellationToken.None);
        keys.Should().BeEquivalentTo(result.Renditions.Select(r => r.Key));
        var meta = await storage.Client.GetObjectMetadataAsync(storage.Bucket(StorageArea.Renditions), result.Renditions[0].Key);
        meta.Headers.CacheControl.Should().Be(MediaKeys.ImmutableCacheControl);
        meta.Headers.ContentType.Should().Be(result.Renditions[0].ContentType);
    }

    [Fact]
    public async Task Given_a_bad_upload_on_s3_Then_the_raw_object_is_deleted_and_no_rendition_is_written()
    {
        using var storage = await MediaTestEnvironment.NewS3StorageAsync();
        var key = MediaKeys.Raw(Guid.NewGuid(), Guid.NewGuid());
        using (var content = new MemoryStream(TestImages.PixelBombPng(12_000)))
            await storage.PutAsync(StorageArea.Raw, key, content, "image/png", null, CancellationToken.None);
        var imageOptions = new MediaImageOptions();
        using var processor = new ImageProcessor(storage, new ImageInspector(imageOptions), new ImageRenderer(imageOptions), imageOptions);

        var error = await Assert.ThrowsAsync<MediaException>(() => processor.ProcessAsync(Guid.NewGuid(), key, "image/png", Uploads.ImageMaxBytes, 1, CancellationToken.None));

        error.Code.Should().Be(MediaErrorCodes.TooManyPixels);
        (await storage.ListAsync(StorageArea.Raw, "", CancellationToken.None)).Should().BeEmpty();
        (await storage.ListAsync(StorageArea.Renditions, "", CancellationToken.None)).Should().BeEmpty();
    }
}
