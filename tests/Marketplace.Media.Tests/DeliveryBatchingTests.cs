using Marketplace.Media.Tests.Support;

namespace Marketplace.Media.Tests;

/// <summary>Delivery URLs are resolved when read, one batched Media call per request however many references a page holds.</summary>
public sealed class DeliveryBatchingTests(MediaApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Given_a_page_of_20_products_with_images_and_the_store_logo_and_banner_Then_one_GetAssets_call_signs_them_all()
    {
        var seller = await _client.SellerStoreAsync(app);
        var images = new List<string>();
        for (var i = 0; i < 4; i++)
            images.Add((await _client.UploadAsync(seller, "PRODUCT_IMAGE", TestImages.Png(200 + (i * 10), 200), "image/png")).Text("id"));
        var logo = (await _client.UploadAsync(seller, "STORE_LOGO", TestImages.Png(180, 180), "image/png")).Text("id");
        var banner = (await _client.UploadAsync(seller, "STORE_BANNER", TestImages.Png(640, 200), "image/png")).Text("id");
        var update = (await _client.SendAsync("mutation($i: StoreUpdateInput!) { storeUpdate(input: $i) { userErrors { code } } }",
            new { i = new { id = seller.StoreId, logo, banner } }, seller.Token)).Data("storeUpdate");
        update.Codes().Should().BeEmpty();
        var category = (await _client.SendAsync("mutation($i: CategoryCreateInput!) { categoryCreate(input: $i) { category { id } } }",
            new { i = new { name = "Batch", slug = $"batch-{Guid.NewGuid():N}"[..30] } }, app.AdminToken())).Data("categoryCreate")["category"].Text("id");
        for (var n = 0; n < 20; n++)
        {
            var created = (await _client.SendAsync(
                "mutation($i: ProductCreateInput!) { productCreate(input: $i) { product { id } userErrors { field code message } } }",
                new
                {
                    i = new
                    {
                        storeId = seller.StoreId, title = $"Item {n}", description = "", categoryId = category, attributes = Array.Empty<object>(),
                        images = new[] { images[n % images.Count], "https://cdn.example.test/extra.jpg" }, options = Array.Empty<object>(),
                        variants = new[] { new { sku = $"B-{Guid.NewGuid():N}"[..20], price = "3.00", currencyCode = "EUR", optionValues = Array.Empty<object>() } },
                    },
                }, seller.Token)).Data("productCreate");
            created.Codes().Should().BeEmpty(created.ToJsonString());
        }

        var correlation = Guid.NewGuid().ToString("N");
        var store = (await _client.SendAsync(
            """
            query($id: ID!) { store(id: $id) {
              logo { url asset { placeholder } } banner { url }
              products(first: 20) { nodes { images { assetId url asset { renditions(format: AVIF) { width url } } } } } } }
            """, new { id = seller.StoreId }, seller.Token, correlation)).Data("store");

        app.MediaCalls!.Calls(correlation, "GetAssets").Should().Be(1, "24 references of 6 assets in one request cost one Media call");
        app.MediaCalls.Calls(correlation, "GetAsset").Should().Be(0);
        store["logo"].Text("url").Should().Contain("Signature=");
        store["banner"].Text("url").Should().Contain("Signature=");
        var products = store["products"]!["nodes"]!.AsArray();
        products.Should().HaveCount(20);
        foreach (var product in products)
        {
            var (asset, external) = (product!["images"]![0]!, product["images"]![1]!);
            asset.Text("url").Should().Contain("Signature=").And.Contain("/img/");
            asset["asset"]!["renditions"]!.AsArray().Should().NotBeEmpty().And.OnlyContain(r => r.Text("url").Contains(".avif?"));
            external.Text("url").Should().Be("https://cdn.example.test/extra.jpg");
            external["assetId"].Should().BeNull();
            external["asset"].Should().BeNull();
        }

        // The same URL for the same rendition across reads within the expiry bucket (an hour): cacheable by browsers.
        var again = (await _client.SendAsync("query($id: ID!) { store(id: $id) { logo { url } } }", new { id = seller.StoreId })).Data("store");
        static long Expires(string url) => long.Parse(System.Web.HttpUtility.ParseQueryString(new Uri(url).Query)["Expires"]!, System.Globalization.CultureInfo.InvariantCulture);
        var first = Expires(store["logo"].Text("url"));
        var second = Expires(again["logo"].Text("url"));
        (first % 3600).Should().Be(0, "expiry times are whole hours");
        if (second == first)
            again["logo"].Text("url").Should().Be(store["logo"].Text("url"));
        else
            second.Should().Be(first + 3600, "only when the two reads straddle the turn of an hour");
    }
}
