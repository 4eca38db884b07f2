using Grpc.Core;
using Marketplace.Catalog.Tests.Support;
using Marketplace.Modules.Catalog.Contracts;
using Marketplace.Modules.Catalog.Contracts.V1;
using Marketplace.Shared.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Catalog.Tests;

/// <summary>
/// The Catalog contracts called directly, as another module or a second gateway would: every method checks its caller
/// itself (whatever the gateway did), answers in the common messages and reports the codes of CatalogErrorCodes.
/// </summary>
public sealed class ContractTests(CatalogApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    private CatalogTaxonomy.CatalogTaxonomyClient Taxonomy => app.Services.GetRequiredService<CatalogTaxonomy.CatalogTaxonomyClient>();

    private CatalogProducts.CatalogProductsClient Products => app.Services.GetRequiredService<CatalogProducts.CatalogProductsClient>();

    private CatalogSearch.CatalogSearchClient Search => app.Services.GetRequiredService<CatalogSearch.CatalogSearchClient>();

    private static IDisposable As(Caller caller) => CallContext.Push(new CallContext(caller, CallContext.NewCorrelationId()));

    private static async Task<RpcException> Refused(Func<Task> call) => (await call.Should().ThrowAsync<RpcException>()).Which;

    [Fact]
    public async Task Every_changing_method_checks_its_caller_with_the_common_codes()
    {
        var anonymous = Caller.Anonymous;
        var buyer = Caller.User(Guid.NewGuid().ToString(), [Roles.Buyer]);
        var seller = Caller.User(Guid.NewGuid().ToString(), [Roles.Seller]);
        var module = Caller.Service("Ordering");
        var create = new CreateCategoryRequest { Name = "Never", Slug = CatalogFlows.NewSlug("never") };

        using (As(anonymous))
        {
            var refused = await Refused(() => Taxonomy.CreateCategoryAsync(create).ResponseAsync);
            (refused.StatusCode, refused.Reason()).Should().Be((StatusCode.Unauthenticated, CommonErrorCodes.SignInRequired));
            refused = await Refused(() => Products.CreateProductAsync(new CreateProductRequest()).ResponseAsync);
            (refused.StatusCode, refused.Reason()).Should().Be((StatusCode.Unauthenticated, CommonErrorCodes.SignInRequired));
        }

        foreach (var caller in new[] { buyer, seller, module })
        {
            using (As(caller))
            {
                var refused = await Refused(() => Taxonomy.CreateCategoryAsync(create).ResponseAsync);
                (refused.StatusCode, refused.Reason()).Should().Be((StatusCode.PermissionDenied, CommonErrorCodes.AdminsOnly), caller.ToString());
                refused = await Refused(() => Search.StartSearchReindexAsync(new StartSearchReindexRequest()).ResponseAsync);
                refused.StatusCode.Should().Be(StatusCode.PermissionDenied, caller.ToString());
                refused = await Refused(() => Search.GetSearchReindexAsync(new GetSearchReindexRequest { Id = Guid.NewGuid().ToString() }).ResponseAsync);
                refused.StatusCode.Should().Be(StatusCode.PermissionDenied, caller.ToString());
            }
        }

        using (As(buyer))
        {
            var refused = await Refused(() => Products.PublishProductAsync(new ProductIdRequest { Id = Guid.NewGuid().ToString() }).ResponseAsync);
            (refused.StatusCode, refused.Reason()).Should().Be((StatusCode.PermissionDenied, CommonErrorCodes.SellersOnly));
        }

        (await Gql.ScalarAsync<long>("SELECT count(*) FROM catalog.categories WHERE slug = $1", create.Slug)).Should().Be(0);
    }

    [Fact]
    public async Task Products_answer_in_common_money_and_variants_are_found_by_id_with_the_products_visibility()
    {
        var shop = await _client.SellerStoreAsync(app);
        var category = await _client.CategoryAsync(app);
        var product = await _client.ProductAsync(shop.Token, CatalogFlows.ProductInput(shop.StoreId, category, [CatalogFlows.Variant(CatalogFlows.NewSku(), "1200", "JPY", "1500")]));
        var productId = CatalogFlows.LocalId(product.Text("id"));
        var variantId = CatalogFlows.LocalId(product["variants"]![0].Text("id"));

        using (As(Caller.User(shop.SellerId, [Roles.Seller])))
        {
            var found = await Products.GetVariantAsync(new VariantIdRequest { Id = variantId });
            found.VariantId.Should().Be(variantId);
            found.Product.Id.Should().Be(productId);
            var variant = found.Product.Variants.Single();
            (variant.Price.Amount, variant.Price.CurrencyCode).Should().Be(("1200", "JPY"));
            (variant.CompareAtPrice.Amount, variant.CompareAtPrice.CurrencyCode).Should().Be(("1500", "JPY"));
            (found.Product.MinPrice.Amount, found.Product.MaxPrice.Amount).Should().Be(("1200", "1200"));
            found.Product.CreatedAt.Should().MatchRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$", "instants are Timestamps.Format");
        }

        // A draft's variant is not found for anyone else (NotFound, as for no variant at all), nor is a made-up id.
        using (As(Caller.User(Guid.NewGuid().ToString(), [Roles.Buyer])))
        {
            foreach (var id in new[] { variantId, Guid.NewGuid().ToString(), "not-an-id" })
            {
                var refused = await Refused(() => Products.GetVariantAsync(new VariantIdRequest { Id = id }).ResponseAsync);
                (refused.StatusCode, refused.Reason()).Should().Be((StatusCode.NotFound, CatalogErrorCodes.Products.VariantNotFound), id);
            }
        }
    }

    [Fact]
    public async Task Refused_input_is_one_InvalidArgument_with_a_field_violation_each_and_unknown_ids_are_NotFound()
    {
        var shop = await _client.SellerStoreAsync(app);
        var category = await _client.CategoryAsync(app);
        using var asSeller = As(Caller.User(shop.SellerId, [Roles.Seller]));

        var invalid = await Refused(() => Products.CreateProductAsync(new CreateProductRequest
        {
            StoreId = shop.StoreLocalId.ToString(),
            CategoryId = CatalogFlows.LocalId(category),
            Title = " ",
            Variants = { new VariantInput { Sku = "A 1", Price = "1.005", CurrencyCode = "eur" } },
        }).ResponseAsync);
        (invalid.StatusCode, invalid.Reason()).Should().Be((StatusCode.InvalidArgument, CommonErrorCodes.InvalidInput));
        invalid.FieldViolations().Select(v => (v.Field, v.Code)).Should().BeEquivalentTo(
            [("title", CommonErrorCodes.Required), ("variants.0.sku", CatalogErrorCodes.Products.InvalidSku), ("variants.0.price", CatalogErrorCodes.Products.TooManyDecimals)]);

        foreach (var id in new[] { Guid.NewGuid().ToString(), "not-an-id" })
        {
            var missing = await Refused(() => Products.ArchiveProductAsync(new ProductIdRequest { Id = id }).ResponseAsync);
            (missing.StatusCode, missing.Reason()).Should().Be((StatusCode.NotFound, CatalogErrorCodes.Products.ProductNotFound), id);
        }

        var search = await Refused(() => Search.ProductsNearAsync(new ProductsNearRequest
        {
            Location = new Marketplace.Shared.Contracts.V1.GeoPoint { Latitude = 91, Longitude = 0 },
            RadiusKm = 0,
            PriceMin = "abc",
        }).ResponseAsync);
        (search.StatusCode, search.Reason()).Should().Be((StatusCode.InvalidArgument, CommonErrorCodes.InvalidInput));
        search.FieldViolations().Select(v => (v.Field, v.Code)).Should().BeEquivalentTo(
            [("location.latitude", CommonErrorCodes.InvalidCoordinates), ("radiusKm", CatalogErrorCodes.Search.InvalidRadius), ("priceMin", CatalogErrorCodes.Search.InvalidPrice)]);
    }
}
