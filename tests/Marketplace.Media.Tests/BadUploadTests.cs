using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Marketplace.Media.Tests.Support;
using Marketplace.Modules.Media.Storage;
using Marketplace.Modules.Media.Uploads;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Media.Tests;

/// <summary>
/// Every kind of bad upload, through GraphQL and the upload endpoint: a clear code on the right field (or on the asset),
/// and nothing stored beyond the raw object, which is cleaned up.
/// </summary>
public sealed class BadUploadTests(MediaApp app)
{
    private const int LogoCap = 5 * 1024 * 1024;
    private readonly HttpClient _client = app.CreateClient();

    public static TheoryData<string, string, long, bool, string, string> BadRequests => new()
    {
        { "STORE_LOGO", "video/mp4", 1000, true, "contentType", "UNSUPPORTED_FORMAT" },
        { "PRODUCT_VIDEO", "image/jpeg", 1000, true, "contentType", "UNSUPPORTED_FORMAT" },
        { "PRODUCT_IMAGE", "text/html", 1000, true, "contentType", "UNSUPPORTED_FORMAT" },
        { "PRODUCT_IMAGE", "image/svg+xml", 1000, true, "contentType", "UNSUPPORTED_FORMAT" },
        { "PRODUCT_IMAGE", "", 1000, true, "contentType", "REQUIRED" },
        { "PRODUCT_IMAGE", "image/" + new string('x', 100), 1000, true, "contentType", "TOO_LONG" },
        { "STORE_LOGO", "image/png", LogoCap + 1, true, "byteSize", "TOO_LARGE" },
        { "STORE_BANNER", "image/png", 25 * 1024 * 1024 + 1, true, "byteSize", "TOO_LARGE" },
        { "PRODUCT_VIDEO", "video/mp4", 2_000_000_001, true, "byteSize", "TOO_LARGE" },
        { "PRODUCT_IMAGE", "image/png", 0, true, "byteSize", "TOO_SMALL" },
        { "PRODUCT_IMAGE", "image/png", -5, true, "byteSize", "TOO_SMALL" },
        { "STORE_LOGO", "image/png", 1000, false, "storeId", "REQUIRED" },
        { "PRODUCT_IMAGE", "image/png", 1000, false, "productId", "REQUIRED" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Given_a_type_size_or_target_outside_the_purposes_rule_Then_a_user_error_on_that_field_and_nothing_created(
        string purpose, string contentType, long byteSize, bool withStore, string field, string code)
    {
        var seller = await _client.SellerStoreAsync(app);

        var payload = await _client.CreateUploadAsync(seller.Token, purpose, contentType, byteSize, withStore ? seller.StoreId : null);

        payload["asset"].Should().BeNull();
        payload["upload"].Should().BeNull();
        payload["userErrors"]!.AsArray().Should().ContainSingle(e => e!["code"]!.GetValue<string>() == code && Path(e) == $"input.{field}", payload.ToJsonString());
        (await MediaFlows.ScalarAsync<long>(app.Database, "SELECT count(*) FROM media.assets WHERE owner_id = $1", Guid.Parse(seller.SellerId))).Should().Be(0);
    }

    [Fact]
    public async Task Given_another_sellers_store_or_product_Then_not_store_owner_or_not_product_owner()
    {
        var seller = await _client.SellerStoreAsync(app);
        var other = await _client.SellerStoreAsync(app);
        var product = await NewProductAsync(other);

        Codes(await _client.CreateUploadAsync(seller.Token, "STORE_LOGO", "image/png", 1000, other.StoreId)).Should().Equal("input.storeId:NOT_STORE_OWNER");
        Codes(await _client.CreateUploadAsync(seller.Token, "PRODUCT_IMAGE", "image/png", 1000, other.StoreId)).Should().Equal("input.storeId:NOT_STORE_OWNER");
        Codes(await _client.CreateUploadAsync(seller.Token, "PRODUCT_IMAGE", "image/png", 1000, productId: product)).Should().Equal("input.productId:NOT_PRODUCT_OWNER");
        Codes(await _client.CreateUploadAsync(seller.Token, "PRODUCT_VIDEO", "video/mp4", 1000, productId: product)).Should().Equal("input.productId:NOT_PRODUCT_OWNER");
        var unknownProduct = Convert.ToBase64String(Encoding.UTF8.GetBytes($"Product:{Guid.CreateVersion7()}"));
        Codes(await _client.CreateUploadAsync(seller.Token, "PRODUCT_IMAGE", "image/png", 1000, productId: unknownProduct)).Should().Equal("input.productId:NOT_PRODUCT_OWNER");
        Codes(await _client.CreateUploadAsync(seller.Token, "STORE_LOGO", "image/png", 1000, "not-an-id")).Should().Equal("input.storeId:INVALID_ID");
        Codes(await _client.CreateUploadAsync(seller.Token, "PRODUCT_IMAGE", "image/png", 1000, productId: seller.StoreId)).Should().Equal("input.productId:INVALID_ID");
        (await MediaFlows.ScalarAsync<long>(app.Database, "SELECT count(*) FROM media.assets WHERE owner_id = $1", Guid.Parse(seller.SellerId))).Should().Be(0);

        // Their own product is fine: the asset belongs to the product's store.
        var own = await NewProductAsync(seller);
        var created = await _client.CreateUploadAsync(seller.Token, "PRODUCT_IMAGE", "image/png", 1000, productId: own);
        created.Codes().Should().BeEmpty(created.ToJsonString());
        (await MediaFlows.ScalarAsync<Guid>(app.Database, "SELECT store_id FROM media.assets WHERE id = $1", MediaFlows.Uuid(created["asset"].Text("id")))).Should().Be(seller.StoreUuid);
    }

    [Fact]
    public async Task Given_a_buyer_or_nobody_Then_uploads_are_refused_top_level()
    {
        var seller = await _client.SellerStoreAsync(app);
        var buyer = await _client.BuyerAsync();
        var query = MediaFlows.CreateMutation;
        var input = new { i = new { purpose = "STORE_LOGO", contentType = "image/png", byteSize = 10, storeId = seller.StoreId } };

        (await _client.SendAsync(query, input, buyer)).ErrorCodes().Should().Contain("FORBIDDEN");
        (await _client.SendAsync(query, input)).ErrorCodes().Should().Contain("UNAUTHENTICATED");
    }

    [Fact]
    public async Task Given_a_seller_over_the_hourly_upload_budget_Then_rate_limited_with_the_wait()
    {
        var seller = await _client.SellerStoreAsync(app);
        for (var i = 0; i < 30; i++)
            (await _client.CreateUploadAsync(seller.Token, "PRODUCT_IMAGE", "image/png", 1000, seller.StoreId)).Codes().Should().BeEmpty();

        var refused = await _client.CreateUploadAsync(seller.Token, "PRODUCT_IMAGE", "image/png", 1000, seller.StoreId);

        var error = refused["userErrors"]!.AsArray().Should().ContainSingle().Subject!;
        error.Text("code").Should().Be("RATE_LIMITED");
        error["retryAfterSeconds"]!.GetValue<int>().Should().BeInRange(1, 3600);
        // Another seller is not affected.
        var other = await _client.SellerStoreAsync(app);
        (await _client.CreateUploadAsync(other.Token, "PRODUCT_IMAGE", "image/png", 1000, other.StoreId)).Codes().Should().BeEmpty();
    }

    [Fact]
    public async Task Given_forms_that_break_their_policy_Then_the_upload_endpoint_refuses_them_and_keeps_nothing()
    {
        var seller = await _client.SellerStoreAsync(app);
        var png = TestImages.Png(64, 64);
        var created = await _client.NewUploadAsync(seller, "STORE_LOGO", "image/png", png.Length);
        var upload = created["upload"]!;
        var key = upload["fields"]!.AsArray().Single(f => f.Text("name") == "key").Text("value");
        key.Should().StartWith("raw/").And.NotContain("secret").And.NotContain(".png");

        // Tampered policy: one character of the signed document changed.
        (await _client.PostFormAsync(upload, png, "image/png", (name, value) => name == "Policy" ? Flip(value) : value)).Should().Be((HttpStatusCode.Forbidden, "BAD_SIGNATURE"));
        // A field changed after signing: another key, another content type.
        (await _client.PostFormAsync(upload, png, "image/png", (name, value) => name == "key" ? value + "x" : value)).Should().Be((HttpStatusCode.BadRequest, "POLICY_VIOLATION"));
        (await _client.PostFormAsync(upload, png, "image/png", (name, value) => name == "Content-Type" ? "text/html" : value)).Should().Be((HttpStatusCode.BadRequest, "POLICY_VIOLATION"));
        // A file above the purpose's cap (the logo's 5 MiB) or empty.
        (await _client.PostFormAsync(upload, new byte[LogoCap + 1], "image/png")).Should().Be((HttpStatusCode.BadRequest, "TOO_LARGE"));
        (await _client.PostFormAsync(upload, [], "image/png")).Should().Be((HttpStatusCode.BadRequest, "TOO_SMALL"));

        // An expired form: the host's own signer, as of eleven minutes ago (forms live ten).
        var signer = app.Services.GetRequiredService<PostPolicySigner>();
        var old = signer.Create(new Uri(upload.Text("url")), new UploadFormRequest(key, "image/png", 1, LogoCap, TimeSpan.FromMinutes(10)), DateTimeOffset.UtcNow.AddMinutes(-11));
        var expired = new JsonObject
        {
            ["url"] = upload.Text("url"),
            ["fields"] = new JsonArray([.. old.Fields.Select(f => (JsonNode)new JsonObject { ["name"] = f.Key, ["value"] = f.Value })]),
        };
        (await _client.PostFormAsync(expired, png, "image/png")).Should().Be((HttpStatusCode.Forbidden, "POLICY_EXPIRED"));

        (await RawFileAsync(key)).Should().BeFalse("a refused form leaves nothing");
        (await _client.AssetAsync(created["asset"].Text("id"), seller.Token)).Text("status").Should().Be("PENDING");
        // The form itself still works.
        (await _client.PostFormAsync(upload, png, "image/png")).Status.Should().Be(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Given_too_many_uploads_from_one_address_Then_the_endpoint_answers_429_with_retry_after()
    {
        var seller = await _client.SellerStoreAsync(app);
        var upload = (await _client.NewUploadAsync(seller, "STORE_LOGO", "image/png", 100))["upload"]!;
        var ip = $"198.51.100.{Random.Shared.Next(1, 250)}";
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= MediaApp.UploadsPerIpPerMinute; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(upload.Text("url")).PathAndQuery) { Content = new MultipartFormDataContent() };
            request.Headers.Add(MediaApp.ClientIpHeader, ip);
            using var response = await _client.SendAsync(request);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                response.Headers.RetryAfter!.Delta!.Value.TotalSeconds.Should().BeInRange(1, 60);
                (await response.Content.ReadAsStringAsync()).Should().Contain("RATE_LIMITED");
            }
        }

        statuses.Take(MediaApp.UploadsPerIpPerMinute).Should().OnlyContain(s => s == HttpStatusCode.BadRequest, "within the budget each bad form is judged");
        statuses.Last().Should().Be(HttpStatusCode.TooManyRequests);
    }

    public static TheoryData<string, string, string, string> RefusedAtCompletion => new()
    {
        { "png bytes declared as jpeg", "PRODUCT_IMAGE", "image/jpeg", "CONTENT_TYPE_MISMATCH" },
        { "html declared as png", "PRODUCT_IMAGE", "image/png", "UNSUPPORTED_FORMAT" },
        { "a video declared as an image", "STORE_BANNER", "image/png", "UNSUPPORTED_FORMAT" },
        { "jpeg bytes declared as mp4", "PRODUCT_VIDEO", "video/mp4", "UNSUPPORTED_FORMAT" },
    };

    [Theory]
    [MemberData(nameof(RefusedAtCompletion))]
    public async Task Given_bytes_that_are_not_what_the_upload_declared_Then_the_asset_fails_with_the_reason_and_the_raw_object_is_deleted(
        string shape, string purpose, string declared, string code)
    {
        var seller = await _client.SellerStoreAsync(app);
        var bytes = shape switch
        {
            "png bytes declared as jpeg" => TestImages.Png(64, 64),
            "html declared as png" => Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>"),
            "a video declared as an image" => await TestClips.Mp4Async(160, 120, 1, audio: false),
            _ => TestImages.Jpeg(64, 64),
        };
        var created = await _client.NewUploadAsync(seller, purpose, declared, bytes.Length);
        var id = created["asset"].Text("id");
        (await _client.PostFormAsync(created["upload"]!, bytes, declared)).Status.Should().Be(HttpStatusCode.NoContent, "the form itself is in order");

        var completed = await _client.CompleteAsync(seller.Token, id);

        var error = completed["userErrors"]!.AsArray().Should().ContainSingle().Subject!;
        error.Text("code").Should().Be(code);
        Path(error).Should().Be("input.id");
        var asset = await _client.AssetAsync(id, seller.Token);
        asset.Text("status").Should().Be("FAILED");
        asset!["failure"].Text("code").Should().Be(code);
        await AssertNothingKeptAsync(id);
        (await MediaFlows.MediaEventsAsync(app.Database, "marketplace.media.asset_failed.v1", MediaFlows.Uuid(id))).Should().Be(1);
        (await MediaFlows.MediaEventsAsync(app.Database, "marketplace.media.asset_uploaded.v1", MediaFlows.Uuid(id))).Should().Be(0, "nothing was queued for rendering");
    }

    [Fact]
    public async Task Given_a_completion_before_the_bytes_Then_upload_missing_and_the_upload_stays_open()
    {
        var seller = await _client.SellerStoreAsync(app);
        var created = await _client.NewUploadAsync(seller, "STORE_LOGO", "image/png", 100);

        var completed = await _client.CompleteAsync(seller.Token, created["asset"].Text("id"));

        completed.Codes().Should().Equal("UPLOAD_MISSING");
        (await _client.AssetAsync(created["asset"].Text("id"), seller.Token)).Text("status").Should().Be("PENDING");
    }

    public static TheoryData<string, string, string, string> RefusedWhenRendered => new()
    {
        { "a pixel bomb (20000 x 20000 png)", "PRODUCT_IMAGE", "image/png", "TOO_MANY_PIXELS" },
        { "a truncated jpeg", "PRODUCT_IMAGE", "image/jpeg", "CORRUPT" },
        { "an mp4 with sound only", "PRODUCT_VIDEO", "video/mp4", "NO_VIDEO_STREAM" },
        { "a video over the duration cap", "PRODUCT_VIDEO", "video/mp4", "TOO_LONG" },
    };

    [Theory]
    [MemberData(nameof(RefusedWhenRendered))]
    public async Task Given_a_file_refused_while_rendering_Then_the_asset_fails_with_the_reason_and_nothing_is_kept(string shape, string purpose, string contentType, string code)
    {
        var seller = await _client.SellerStoreAsync(app);
        var bytes = shape switch
        {
            "a pixel bomb (20000 x 20000 png)" => TestImages.PixelBombPng(),
            "a truncated jpeg" => TestImages.Jpeg(1200, 900)[..20_000],
            "an mp4 with sound only" => await TestClips.AudioOnlyMp4Async(2),
            _ => await TestClips.Mp4Async(160, 120, seconds: 10, audio: false),
        };

        var asset = await _client.UploadAsync(seller, purpose, bytes, contentType);

        asset.Text("status").Should().Be("FAILED", asset.ToJsonString());
        asset["failure"].Text("code").Should().Be(code);
        asset["failure"].Text("message").Should().NotBeNullOrWhiteSpace();
        asset["renditions"]!.AsArray().Should().BeEmpty();
        await AssertNothingKeptAsync(asset.Text("id"));
        await Eventually.AssertAsync(async () => await MediaFlows.MediaEventsAsync(app.Database, "marketplace.media.asset_failed.v1", MediaFlows.Uuid(asset.Text("id"))) == 1);
    }

    private async Task AssertNothingKeptAsync(string assetGlobalId)
    {
        var id = MediaFlows.Uuid(assetGlobalId);
        var rawKey = await MediaFlows.ScalarAsync<string>(app.Database, "SELECT raw_key FROM media.assets WHERE id = $1", id);
        (await RawFileAsync(rawKey!)).Should().BeFalse("the raw object of a refused upload is deleted");
        var storage = app.Services.GetRequiredService<IMediaStorage>();
        (await storage.ListAsync(StorageArea.Renditions, $"img/{id:N}/", CancellationToken.None)).Should().BeEmpty();
        (await storage.ListAsync(StorageArea.Renditions, $"hls/{id:N}/", CancellationToken.None)).Should().BeEmpty();
    }

    private async Task<bool> RawFileAsync(string key) =>
        await app.Services.GetRequiredService<IMediaStorage>().HeadAsync(StorageArea.Raw, key, CancellationToken.None) is not null;

    private async Task<string> NewProductAsync(SellerStore seller)
    {
        var category = (await _client.SendAsync(
            "mutation($i: CategoryCreateInput!) { categoryCreate(input: $i) { category { id } userErrors { code } } }",
            new { i = new { name = "Media", slug = $"media-{Guid.NewGuid():N}"[..30] } }, app.AdminToken())).Data("categoryCreate")["category"].Text("id");
        var product = (await _client.SendAsync(
            "mutation($i: ProductCreateInput!) { productCreate(input: $i) { product { id } userErrors { field code message } } }",
            new
            {
                i = new
                {
                    storeId = seller.StoreId, title = "Lamp", description = "", categoryId = category, attributes = Array.Empty<object>(), images = Array.Empty<string>(),
                    options = Array.Empty<object>(), variants = new[] { new { sku = $"SKU-{Guid.NewGuid():N}"[..20], price = "10.00", currencyCode = "EUR", optionValues = Array.Empty<object>() } },
                },
            }, seller.Token)).Data("productCreate");
        product.Codes().Should().BeEmpty(product.ToJsonString());
        return product["product"].Text("id");
    }

    private static string Path(JsonNode? error) => string.Join('.', error!["field"]!.AsArray().Select(f => f!.GetValue<string>()));

    private static string[] Codes(JsonNode payload) =>
        payload["userErrors"]!.AsArray().Select(e => $"{Path(e)}:{e!["code"]!.GetValue<string>()}").ToArray();

    private static string Flip(string base64)
    {
        var chars = base64.ToCharArray();
        chars[10] = chars[10] == 'A' ? 'B' : 'A';
        return new string(chars);
    }
}
