using Marketplace.Catalog.Tests.Support;

namespace Marketplace.Catalog.Tests;

/// <summary>Every change bumps the version once and writes its events with it; a request that changes nothing writes none.</summary>
public sealed class ChangesAndEventsTests(CatalogApp app)
{
    private static readonly object[] Sizes = [new { name = "Size", values = new[] { "S", "M", "L" } }];

    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Bulk_price_changes_publish_one_update_and_one_price_event_per_changed_variant()
    {
        var shop = await _client.SellerStoreAsync(app);
        var category = await _client.CategoryAsync(app);
        var product = await _client.ProductAsync(shop.Token, CatalogFlows.ProductInput(shop.StoreId, category,
            [CatalogFlows.Variant(CatalogFlows.NewSku(), "10", "EUR", null, ("Size", "S")), CatalogFlows.Variant(CatalogFlows.NewSku(), "12", "EUR", null, ("Size", "M")), CatalogFlows.Variant(CatalogFlows.NewSku(), "14", "EUR", null, ("Size", "L"))],
            Sizes));
        var id = product.Text("id");
        (await _client.PublishAsync(shop.Token, id)).Codes().Should().BeEmpty();
        var variants = product["variants"]!.AsArray();

        var changed = (await _client.SendAsync(CatalogFlows.BulkMutation, new
        {
            i = new
            {
                productId = id,
                variants = new object[]
                {
                    new { id = variants[0].Text("id"), price = "9.50", compareAtPrice = "10.00" },
                    new { id = variants[1].Text("id"), price = "12.00", barcode = "5601234567890" }, // same price: no price event
                },
            },
        }, shop.Token)).Data("productVariantsBulkUpdate");

        changed.Codes().Should().BeEmpty(changed.ToJsonString());
        changed["product"]!["version"]!.GetValue<int>().Should().Be(3);
        changed["product"]!["variants"]![0]!["compareAtPrice"]!.Text("amount").Should().Be("10.00");
        changed["product"]!["variants"]![1].Text("barcode").Should().Be("5601234567890");
        changed["product"]!["priceRange"]!["minVariantPrice"]!.Text("amount").Should().Be("9.50");
        var events = await CatalogFlows.EventsAsync(id);
        events.Select(e => e.Subject).Should().HaveCount(4).And.StartWith(["marketplace.catalog.product_updated.v1", "marketplace.catalog.product_published.v1"]);
        // The bulk update's two events share one transaction (their order within it is not defined).
        var update = events.Skip(2).Single(e => e.Subject == "marketplace.catalog.product_updated.v1").Payload;
        update["version"]!.GetValue<long>().Should().Be(3);
        update["status"]!.GetValue<string>().Should().Be("ACTIVE");
        var price = events.Skip(2).Single(e => e.Subject == "marketplace.catalog.variant_price_changed.v1").Payload;
        price["variantId"]!.GetValue<string>().Should().Be(CatalogFlows.LocalId(variants[0].Text("id")));
        price["oldPrice"]!.GetValue<decimal>().Should().Be(10m);
        price["newPrice"]!.GetValue<decimal>().Should().Be(9.5m);
        price["compareAtPrice"]!.GetValue<decimal>().Should().Be(10m);

        // The same request again changes nothing: same version, no event.
        var again = (await _client.SendAsync(CatalogFlows.BulkMutation, new { i = new { productId = id, variants = new[] { new { id = variants[0].Text("id"), price = "9.5" } } } }, shop.Token)).Data("productVariantsBulkUpdate");
        again["product"]!["version"]!.GetValue<int>().Should().Be(3);
        (await CatalogFlows.EventsAsync(id)).Should().HaveCount(4);

        // A refused change (compare-at below price, on the whole resulting set) changes nothing.
        var refused = (await _client.SendAsync(CatalogFlows.BulkMutation, new { i = new { productId = id, variants = new[] { new { id = variants[2].Text("id"), price = "20", compareAtPrice = "15" } } } }, shop.Token)).Data("productVariantsBulkUpdate");
        refused.Codes().Should().Equal("COMPARE_AT_NOT_ABOVE_PRICE");
        refused.Fields().Should().Equal("input.variants.0.compareAtPrice");
        (await CatalogFlows.EventsAsync(id)).Should().HaveCount(4);
    }

