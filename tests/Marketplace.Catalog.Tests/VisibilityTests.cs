using System.Text.Json.Nodes;
using Marketplace.Catalog.Tests.Support;

namespace Marketplace.Catalog.Tests;

/// <summary>Buyers and visitors see ACTIVE products of ACTIVE stores; the store's seller and administrators see any status.</summary>
public sealed class VisibilityTests(CatalogApp app)
{
    private const string ById = "query($id: ID!) { product(id: $id) { id status } }";
    private const string ByNode = "query($id: ID!) { node(id: $id) { id ... on Product { status } } }";
    private const string BySku = "query($s: ID!, $k: String!) { productVariantBySku(storeId: $s, sku: $k) { sku } }";
    private const string VariantByNode = "query($id: ID!) { node(id: $id) { __typename id ... on ProductVariant { sku price { amount } product { id status } } } }";
    private const string StoreProducts = "query($slug: String!, $status: ProductStatus, $first: Int, $after: String) { store(slug: $slug) { products(status: $status, first: $first, after: $after) { totalCount nodes { id status } pageInfo { hasNextPage endCursor } } } }";

    private readonly HttpClient _client = app.CreateClient();

    private async Task<bool> SeesAsync(string query, object variables, string? token, string field) =>
        (await _client.SendAsync(query, variables, token))["data"]?[field] is JsonObject;

    [Fact]
    public async Task Drafts_and_archived_products_are_hidden_from_everyone_but_their_seller_and_administrators()
    {
        var shop = await _client.SellerStoreAsync(app);
        var (otherSeller, _) = await _client.SellerAsync(app);
        var buyer = await _client.BuyerAsync();
        var admin = app.AdminToken();
        var category = await _client.CategoryAsync(app);
        var sku = CatalogFlows.NewSku();
        var product = await _client.ProductAsync(shop.Token, CatalogFlows.ProductInput(shop.StoreId, category, [CatalogFlows.Variant(sku, "2.50")]));
        var id = product.Text("id");
        var byId = new { id };
        var bySku = new { s = shop.StoreId, k = sku };
        var variantId = product["variants"]![0].Text("id");
        var byVariant = new { id = variantId };

        foreach (var outsider in new[] { null, buyer, otherSeller })
        {
            (await SeesAsync(ById, byId, outsider, "product")).Should().BeFalse();
            (await SeesAsync(ByNode, byId, outsider, "node")).Should().BeFalse();
            (await SeesAsync(BySku, bySku, outsider, "productVariantBySku")).Should().BeFalse();
            (await SeesAsync(VariantByNode, byVariant, outsider, "node")).Should().BeFalse("a variant is seen by whoever may see its product");
        }

        foreach (var insider in new[] { shop.Token, admin })
        {
            (await SeesAsync(ById, byId, insider, "product")).Should().BeTrue();
            (await SeesAsync(ByNode, byId, insider, "node")).Should().BeTrue();
            (await SeesAsync(BySku, bySku, insider, "productVariantBySku")).Should().BeTrue();
            (await SeesAsync(VariantByNode, byVariant, insider, "node")).Should().BeTrue();
        }

        (await _client.PublishAsync(shop.Token, id)).Codes().Should().BeEmpty();
        foreach (var anyone in new[] { null, buyer, otherSeller })
        {
            (await SeesAsync(ById, byId, anyone, "product")).Should().BeTrue();
            (await SeesAsync(BySku, bySku, anyone, "productVariantBySku")).Should().BeTrue();
            (await SeesAsync(VariantByNode, byVariant, anyone, "node")).Should().BeTrue();
        }

        // node(id:) refetches the variant as productVariantBySku and product.variants show it.
        var refetched = (await _client.SendAsync(VariantByNode, byVariant)).Data("node");
        refetched.Text("__typename").Should().Be("ProductVariant");
        refetched.Text("id").Should().Be(variantId);
        refetched.Text("sku").Should().Be(sku);
        refetched["price"].Text("amount").Should().Be("2.50");
        refetched["product"].Text("id").Should().Be(id);

        (await _client.SendAsync(CatalogFlows.ArchiveMutation, new { id }, shop.Token)).Data("productArchive")["product"].Text("status").Should().Be("ARCHIVED");
        (await SeesAsync(ById, byId, buyer, "product")).Should().BeFalse();
        (await SeesAsync(VariantByNode, byVariant, buyer, "node")).Should().BeFalse();
        (await SeesAsync(ById, byId, shop.Token, "product")).Should().BeTrue();
    }

