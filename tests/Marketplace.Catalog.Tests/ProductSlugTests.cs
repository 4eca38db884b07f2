using Microsoft.Extensions.DependencyInjection;
using System.Text.RegularExpressions;
using Marketplace.Catalog.Tests.Support;
using Marketplace.Testing;

namespace Marketplace.Catalog.Tests;

/// <summary>Product slugs and <c>product(slug:)</c>, through GraphQL: the same visibility as by id, the conventions' argument rule.</summary>
public sealed partial class ProductSlugTests(CatalogApp app)
{
    private const string BySlug = "query($slug: String) { product(slug: $slug) { id slug title status } }";

    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task A_product_is_found_by_its_slug_under_the_same_rule_as_by_id()
    {
        var shop = await _client.SellerStoreAsync(app);
        var category = await _client.CategoryAsync(app);
        var listed = await _client.ListedAsync(shop.Token, shop.StoreId, category, "Crème brûlée set");
        var draft = await _client.ProductAsync(shop.Token, CatalogFlows.ProductInput(shop.StoreId, category, title: "Crème brûlée set"));
        var slug = (await _client.SendAsync("query($id: ID!) { product(id: $id) { slug } }", new { id = listed.Id })).Data("product").Text("slug");
        var draftSlug = draft.Text("id") is { } draftId
            ? (await _client.SendAsync("query($id: ID!) { product(id: $id) { slug } }", new { id = draftId }, shop.Token)).Data("product").Text("slug")
            : "";

        slug.Should().MatchRegex(SlugShape(), "the title's words transliterated, then 12 characters of the id");
        draftSlug.Should().NotBe(slug, "the same title still gives each product its own slug");
        (await _client.SendAsync(BySlug, new { slug })).Data("product").Text("id").Should().Be(listed.Id);
        (await _client.SendAsync(BySlug, new { slug = slug.ToUpperInvariant() })).Data("product").Text("id").Should().Be(listed.Id, "slugs are case-insensitive");
        Product(await _client.SendAsync(BySlug, new { slug = draftSlug })).Should().BeNull("a draft is hidden from visitors, by slug as by id");
        (await _client.SendAsync(BySlug, new { slug = draftSlug }, shop.Token)).Data("product").Text("status").Should().Be("DRAFT", "its seller sees it");
        Product(await _client.SendAsync(BySlug, new { slug = "no-such-product-00000000" })).Should().BeNull();
        Product(await _client.SendAsync(BySlug, new { slug = "not a slug!" })).Should().BeNull();
    }

    [Fact]
    public async Task Search_results_carry_the_slug_without_another_call()
    {
        var shop = await _client.SellerStoreAsync(app);
        var category = await _client.CategoryAsync(app);
        var listed = await _client.ListedAsync(shop.Token, shop.StoreId, category, "Walnut board");
        var (lat, lon) = await SearchFlows.StoreLocationAsync(shop.StoreLocalId);
        var slug = (await _client.SendAsync("query($id: ID!) { product(id: $id) { slug } }", new { id = listed.Id })).Data("product").Text("slug");
        const string Near = "query($lat: Float!, $lon: Float!) { productsNear(location: { latitude: $lat, longitude: $lon }, radiusKm: 1) { nodes { id slug } } }";

        var body = await Eventually.ReturnsAsync(
            async () => await _client.SendAsync(Near, new { lat, lon }),
            b => b?["errors"] is null && b!.Data("productsNear")["nodes"]!.AsArray().Count == 1,
            TimeSpan.FromSeconds(20),
            "the product is searchable");

        body.Data("productsNear")["nodes"]![0].Text("slug").Should().Be(slug);
    }

    [Fact]
    public async Task Product_takes_exactly_one_of_id_and_slug()
    {
        var both = await _client.SendAsync("query { product(id: \"UHJvZHVjdDoxMjM=\", slug: \"x\") { id } }");
        var neither = await _client.SendAsync("query { product { id } }");

        both.ErrorCodes().Should().Contain("BAD_USER_INPUT");
        neither.ErrorCodes().Should().Contain("BAD_USER_INPUT");
    }

    /// <summary>
    /// A new product's slug ends in 12 random hex digits of its id; should another product already have that slug (two
    /// products of one title meeting the same digits), the whole id is the suffix instead — unique as the id is. The new
    /// product here is given the id and title of an existing one, so its short slug is taken.
    /// </summary>
    [Fact]
    public async Task A_slug_that_is_taken_gets_the_whole_id_instead()
    {
        var shop = await _client.SellerStoreAsync(app);
        var category = await _client.CategoryAsync(app);
        var listed = await _client.ListedAsync(shop.Token, shop.StoreId, category, "Twin lamp");
        var id = Guid.Parse(CatalogFlows.LocalId(listed.Id));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Marketplace.Modules.Catalog.Persistence.CatalogDbContext>();

        var taken = Marketplace.Modules.Catalog.Products.ProductSlugs.For("Twin lamp", id);
        (await Gql.ScalarAsync<string>("SELECT slug FROM catalog.products WHERE id = $1", id)).Should().Be(taken);
        (await Marketplace.Modules.Catalog.Products.ProductSlugs.FreeAsync(db, "Twin lamp", id, CancellationToken.None))
            .Should().Be($"twin-lamp-{id:N}", "the short slug is taken, the whole id is not");
        (await Marketplace.Modules.Catalog.Products.ProductSlugs.FreeAsync(db, "Twin lamp", Guid.CreateVersion7(), CancellationToken.None))
            .Should().MatchRegex("^twin-lamp-[0-9a-f]{12}$", "a free short slug is kept");
        Marketplace.Modules.Catalog.Products.ProductSlugs.For(new string('x', 200), id, wholeId: true).Length
            .Should().Be(Marketplace.Modules.Catalog.Products.ProductSlugs.MaxLength, "long titles are cut to leave room for the whole id");
    }

    /// <summary>data.product of an answer without errors (null when none).</summary>
    private static System.Text.Json.Nodes.JsonNode? Product(System.Text.Json.Nodes.JsonNode body)
    {
        body["errors"].Should().BeNull(body.ToJsonString());
        return body["data"]!["product"];
    }

    [GeneratedRegex("^creme-brulee-set-[0-9a-f]{12}$")]
    private static partial Regex SlugShape();
}
