using System.Net;
using Marketplace.Media.Tests.Support;
using Marketplace.Modules.Media.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Media.Tests;

/// <summary>
/// Completion is idempotent per object version: the owner's call, repeated or concurrent, and the upload endpoint's own
/// intake (the local stand-in for the S3 event) start processing once; a corrected file sent with the same form after a
/// refusal is the next version.
/// </summary>
public sealed class IdempotencyTests(MediaApp app)
{
    private const string Uploaded = "marketplace.media.asset_uploaded.v1";
    private const string Ready = "marketplace.media.asset_ready.v1";
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Given_many_completions_at_once_and_repeated_Then_one_version_is_rendered_once()
    {
        var seller = await _client.SellerStoreAsync(app);
        var png = TestImages.Png(400, 300);
        var created = await _client.NewUploadAsync(seller, "PRODUCT_IMAGE", "image/png", png.Length);
        var id = created["asset"].Text("id");
        (await _client.PostFormAsync(created["upload"]!, png, "image/png")).Status.Should().Be(HttpStatusCode.NoContent);

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => _client.CompleteAsync(seller.Token, id)));
        answers.Should().OnlyContain(a => a["userErrors"]!.AsArray().Count == 0, "a repeated completion is not an error");
        await _client.WaitForStatusAsync(seller.Token, id, null, "READY");
        (await _client.CompleteAsync(seller.Token, id)).Codes().Should().BeEmpty();
        var uuid = MediaFlows.Uuid(id);

        (await MediaFlows.MediaEventsAsync(app.Database, Uploaded, uuid)).Should().Be(1);
        (await MediaFlows.MediaEventsAsync(app.Database, Ready, uuid)).Should().Be(1);
        (await MediaFlows.ScalarAsync<int>(app.Database, "SELECT version FROM media.assets WHERE id = $1", uuid)).Should().Be(1);
        (await MediaFlows.ScalarAsync<int>(app.Database, "SELECT attempts FROM media.assets WHERE id = $1", uuid)).Should().Be(1, "rendered by one job run");
    }

    [Fact]
    public async Task Given_another_file_sent_with_the_form_of_a_ready_asset_Then_it_is_deleted_and_the_asset_stays_as_it_was()
    {
        var seller = await _client.SellerStoreAsync(app);
        var png = TestImages.Png(400, 300);
        var created = await _client.NewUploadAsync(seller, "PRODUCT_IMAGE", "image/png", png.Length);
        var id = created["asset"].Text("id");
        (await _client.PostFormAsync(created["upload"]!, png, "image/png")).Status.Should().Be(HttpStatusCode.NoContent);
        (await _client.CompleteAsync(seller.Token, id)).Codes().Should().BeEmpty();
        var ready = await _client.WaitForStatusAsync(seller.Token, id, null, "READY");

        var other = TestImages.Png(500, 500);
        (await _client.PostFormAsync(created["upload"]!, other, "image/png")).Status.Should().Be(HttpStatusCode.NoContent);
        var completed = await _client.CompleteAsync(seller.Token, id);

        var after = await _client.AssetAsync(id, seller.Token);
        after.Text("status").Should().Be("READY");
        after!["width"]!.GetValue<int>().Should().Be(ready["width"]!.GetValue<int>());
        (await MediaFlows.MediaEventsAsync(app.Database, Uploaded, MediaFlows.Uuid(id))).Should().Be(1);
        var rawKey = await MediaFlows.ScalarAsync<string>(app.Database, "SELECT raw_key FROM media.assets WHERE id = $1", MediaFlows.Uuid(id));
        (await app.Services.GetRequiredService<IMediaStorage>().HeadAsync(StorageArea.Raw, rawKey!, CancellationToken.None)).Should().BeNull("the second file was deleted");
        completed.Codes().Should().BeEmpty("by the time the owner completes, the intake has already refused and deleted it");
    }

    [Fact]
    public async Task Given_a_refused_file_and_then_a_corrected_one_with_the_same_form_Then_the_corrected_one_is_the_next_version()
    {
        var seller = await _client.SellerStoreAsync(app);
        var good = TestImages.Jpeg(640, 480);
        var created = await _client.NewUploadAsync(seller, "PRODUCT_IMAGE", "image/jpeg", good.Length);
        var id = created["asset"].Text("id");

        (await _client.PostFormAsync(created["upload"]!, TestImages.Png(64, 64), "image/jpeg")).Status.Should().Be(HttpStatusCode.NoContent);
        (await _client.CompleteAsync(seller.Token, id)).Codes().Should().Equal("CONTENT_TYPE_MISMATCH");
        (await _client.PostFormAsync(created["upload"]!, good, "image/jpeg")).Status.Should().Be(HttpStatusCode.NoContent);
        (await _client.CompleteAsync(seller.Token, id)).Codes().Should().BeEmpty();

        var asset = await _client.WaitForStatusAsync(seller.Token, id, null, "READY");
        asset["failure"].Should().BeNull();
        asset["renditions"]!.AsArray().Should().OnlyContain(r => r.Text("url").Contains("/v1/"), "the refused file was never rendered: version 1 is the first accepted");
        (await MediaFlows.ScalarAsync<int>(app.Database, "SELECT version FROM media.assets WHERE id = $1", MediaFlows.Uuid(id))).Should().Be(1);
    }
}