    [Fact]
    public async Task Lookups_refuse_malformed_or_foreign_ids_and_answer_null_for_unknown_ones()
    {
        var shop = await _client.SellerStoreAsync(app);
        var unknownProduct = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"Product:{Guid.NewGuid()}"));

        foreach (var (query, variables, field) in new (string, object, string)[]
        {
            (ById, new { id = "not-an-id" }, "id"),
            (ById, new { id = shop.StoreId }, "id"),
            (BySku, new { s = unknownProduct, k = "SKU" }, "storeId"),
        })
        {
            var body = await _client.SendAsync(query, variables);
            body.ErrorCodes().Should().Equal("BAD_USER_INPUT");
            var violation = body["errors"]![0]!["extensions"]!["fieldViolations"]![0]!;
            (violation.Text("field"), violation.Text("code")).Should().Be((field, "INVALID_ID"), body.ToJsonString());
        }

        var missing = await _client.SendAsync(ById, new { id = unknownProduct });
        missing["errors"].Should().BeNull(missing.ToJsonString());
        missing["data"]!["product"].Should().BeNull();
    }

    [Fact]
    public async Task An_active_product_of_a_store_that_is_not_active_is_hidden_from_buyers()
    {
        var shop = await _client.SellerStoreAsync(app);
        var buyer = await _client.BuyerAsync();
        var category = await _client.CategoryAsync(app);
        var product = await _client.ProductAsync(shop.Token, CatalogFlows.ProductInput(shop.StoreId, category));
        (await _client.PublishAsync(shop.Token, product.Text("id"))).Codes().Should().BeEmpty();
        (await SeesAsync(ById, new { id = product.Text("id") }, buyer, "product")).Should().BeTrue();

        (await Gql.ScalarAsync<int>("UPDATE sellers.stores SET status = 'SUSPENDED' WHERE id = $1 RETURNING 1", shop.StoreLocalId)).Should().Be(1);

        (await SeesAsync(ById, new { id = product.Text("id") }, buyer, "product")).Should().BeFalse();
        (await SeesAsync(ById, new { id = product.Text("id") }, shop.Token, "product")).Should().BeTrue();
        var mine = (await _client.SendAsync(StoreProducts, new { slug = shop.Slug }, shop.Token)).Data("store")["products"]!;
        mine["totalCount"]!.GetValue<int>().Should().Be(1);
    }

    [Fact]
    public async Task Store_products_pages_newest_first_without_gaps_and_shows_buyers_active_ones_only()
    {
        var shop = await _client.SellerStoreAsync(app);
        var buyer = await _client.BuyerAsync();
        var category = await _client.CategoryAsync(app);
        var ids = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            var product = await _client.ProductAsync(shop.Token, CatalogFlows.ProductInput(shop.StoreId, category, title: $"Item {i}"));
            ids.Add(product.Text("id"));
            if (i % 2 == 0)
                (await _client.PublishAsync(shop.Token, product.Text("id"))).Codes().Should().BeEmpty();
        }

        ids.Reverse();
        var seen = new List<string>();
        string? after = null;
        do
        {
            var page = (await _client.SendAsync(StoreProducts, new { slug = shop.Slug, first = 3, after }, shop.Token)).Data("store")["products"]!;
            page["totalCount"]!.GetValue<int>().Should().Be(7);
            seen.AddRange(page["nodes"]!.AsArray().Select(n => n.Text("id")));
            after = page["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? page["pageInfo"].Text("endCursor") : null;
        }
        while (after is not null);
        seen.Should().Equal(ids);

        var drafts = (await _client.SendAsync(StoreProducts, new { slug = shop.Slug, status = "DRAFT" }, shop.Token)).Data("store")["products"]!;
        drafts["nodes"]!.AsArray().Should().HaveCount(3).And.OnlyContain(n => n.Text("status") == "DRAFT");

        var forBuyer = (await _client.SendAsync(StoreProducts, new { slug = shop.Slug }, buyer)).Data("store")["products"]!;
        forBuyer["totalCount"]!.GetValue<int>().Should().Be(4);
        forBuyer["nodes"]!.AsArray().Should().OnlyContain(n => n.Text("status") == "ACTIVE");
        var buyerDrafts = (await _client.SendAsync(StoreProducts, new { slug = shop.Slug, status = "DRAFT" }, buyer)).Data("store")["products"]!;
        buyerDrafts["nodes"]!.AsArray().Should().BeEmpty();

        var countOnly = (await _client.SendAsync(StoreProducts, new { slug = shop.Slug, first = 0 }, shop.Token)).Data("store")["products"]!;
        countOnly["totalCount"]!.GetValue<int>().Should().Be(7);
        countOnly["nodes"]!.AsArray().Should().BeEmpty("first: 0 is an empty page");
        countOnly["pageInfo"]!["hasNextPage"]!.GetValue<bool>().Should().BeTrue();

        var tooMany = await _client.SendAsync(StoreProducts, new { slug = shop.Slug, first = 101 });
        tooMany.ErrorCodes().Should().Contain("BAD_USER_INPUT");
    }
}