    [Fact]
    public async Task Update_replaces_options_and_variants_keeping_named_ones_and_swapping_SKUs()
    {
        var shop = await _client.SellerStoreAsync(app);
        var category = await _client.CategoryAsync(app);
        var (skuS, skuM) = (CatalogFlows.NewSku("S"), CatalogFlows.NewSku("M"));
        var product = await _client.ProductAsync(shop.Token, CatalogFlows.ProductInput(shop.StoreId, category,
            [CatalogFlows.Variant(skuS, "10", "EUR", null, ("Size", "S")), CatalogFlows.Variant(skuM, "12", "EUR", null, ("Size", "M"))],
            [new { name = "Size", values = new[] { "S", "M" } }]));
        var id = product.Text("id");
        var (small, medium) = (product["variants"]![0].Text("id"), product["variants"]![1].Text("id"));

        var onlyOptions = (await _client.SendAsync(CatalogFlows.UpdateMutation, new { i = new { id, options = Sizes } }, shop.Token)).Data("productUpdate");
        onlyOptions.Codes().Should().Equal("VARIANTS_REQUIRED");

        var skuL = CatalogFlows.NewSku("L");
        var updated = (await _client.SendAsync(CatalogFlows.UpdateMutation, new
        {
            i = new
            {
                id,
                title = "Renamed loaf",
                attributes = Array.Empty<object>(),
                options = Sizes,
                variants = new object[]
                {
                    new { id = medium, sku = skuS, price = "12", currencyCode = "EUR", optionValues = new[] { new { name = "Size", value = "M" } } },
                    new { id = small, sku = skuM, price = "11", currencyCode = "EUR", optionValues = new[] { new { name = "Size", value = "S" } } },
                    new { sku = skuL, price = "14", currencyCode = "EUR", optionValues = new[] { new { name = "Size", value = "L" } } },
                },
            },
        }, shop.Token)).Data("productUpdate");

        updated.Codes().Should().BeEmpty(updated.ToJsonString());
        var result = updated["product"]!;
        result.Text("title").Should().Be("Renamed loaf");
        result["attributes"]!.AsArray().Should().BeEmpty();
        result["version"]!.GetValue<int>().Should().Be(2);
        result["variants"]!.AsArray().Select(v => (v.Text("id"), v.Text("sku"))).Should().Equal((medium, skuS), (small, skuM), (result["variants"]![2].Text("id"), skuL));
        var events = await CatalogFlows.EventsAsync(id);
        events.Select(e => e.Subject).Should().HaveCount(3).And.StartWith("marketplace.catalog.product_updated.v1");
        events.Skip(1).Select(e => e.Subject).Should().BeEquivalentTo("marketplace.catalog.product_updated.v1", "marketplace.catalog.variant_price_changed.v1");
        events.Single(e => e.Subject == "marketplace.catalog.variant_price_changed.v1").Payload["variantId"]!.GetValue<string>().Should().Be(CatalogFlows.LocalId(small));

        // Leaving a variant out removes it.
        var trimmed = (await _client.SendAsync(CatalogFlows.UpdateMutation, new
        {
            i = new { id, variants = new object[] { new { id = small, sku = skuM, price = "11", currencyCode = "EUR", optionValues = new[] { new { name = "Size", value = "S" } } } } },
        }, shop.Token)).Data("productUpdate");
        trimmed["product"]!["variants"]!.AsArray().Select(v => v.Text("id")).Should().Equal(small);
        (await Gql.ScalarAsync<long>("SELECT count(*) FROM catalog.product_variants WHERE product_id = $1", Guid.Parse(CatalogFlows.LocalId(id)))).Should().Be(1);
    }

    [Fact]
    public async Task Archive_publishes_once_and_a_new_publish_brings_it_back()
    {
        var shop = await _client.SellerStoreAsync(app);
        var category = await _client.CategoryAsync(app);
        var id = (await _client.ProductAsync(shop.Token, CatalogFlows.ProductInput(shop.StoreId, category))).Text("id");

        var archived = (await _client.SendAsync(CatalogFlows.ArchiveMutation, new { id }, shop.Token)).Data("productArchive");
        var again = (await _client.SendAsync(CatalogFlows.ArchiveMutation, new { id }, shop.Token)).Data("productArchive");
        var republished = await _client.PublishAsync(shop.Token, id);

        archived["product"]!["version"]!.GetValue<int>().Should().Be(2);
        again["product"]!["version"]!.GetValue<int>().Should().Be(2);
        republished["product"].Text("status").Should().Be("ACTIVE");
        var events = await CatalogFlows.EventsAsync(id);
        events.Select(e => e.Subject).Should().Equal("marketplace.catalog.product_updated.v1", "marketplace.catalog.product_archived.v1", "marketplace.catalog.product_published.v1");
        events.Select(e => e.Payload["version"]!.GetValue<long>()).Should().Equal(1, 2, 3);
    }
}
