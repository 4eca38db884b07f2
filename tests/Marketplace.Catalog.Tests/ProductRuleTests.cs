using Marketplace.Catalog.Tests.Support;

namespace Marketplace.Catalog.Tests;

/// <summary>Options, variants and money: every refusal is a field-level user error and stores nothing.</summary>
public sealed class ProductRuleTests(CatalogApp app)
{
    private static readonly object[] SizeAndColour =
    [
        new { name = "Size", values = new[] { "S", "M" } },
        new { name = "Colour", values = new[] { "Red", "Blue" } },
    ];

    private readonly HttpClient _client = app.CreateClient();

    private async Task<(SellerStore Shop, string Category)> ShopAsync() => (await _client.SellerStoreAsync(app), await _client.CategoryAsync(app));

    private static Task<long> ProductsOf(SellerStore shop) => Gql.ScalarAsync<long>("SELECT count(*) FROM catalog.products WHERE store_id = $1", shop.StoreLocalId);

    public static TheoryData<string, object[], string, string> VariantCases => new()
    {
        { "missing option value", [CatalogFlows.Variant("A1", "1", "EUR", null, ("Size", "S"))], "variants.0.optionValues", "MISSING_OPTION_VALUE" },
        { "unknown option value", [CatalogFlows.Variant("A1", "1", "EUR", null, ("Size", "XL"), ("Colour", "Red"))], "variants.0.optionValues.0.value", "UNKNOWN_OPTION_VALUE" },
        { "unknown option", [CatalogFlows.Variant("A1", "1", "EUR", null, ("Size", "S"), ("Colour", "Red"), ("Fabric", "Silk"))], "variants.0.optionValues.2.name", "UNKNOWN_OPTION" },
        { "option given twice", [CatalogFlows.Variant("A1", "1", "EUR", null, ("Size", "S"), ("size", "M"), ("Colour", "Red"))], "variants.0.optionValues.1.name", "DUPLICATE_OPTION" },
        {
            "duplicate combination",
            [CatalogFlows.Variant("A1", "1", "EUR", null, ("Size", "S"), ("Colour", "Red")), CatalogFlows.Variant("A2", "1", "EUR", null, ("Colour", "red"), ("Size", "s"))],
            "variants.1", "DUPLICATE_VARIANT"
        },
        {
            "duplicate SKU in the product",
            [CatalogFlows.Variant("A1", "1", "EUR", null, ("Size", "S"), ("Colour", "Red")), CatalogFlows.Variant("a1", "1", "EUR", null, ("Size", "M"), ("Colour", "Red"))],
            "variants.1.sku", "DUPLICATE_SKU"
        },
        {
            "two currencies",
            [CatalogFlows.Variant("A1", "1", "EUR", null, ("Size", "S"), ("Colour", "Red")), CatalogFlows.Variant("A2", "1", "USD", null, ("Size", "M"), ("Colour", "Red"))],
            "variants.1.currencyCode", "CURRENCY_MISMATCH"
        },
        { "compare-at not above price", [CatalogFlows.Variant("A1", "5.00", "EUR", "5", ("Size", "S"), ("Colour", "Red"))], "variants.0.compareAtPrice", "COMPARE_AT_NOT_ABOVE_PRICE" },
        { "negative price", [CatalogFlows.Variant("A1", "-0.01", "EUR", null, ("Size", "S"), ("Colour", "Red"))], "variants.0.price", "NEGATIVE_PRICE" },
        { "more decimals than EUR has", [CatalogFlows.Variant("A1", "4.505", "EUR", null, ("Size", "S"), ("Colour", "Red"))], "variants.0.price", "TOO_MANY_DECIMALS" },
        { "decimals in JPY", [CatalogFlows.Variant("A1", "1200.5", "JPY", null, ("Size", "S"), ("Colour", "Red"))], "variants.0.price", "TOO_MANY_DECIMALS" },
        { "unknown currency", [CatalogFlows.Variant("A1", "1", "XXX", null, ("Size", "S"), ("Colour", "Red"))], "variants.0.currencyCode", "INVALID_CURRENCY" },
        { "absurd price", [CatalogFlows.Variant("A1", "99999999999", "EUR", null, ("Size", "S"), ("Colour", "Red"))], "variants.0.price", "PRICE_TOO_HIGH" },
        { "blank SKU", [CatalogFlows.Variant(" ", "1", "EUR", null, ("Size", "S"), ("Colour", "Red"))], "variants.0.sku", "REQUIRED" },
        { "SKU with spaces", [CatalogFlows.Variant("A 1", "1", "EUR", null, ("Size", "S"), ("Colour", "Red"))], "variants.0.sku", "INVALID_SKU" },
        { "no variants", [], "variants", "REQUIRED" },
    };

    [Theory]
    [MemberData(nameof(VariantCases))]
    public async Task Inconsistent_variants_are_field_errors_and_nothing_is_stored(string because, object[] variants, string field, string code)
    {
        var (shop, category) = await ShopAsync();
        // SKUs unique per test run: the store is fresh, so fixed SKUs never collide with another test's.
        var payload = await _client.CreateProductAsync(shop.Token, CatalogFlows.ProductInput(shop.StoreId, category, variants, SizeAndColour));

        payload.Codes().Should().Contain(code, because);
        payload.Fields().Should().Contain($"input.{field}", because);
        payload["product"].Should().BeNull();
        (await ProductsOf(shop)).Should().Be(0);
    }

