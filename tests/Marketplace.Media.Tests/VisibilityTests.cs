using System.Net;
using Marketplace.Media.Tests.Support;

namespace Marketplace.Media.Tests;

/// <summary>Only an asset's seller sees it before it is READY (and its failure ever); READY assets are public, by signed URL.</summary>
public sealed class VisibilityTests(MediaApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Given_a_pending_upload_Then_only_its_seller_and_administrators_see_it()
    {
        var seller = await _client.SellerStoreAsync(app);
        var other = await _client.SellerStoreAsync(app);
        var buyer = await _client.BuyerAsync();
        var id = (await _client.NewUploadAsync(seller, "STORE_BANNER", "image/png", 1000))["asset"].Text("id");

        (await _client.AssetAsync(id, seller.Token)).Text("status").Should().Be("PENDING");
        (await _client.AssetAsync(id, app.AdminToken())).Text("status").Should().Be("PENDING");
        (await _client.AssetAsync(id, other.Token)).Should().BeNull();
        (await _client.AssetAsync(id, buyer)).Should().BeNull();
        (await _client.AssetAsync(id)).Should().BeNull();

        // node(id:) is the same door.
        var node = "query($id: ID!) { node(id: $id) { id ... on MediaAsset { status } } }";
        (await _client.SendAsync(node, new { id }, seller.Token)).Data("node").Text("status").Should().Be("PENDING");
        (await _client.SendAsync(node, new { id }, other.Token))["data"]!["node"].Should().BeNull();
        (await _client.SendAsync(node, new { id }))["data"]!["node"].Should().BeNull();
    }

    [Fact]
    public async Task Given_a_ready_asset_Then_anyone_reads_its_renditions_and_nobody_but_the_seller_its_failure()
    {
        var seller = await _client.SellerStoreAsync(app);
        var ready = await _client.UploadAsync(seller, "PRODUCT_IMAGE", TestImages.Jpeg(800, 600), "image/jpeg");

        var anonymous = await _client.AssetAsync(ready.Text("id"));
        anonymous.Text("status").Should().Be("READY");
        anonymous!["renditions"]!.AsArray().Should().HaveCount(6, "160, 320 and 640 px (never upscaled) in AVIF and WebP");
        anonymous["failure"].Should().BeNull();
        using (var response = await _client.DownloadAsync(anonymous["renditions"]![0].Text("url")))
            response.StatusCode.Should().Be(HttpStatusCode.OK);

        var truncated = TestImages.Jpeg(800, 600);
        var failed = await _client.UploadAsync(seller, "PRODUCT_IMAGE", truncated[..(truncated.Length / 2)], "image/jpeg");
        failed.Text("status").Should().Be("FAILED");
        failed["failure"].Text("code").Should().Be("CORRUPT");
        (await _client.AssetAsync(failed.Text("id"))).Should().BeNull("a failed upload is its seller's business");
        (await _client.AssetAsync(failed.Text("id"), (await _client.SellerStoreAsync(app)).Token)).Should().BeNull();
    }

    [Fact]
    public async Task Given_another_sellers_upload_Then_completing_it_is_asset_not_found()
    {
        var seller = await _client.SellerStoreAsync(app);
        var other = await _client.SellerStoreAsync(app);
        var created = await _client.NewUploadAsync(seller, "STORE_LOGO", "image/png", 1000);

        var completed = await _client.CompleteAsync(other.Token, created["asset"].Text("id"));

        completed["userErrors"]!.AsArray().Should().ContainSingle().Which!.Text("code").Should().Be("ASSET_NOT_FOUND");
        completed["userErrors"]![0]!["field"]!.AsArray().Select(f => f!.GetValue<string>()).Should().Equal("input", "id");
        (await _client.AssetAsync(created["asset"].Text("id"), seller.Token)).Text("status").Should().Be("PENDING");
    }

    [Fact]
    public async Task Given_a_store_logo_still_processing_or_pending_Then_its_url_is_null_and_the_asset_is_the_sellers_only()
    {
        var seller = await _client.SellerStoreAsync(app);
        var pending = (await _client.NewUploadAsync(seller, "STORE_LOGO", "image/png", 1000))["asset"].Text("id");
        var updated = (await _client.SendAsync(
            "mutation($i: StoreUpdateInput!) { storeUpdate(input: $i) { userErrors { code } } }", new { i = new { id = seller.StoreId, logo = pending } }, seller.Token)).Data("storeUpdate");
        updated.Codes().Should().BeEmpty();

        const string query = "query($id: ID!) { store(id: $id) { logo { assetId url asset { status } } } }";
        var public_ = (await _client.SendAsync(query, new { id = seller.StoreId })).Data("store")["logo"]!;
        public_.Text("assetId").Should().Be(MediaFlows.Uuid(pending).ToString());
        public_["url"].Should().BeNull();
        public_["asset"].Should().BeNull();
        var own = (await _client.SendAsync(query, new { id = seller.StoreId }, seller.Token)).Data("store")["logo"]!;
        own["url"].Should().BeNull();
        own["asset"].Text("status").Should().Be("PENDING");
    }
}
