using Marketplace.Catalog.Tests.Support;

namespace Marketplace.Catalog.Tests;

public sealed class CreateAndPublishTests(CatalogApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Seller_creates_a_draft_with_variants_and_publishes_it_with_one_event_each()
    {
        var shop = await _client.SellerStoreAsync(app);
        var category = await _client.CategoryAsync(app);
        var options = new object[] { new { name = "Size", values = new[] { "Small", "Large" } } };
        var variants = new[]
        {
            CatalogFlows.Variant(CatalogFlows.NewSku(), "4.50", "EUR", "5.00", ("Size", "Small")),
            CatalogFlows.Variant(CatalogFlows.NewSku(), "7", "EUR", null, ("size", "large")),
        };

        var product = await _client.ProductAsync(shop.Token, CatalogFlows.ProductInput(shop.StoreId, category, variants, options));

        product.Text("status").Should().Be("DRAFT");
        product["version"]!.GetValue<int>().Should().Be(1);
        product["variants"]![1]!["selectedOptions"]![0]!.Text("value").Should().Be("Large", "option values are matched case-insensitively and stored as the option spells them");
        product["variants"]![0]!["price"]!.Text("amount").Should().Be("4.50");
        product["variants"]![1]!["price"]!.Text("amount").Should().Be("7.00");
        product["priceRange"]!["maxVariantPrice"]!.Text("amount").Should().Be("7.00");
        product["images"]![0]!.Text("url").Should().Be("https://images.example.test/loaf.jpg");
        product["category"]!.Text("id").Should().Be(category);

        var published = await _client.PublishAsync(shop.Token, product.Text("id"));
        published.Codes().Should().BeEmpty(published.ToJsonString());
        published["product"]!.Text("status").Should().Be("ACTIVE");
        published["product"]!["version"]!.GetValue<int>().Should().Be(2);

        var events = await CatalogFlows.EventsAsync(product.Text("id"));
        events.Select(e => e.Subject).Should().Equal("marketplace.catalog.product_updated.v1", "marketplace.catalog.product_published.v1");
        events[1].Payload["version"]!.GetValue<long>().Should().Be(2);
        events[1].Payload["minPrice"]!.GetValue<decimal>().Should().Be(4.5m);
        events[1].Payload["currency"]!.GetValue<string>().Should().Be("EUR");

        // Publishing again changes nothing and publishes nothing.
        (await _client.PublishAsync(shop.Token, product.Text("id")))["product"]!["version"]!.GetValue<int>().Should().Be(2);
        (await CatalogFlows.EventsAsync(product.Text("id"))).Should().HaveCount(2);

        // Anyone sees it now, with its store.
        var seen = (await _client.SendAsync("query($id: ID!) { product(id: $id) { title status store { slug } } }", new { id = product.Text("id") })).Data("product");
        seen["store"].Text("slug").Should().Be(shop.Slug);
    }
}
