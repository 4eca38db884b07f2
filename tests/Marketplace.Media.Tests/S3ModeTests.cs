using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Amazon.S3.Model;
using Amazon.SQS.Model;
using Marketplace.Media.Tests.Support;
using Marketplace.Modules.Media;
using Marketplace.Modules.Media.Delivery;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Media.Tests;

/// <summary>
/// S3 mode against moto: browsers POST straight to the raw bucket through the presigned policy (or PUT presigned parts
/// for video), the bucket's event notification through SQS (what a Lambda trigger receives) starts processing, and the
/// renditions land in the renditions bucket, delivered through CloudFront-signed URLs.
/// </summary>
public sealed class S3ModeTests(MediaS3App app) : IClassFixture<MediaS3App>
{
    private const string Uploaded = "marketplace.media.asset_uploaded.v1";
    private readonly HttpClient _client = app.CreateClient();
    private readonly HttpClient _browser = new();

    [Fact]
    public async Task Given_a_browser_form_posted_to_the_bucket_Then_the_s3_event_through_sqs_renders_it_without_a_completion_call()
    {
        var seller = await _client.SellerStoreAsync(app);
        var photo = TestImages.Jpeg(2400, 1600, orientation: 8, withGps: true);
        var created = await _client.NewUploadAsync(seller, "PRODUCT_IMAGE", "image/jpeg", photo.Length);
        var upload = created["upload"]!;
        var id = created["asset"].Text("id");

        // The presigned POST pins the server-chosen key, the exact type, the purpose's size range and a 10-minute expiry.
        upload.Text("url").Should().StartWith(app.S3.ServiceUrl).And.Contain(app.S3.RawBucket);
        var fields = upload["fields"]!.AsArray().ToDictionary(f => f.Text("name"), f => f.Text("value"));
        using (var policy = JsonDocument.Parse(Convert.FromBase64String(fields["Policy"])))
        {
            var conditions = policy.RootElement.GetProperty("conditions").GetRawText();
            conditions.Should().Contain($"{{\"key\":\"{fields["key"]}\"}}").And.Contain("{\"Content-Type\":\"image/jpeg\"}").And.Contain("[\"content-length-range\",1,26214400]");
            var expiration = DateTimeOffset.Parse(policy.RootElement.GetProperty("expiration").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            expiration.Should().BeCloseTo(DateTimeOffset.UtcNow.AddMinutes(10), TimeSpan.FromMinutes(1));
        }

        (await _browser.PostFormAsync(upload, photo, "image/jpeg")).Status.Should().Be(HttpStatusCode.NoContent);

        var asset = await _client.WaitForStatusAsync(seller.Token, id, TimeSpan.FromSeconds(90), "READY", "FAILED");
        asset.Text("status").Should().Be("READY", asset.ToJsonString());
        asset["renditions"]!.AsArray().Should().HaveCount(12);
        var uuid = MediaFlows.Uuid(id);
        var keys = (await app.Client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = app.S3.RenditionsBucket, Prefix = $"img/{uuid:N}/v1/" })).S3Objects;
        keys.Should().HaveCount(12);
        var head = await app.Client.GetObjectMetadataAsync(app.S3.RenditionsBucket, keys[0].Key);
        head.Headers.CacheControl.Should().Be("public, max-age=31536000, immutable");
        (await app.Client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = app.S3.RawBucket, Prefix = fields["key"] })).S3Objects.Should().BeNullOrEmpty("the upload is deleted once rendered");

        // The owner's completion afterwards changes nothing (the same object version was taken from the event).
        (await _client.CompleteAsync(seller.Token, id)).Codes().Should().BeEmpty();
        (await MediaFlows.MediaEventsAsync(app.Database, Uploaded, uuid)).Should().Be(1);

        // A repeated notification of the same object (S3 delivers at least once) changes nothing either.
        var notification = JsonSerializer.Serialize(new
        {
            Records = new[]
            {
                new
                {
                    eventName = "ObjectCreated:Post",
                    s3 = new { bucket = new { name = app.S3.RawBucket }, @object = new { key = Uri.EscapeDataString(fields["key"]).Replace("%2F", "/", StringComparison.Ordinal), size = photo.Length, eTag = "anything" } },
                },
            },
        });
        using (var sqs = MediaTestEnvironment.NewSqsClient())
        {
            await sqs.SendMessageAsync(app.QueueUrl, notification);
            await sqs.SendMessageAsync(app.QueueUrl, notification);
            await Eventually.AssertAsync(async () =>
            {
                var attributes = await sqs.GetQueueAttributesAsync(new GetQueueAttributesRequest { QueueUrl = app.QueueUrl, AttributeNames = ["All"] });
                return attributes.ApproximateNumberOfMessages == 0 && attributes.ApproximateNumberOfMessagesNotVisible == 0;
            }, TimeSpan.FromSeconds(60), "the listener handled and deleted both messages");
        }

        (await MediaFlows.MediaEventsAsync(app.Database, Uploaded, uuid)).Should().Be(1);
        (await _client.AssetAsync(id, seller.Token)).Text("status").Should().Be("READY");

        // Delivery: CloudFront canned-policy URLs under the distribution, verified as CloudFront would.
        var verifier = app.Services.GetRequiredService<CloudFrontVerifier>();
        var url = new Uri(asset.Text("url"));
        url.AbsoluteUri.Should().StartWith(MediaS3App.DeliveryBase + "img/");
        var resource = url.GetLeftPart(UriPartial.Path);
        verifier.Verify(resource, url.Query, new Dictionary<string, string>(), null, DateTimeOffset.UtcNow).Should().Be(SignedBy.Url);
        var tampered = () => verifier.Verify(resource.Replace("/v1/", "/v2/", StringComparison.Ordinal), url.Query, new Dictionary<string, string>(), null, DateTimeOffset.UtcNow);
        tampered.Should().Throw<MediaException>().Which.Code.Should().Be("BAD_SIGNATURE");
        var late = () => verifier.Verify(resource, url.Query, new Dictionary<string, string>(), null, DateTimeOffset.UtcNow.AddDays(3));
        late.Should().Throw<MediaException>().Which.Code.Should().Be("POLICY_EXPIRED");
    }

    [Fact]
    public async Task Given_a_video_Then_presigned_parts_and_a_completion_with_their_etags_render_an_hls_ladder_in_the_bucket()
    {
        var seller = await _client.SellerStoreAsync(app);
        var clip = await TestClips.Mp4Async(960, 540, seconds: 2, audio: true);
        var created = await _client.NewUploadAsync(seller, "PRODUCT_VIDEO", "video/mp4", clip.Length);
        var upload = created["upload"]!;
        upload.Text("method").Should().Be("MULTIPART");
        upload["url"].Should().BeNull();
        var parts = await PutPartsAsync(upload, clip);

        var completed = await _client.CompleteAsync(seller.Token, created["asset"].Text("id"), parts);

        completed.Codes().Should().BeEmpty(completed.ToJsonString());
        var asset = await _client.WaitForStatusAsync(seller.Token, created["asset"].Text("id"), TimeSpan.FromSeconds(120), "READY", "FAILED");
        asset.Text("status").Should().Be("READY", asset.ToJsonString());
        asset["hls"]!["rungs"]!.AsArray().Select(r => r.Text("name")).Should().Equal("360p", "540p");
        asset["hls"].Text("masterPlaylistUrl").Should().StartWith(MediaS3App.DeliveryBase + "hls/").And.Contain("Policy=");
        asset["hls"]!["cookies"]!.AsArray().Select(c => c.Text("name")).Should().BeEquivalentTo("CloudFront-Policy", "CloudFront-Signature", "CloudFront-Key-Pair-Id");
        var uuid = MediaFlows.Uuid(asset.Text("id"));
        var keys = (await app.Client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = app.S3.RenditionsBucket, Prefix = $"hls/{uuid:N}/v1/" })).S3Objects.Select(o => o.Key).ToList();
        keys.Should().Contain($"hls/{uuid:N}/v1/master.m3u8").And.Contain(k => k.Contains("/540p/init", StringComparison.Ordinal)).And.Contain(k => k.Contains("/poster/w"));
        // moto announced the upload twice (Put and CompleteMultipartUpload), and the owner completed it: one version.
        (await MediaFlows.MediaEventsAsync(app.Database, Uploaded, uuid)).Should().Be(1);
    }

    [Fact]
    public async Task Given_parts_holding_more_than_declared_Then_too_large_the_upload_aborted_and_the_asset_failed()
    {
        var seller = await _client.SellerStoreAsync(app);
        var created = await _client.NewUploadAsync(seller, "PRODUCT_VIDEO", "video/mp4", 1000);
        var parts = await PutPartsAsync(created["upload"]!, new byte[4000]);

        var completed = await _client.CompleteAsync(seller.Token, created["asset"].Text("id"), parts);

        completed.Codes().Should().Equal("TOO_LARGE");
        var asset = await _client.AssetAsync(created["asset"].Text("id"), seller.Token);
        asset.Text("status").Should().Be("FAILED");
        var key = await MediaFlows.ScalarAsync<string>(app.Database, "SELECT raw_key FROM media.assets WHERE id = $1", MediaFlows.Uuid(created["asset"].Text("id")));
        (await app.Client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = app.S3.RawBucket, Prefix = key })).MultipartUploads.Should().BeNullOrEmpty();
        (await app.Client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = app.S3.RawBucket, Prefix = key })).S3Objects.Should().BeNullOrEmpty();
    }

    [Fact]
    public async Task Given_a_multipart_upload_never_completed_Then_it_expires_and_its_parts_are_aborted()
    {
        var seller = await _client.SellerStoreAsync(app);
        var created = await _client.NewUploadAsync(seller, "PRODUCT_VIDEO", "video/mp4", 5000);
        await PutPartsAsync(created["upload"]!, new byte[5000]);
        var id = MediaFlows.Uuid(created["asset"].Text("id"));
        var key = await MediaFlows.ScalarAsync<string>(app.Database, "SELECT raw_key FROM media.assets WHERE id = $1", id);
        (await app.Client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = app.S3.RawBucket, Prefix = key })).MultipartUploads.Should().ContainSingle();

        await MediaFlows.ExecuteAsync(app.Database, "UPDATE media.assets SET upload_expires_at = now() - interval '1 hour' WHERE id = $1", id);

        await _client.WaitForStatusAsync(seller.Token, created["asset"].Text("id"), TimeSpan.FromSeconds(30), "EXPIRED");
        (await app.Client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = app.S3.RawBucket, Prefix = key })).MultipartUploads.Should().BeNullOrEmpty();
    }

    /// <summary>PUTs the file's parts to their presigned URLs as a browser would; answers the parts for the completion.</summary>
    private async Task<object[]> PutPartsAsync(System.Text.Json.Nodes.JsonNode upload, byte[] file)
    {
        var partSize = upload["partSize"]!.GetValue<int>();
        var parts = new List<object>();
        foreach (var part in upload["parts"]!.AsArray())
        {
            var number = part!["partNumber"]!.GetValue<int>();
            var offset = (number - 1) * partSize;
            if (offset >= file.Length)
                break;
            using var body = new ByteArrayContent(file, offset, Math.Min(partSize, file.Length - offset));
            body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            using var response = await _browser.PutAsync(part.Text("url"), body);
            response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            parts.Add(new { partNumber = number, etag = response.Headers.ETag!.Tag });
        }

        // The declared size decides the plan: a file larger than declared still fits its one part URL here.
        if (parts.Count == 0)
            throw new InvalidOperationException("no part was uploaded");
        return [.. parts];
    }
}
