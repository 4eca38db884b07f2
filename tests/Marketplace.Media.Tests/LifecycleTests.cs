using System.Net;
using Marketplace.Media.Tests.Support;
using Marketplace.Modules.Media.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Media.Tests;

/// <summary>
/// Uploads never completed expire; assets nothing references are deleted after the grace period, with the references
/// fed by the Sellers and Catalog events. The suite's host sweeps every second; instead of waiting days, the tests move
/// the relevant instants into the past.
/// </summary>
public sealed class LifecycleTests(MediaApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Given_an_upload_never_completed_Then_it_expires_and_cannot_be_completed_any_more()
    {
        var seller = await _client.SellerStoreAsync(app);
        var id = (await _client.NewUploadAsync(seller, "STORE_LOGO", "image/png", 100))["asset"].Text("id");

        await Backdate("upload_expires_at", id, TimeSpan.FromHours(1));

        await _client.WaitForStatusAsync(seller.Token, id, TimeSpan.FromSeconds(30), "EXPIRED");
        (await _client.CompleteAsync(seller.Token, id)).Codes().Should().Equal("UPLOAD_EXPIRED");
    }

    [Fact]
    public async Task Given_a_logo_replaced_on_its_store_Then_the_old_asset_is_deleted_after_the_grace_period_and_the_shown_one_never()
    {
        var seller = await _client.SellerStoreAsync(app);
        var first = await _client.UploadAsync(seller, "STORE_LOGO", TestImages.Png(300, 300), "image/png");
        var second = await _client.UploadAsync(seller, "STORE_LOGO", TestImages.Png(200, 200), "image/png");
        await SetLogoAsync(seller, first.Text("id"));
        await Eventually.AssertAsync(async () => await ReferencesAsync(first.Text("id")) == 1, because: "store_media_changed.v1 reached Media");

        // Referenced: even with its clock far in the past, the sweep leaves it (the never-attached one, as old, goes).
        await Backdate("unreferenced_since", first.Text("id"), TimeSpan.FromDays(30));
        await Backdate("unreferenced_since", second.Text("id"), TimeSpan.FromDays(30));
        await Eventually.AssertAsync(async () => await StatusAsync(second.Text("id")) == "DELETED", TimeSpan.FromSeconds(30), "the never-attached asset is deleted");
        (await StatusAsync(first.Text("id"))).Should().Be("READY");

        // Replaced: no longer referenced, its grace period starts now (so it stays for now)...
        await SetLogoAsync(seller, "https://cdn.example.test/logo.png");
        await Eventually.AssertAsync(async () => await ReferencesAsync(first.Text("id")) == 0, because: "the new set reached Media");
        (await MediaFlows.ScalarAsync<DateTime?>(app.Database, "SELECT unreferenced_since FROM media.assets WHERE id = $1", MediaFlows.Uuid(first.Text("id"))))
            .Should().BeCloseTo(DateTime.UtcNow, TimeSpan.FromMinutes(1));
        // ...and when it has passed, everything of it goes: renditions, row status, URLs.
        await Backdate("unreferenced_since", first.Text("id"), TimeSpan.FromDays(8));
        await Eventually.AssertAsync(async () => await StatusAsync(first.Text("id")) == "DELETED", TimeSpan.FromSeconds(30));
        (await _client.AssetAsync(first.Text("id"), seller.Token)).Should().BeNull();
        var storage = app.Services.GetRequiredService<IMediaStorage>();
        (await storage.ListAsync(StorageArea.Renditions, $"img/{MediaFlows.Uuid(first.Text("id")):N}/", CancellationToken.None)).Should().BeEmpty();
        using var gone = await _client.DownloadAsync(first["renditions"]![0].Text("url"));
        gone.StatusCode.Should().Be(HttpStatusCode.NotFound, "a still-valid signature opens nothing once the file is deleted");
    }

    [Fact]
    public async Task Given_product_images_Then_catalog_events_keep_them_and_removing_them_starts_the_grace_period()
    {
        var seller = await _client.SellerStoreAsync(app);
        var image = await _client.UploadAsync(seller, "PRODUCT_IMAGE", TestImages.Jpeg(300, 300), "image/jpeg");
        var category = (await _client.SendAsync(
            "mutation($i: CategoryCreateInput!) { categoryCreate(input: $i) { category { id } } }",
            new { i = new { name = "Lifecycle", slug = $"life-{Guid.NewGuid():N}"[..30] } }, app.AdminToken())).Data("categoryCreate")["category"].Text("id");
        var created = (await _client.SendAsync(
            "mutation($i: ProductCreateInput!) { productCreate(input: $i) { product { id images { assetId url } } userErrors { field code message } } }",
            new
            {
                i = new
                {
                    storeId = seller.StoreId, title = "Vase", description = "", categoryId = category, attributes = Array.Empty<object>(), images = new[] { image.Text("id") },
                    options = Array.Empty<object>(), variants = new[] { new { sku = $"SKU-{Guid.NewGuid():N}"[..20], price = "9.00", currencyCode = "EUR", optionValues = Array.Empty<object>() } },
                },
            }, seller.Token)).Data("productCreate");
        created.Codes().Should().BeEmpty(created.ToJsonString());
        created["product"]!["images"]![0]!.Text("url").Should().Contain("Signature=");
        await Eventually.AssertAsync(async () => await ReferencesAsync(image.Text("id")) == 1, because: "product_media_changed.v1 reached Media");

        var updated = (await _client.SendAsync(
            "mutation($i: ProductUpdateInput!) { productUpdate(input: $i) { userErrors { code } } }",
            new { i = new { id = created["product"].Text("id"), images = Array.Empty<string>() } }, seller.Token)).Data("productUpdate");
        updated.Codes().Should().BeEmpty();

        await Eventually.AssertAsync(async () => await ReferencesAsync(image.Text("id")) == 0);
        await Backdate("unreferenced_since", image.Text("id"), TimeSpan.FromDays(8));
        await Eventually.AssertAsync(async () => await StatusAsync(image.Text("id")) == "DELETED", TimeSpan.FromSeconds(30));
    }

    private async Task SetLogoAsync(SellerStore seller, string logo)
    {
        var payload = (await _client.SendAsync(
            "mutation($i: StoreUpdateInput!) { storeUpdate(input: $i) { userErrors { code } } }", new { i = new { id = seller.StoreId, logo } }, seller.Token)).Data("storeUpdate");
        payload.Codes().Should().BeEmpty(payload.ToJsonString());
    }

    private Task<long> ReferencesAsync(string assetId) =>
        MediaFlows.ScalarAsync<long>(app.Database, "SELECT count(*) FROM media.asset_references WHERE asset_id = $1", MediaFlows.Uuid(assetId));

    private Task<string?> StatusAsync(string assetId) =>
        MediaFlows.ScalarAsync<string>(app.Database, "SELECT status FROM media.assets WHERE id = $1", MediaFlows.Uuid(assetId));

    private Task Backdate(string column, string assetId, TimeSpan by) =>
        MediaFlows.ExecuteAsync(app.Database, $"UPDATE media.assets SET {column} = now() - $2 WHERE id = $1", MediaFlows.Uuid(assetId), by);
}