    [Fact]
    public async Task Exact_prices_in_each_currency_are_kept_as_given()
    {
        var (shop, category) = await ShopAsync();
        var jpy = await _client.ProductAsync(shop.Token, CatalogFlows.ProductInput(shop.StoreId, category, [CatalogFlows.Variant(CatalogFlows.NewSku(), "1200", "jpy", "1500")]));
        var kwd = await _client.ProductAsync(shop.Token, CatalogFlows.ProductInput(shop.StoreId, category, [CatalogFlows.Variant(CatalogFlows.NewSku(), "0.125", "KWD")]));
        var eur = await _client.ProductAsync(shop.Token, CatalogFlows.ProductInput(shop.StoreId, category, [CatalogFlows.Variant(CatalogFlows.NewSku(), "19.990", "EUR")]));

        jpy["variants"]![0]!["price"]!.Text("amount").Should().Be("1200");
        jpy["variants"]![0]!["price"]!.Text("currencyCode").Should().Be("JPY");
        jpy["variants"]![0]!["compareAtPrice"]!.Text("amount").Should().Be("1500");
        kwd["variants"]![0]!["price"]!.Text("amount").Should().Be("0.125");
        eur["variants"]![0]!["price"]!.Text("amount").Should().Be("19.99", "trailing zeros do not make a price inexact");
        (await Gql.ScalarAsync<decimal>("SELECT price FROM catalog.product_variants WHERE product_id = $1", Guid.Parse(CatalogFlows.LocalId(eur.Text("id"))))).Should().Be(19.99m);
    }

    [Fact]
    public async Task A_JSON_float_price_is_refused_before_the_module_is_asked()
    {
        var (shop, category) = await ShopAsync();
        var input = CatalogFlows.ProductInput(shop.StoreId, category, [new { sku = CatalogFlows.NewSku(), price = 4.5, currencyCode = "EUR" }]);

        var body = await _client.SendAsync(CatalogFlows.CreateMutation, new { i = input }, shop.Token);

        body.ErrorCodes().Should().OnlyContain(c => c == "BAD_USER_INPUT" || c == "GRAPHQL_VALIDATION_FAILED", body.ToJsonString());
        (await ProductsOf(shop)).Should().Be(0);
    }

    [Fact]
    public async Task Listing_fields_are_checked_with_their_paths()
    {
        var (shop, category) = await ShopAsync();
        var input = CatalogFlows.ProductInput(shop.StoreId, category);
        input["title"] = "";
        input["images"] = new[] { "https://ok.example.test/a.png", "http://insecure.example.test/b.png", Guid.NewGuid().ToString() };
        input["attributes"] = new[] { new { key = "origin", value = "PT" }, new { key = "Origin", value = "ES" } };
        input["options"] = new object[] { new { name = "Size", values = new[] { "S", "s" } }, new { name = "Fit", values = Array.Empty<string>() } };
        input["variants"] = new[] { CatalogFlows.Variant(CatalogFlows.NewSku(), "1", "EUR", null, ("Size", "S")) };

        var payload = await _client.CreateProductAsync(shop.Token, input);

        payload.Fields().Should().Contain(["input.title", "input.images.1", "input.attributes.1.key", "input.options.0.values.1", "input.options.1.values"]);
        payload.Codes().Should().Contain(["REQUIRED", "INVALID_MEDIA_REFERENCE", "DUPLICATE_ATTRIBUTE", "DUPLICATE_OPTION_VALUE"]);
        (await ProductsOf(shop)).Should().Be(0);
    }

    [Fact]
    public async Task Counts_are_bounded()
    {
        var (shop, category) = await ShopAsync();
        var options = new object[]
        {
            new { name = "A", values = new[] { "1" } }, new { name = "B", values = new[] { "1" } },
            new { name = "C", values = new[] { "1" } }, new { name = "D", values = new[] { "1" } },
        };
        var tooManyOptions = await _client.CreateProductAsync(shop.Token, CatalogFlows.ProductInput(shop.StoreId, category, options: options));
        tooManyOptions.Codes().Should().Contain("TOO_MANY_OPTIONS");

        var values = Enumerable.Range(0, 101).Select(i => $"v{i}").ToArray();
        var variants = values.Select(v => CatalogFlows.Variant($"S-{v}", "1", "EUR", null, ("Size", v))).ToArray();
        var tooMany = await _client.CreateProductAsync(shop.Token, CatalogFlows.ProductInput(shop.StoreId, category, variants, [new { name = "Size", values }]));
        tooMany.Codes().Should().Contain("TOO_MANY_VALUES");
        tooMany.Codes().Should().Contain("TOO_MANY_VARIANTS");
        (await ProductsOf(shop)).Should().Be(0);
    }

    [Fact]
    public async Task Unknown_category_is_a_field_error()
    {
        var shop = await _client.SellerStoreAsync(app);
        var missing = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"Category:{Guid.NewGuid()}"));

        var payload = await _client.CreateProductAsync(shop.Token, CatalogFlows.ProductInput(shop.StoreId, missing));

        payload.Codes().Should().Equal("UNKNOWN_CATEGORY");
        payload.Fields().Should().Equal("input.categoryId");
    }
}
