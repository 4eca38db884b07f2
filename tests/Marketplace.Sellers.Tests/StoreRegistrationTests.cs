using System.Text.Json.Nodes;
using Marketplace.Sellers.Tests.Support;

namespace Marketplace.Sellers.Tests;

public sealed class StoreRegistrationTests(SellersApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Verified_seller_opens_an_active_store_with_a_generated_slug_and_one_event()
    {
        var (token, sellerId) = await _client.SellerAsync(app);
        var (lat, lon) = Gql.NewPlace();
        var name = $"Bäckerei Müller & Söhne {Guid.NewGuid():N}"[..32];

        var payload = (await _client.CreateStoreAsync(token, Gql.StoreInput(name, lat, lon))).Data("storeCreate");

        payload.Codes().Should().BeEmpty(payload.ToJsonString());
        var store = payload["store"]!;
        store.Text("status").Should().Be("ACTIVE");
        var slug = store.Text("slug");
        slug.Should().MatchRegex("^[a-z0-9]+(-[a-z0-9]+)*$").And.StartWith("backerei-muller-sohne-");
        store["location"]!["latitude"]!.GetValue<double>().Should().BeApproximately(lat, 1e-9);
        store["location"]!["longitude"]!.GetValue<double>().Should().BeApproximately(lon, 1e-9);

        var storeId = await Gql.ScalarAsync<Guid>("SELECT id FROM sellers.stores WHERE slug = $1", slug);
        (await Gql.ScalarAsync<string>("SELECT ST_GeometryType(location::geometry) || ':' || ST_SRID(location::geometry) FROM sellers.stores WHERE id = $1", storeId)).Should().Be("ST_Point:4326");
        (await Gql.ScalarAsync<long>("SELECT count(*) FROM sellers.outbox_messages WHERE subject = 'marketplace.sellers.store_created.v1' AND payload::text LIKE '%' || $1 || '%'", storeId.ToString()))
            .Should().Be(1);

        // Same name again: a new, still unique slug.
        var second = (await _client.CreateStoreAsync(token, Gql.StoreInput(name, lat, lon))).Data("storeCreate");
        second.Codes().Should().BeEmpty();
        second["store"].Text("slug").Should().NotBe(slug).And.StartWith(slug);

        // Anyone finds it by slug and by id; the seller sees both under viewer.stores.
        var bySlug = (await _client.SendAsync($"query($s: String!) {{ store(slug: $s) {{ {Gql.StoreFields} }} }}", new { s = slug })).Data("store");
        bySlug.Text("id").Should().Be(store.Text("id"));
        var byId = (await _client.SendAsync("query($i: ID!) { store(id: $i) { slug } }", new { i = store.Text("id") })).Data("store");
        byId.Text("slug").Should().Be(slug);
        var mine = (await _client.SendAsync("{ viewer { stores { slug status } } }", token: token)).Data("viewer")["stores"]!.AsArray();
        mine.Select(s => s.Text("slug")).Should().Equal(slug, second["store"].Text("slug"));
        sellerId.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task Sellers_opening_same_named_stores_at_once_all_get_distinct_generated_slugs()
    {
        var sellers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => _client.SellerAsync(app)));
        var (lat, lon) = Gql.NewPlace();
        var name = $"Race {Guid.NewGuid():N}";

        // Each seller's creations are serialised, but different sellers' are not: the generated slugs collide in the
        // unique index and the losers retry with the next suffix instead of failing with SLUG_TAKEN.
        var created = await Task.WhenAll(sellers.Select(s => _client.CreateStoreAsync(s.Token, Gql.StoreInput(name, lat, lon))));

        created.Where(c => c["data"]?["storeCreate"]?["store"] is null).Select(c => c.ToJsonString()).Should().BeEmpty();
        var slugs = created.Select(c => c.Data("storeCreate")["store"].Text("slug")).ToList();
        slugs.Should().OnlyHaveUniqueItems();
        var baseSlug = StoreSlug(name);
        slugs.Should().BeEquivalentTo(new[] { baseSlug }.Concat(Enumerable.Range(2, 5).Select(n => $"{baseSlug}-{n}")));
    }

    [Fact]
    public async Task Unverified_seller_is_refused_and_nothing_is_stored()
    {
        var (token, _) = await _client.SellerAsync(app, verified: false);
        var slug = Gql.NewSlug();
        var (lat, lon) = Gql.NewPlace();

        var payload = (await _client.CreateStoreAsync(token, Gql.StoreInput("Unverified", lat, lon, slug))).Data("storeCreate");

        payload.Codes().Should().Equal("SELLER_NOT_VERIFIED");
        payload["store"].Should().BeNull();
        (await Gql.ScalarAsync<long>("SELECT count(*) FROM sellers.stores WHERE slug = $1", slug)).Should().Be(0);
    }

    [Fact]
    public async Task Duplicate_slug_is_SLUG_TAKEN()
    {
        var (token, _) = await _client.SellerAsync(app);
        var (other, _) = await _client.SellerAsync(app);
        var slug = Gql.NewSlug();
        var (lat, lon) = Gql.NewPlace();
        (await _client.CreateStoreAsync(token, Gql.StoreInput("First", lat, lon, slug))).Data("storeCreate").Codes().Should().BeEmpty();

        var payload = (await _client.CreateStoreAsync(other, Gql.StoreInput("Second", lat, lon, slug.ToUpperInvariant()))).Data("storeCreate");

        payload.Codes().Should().Equal("SLUG_TAKEN");
        payload["userErrors"]![0]!["field"]!.AsArray().Select(f => f!.GetValue<string>()).Should().Equal("input", "slug");
        (await Gql.ScalarAsync<long>("SELECT count(*) FROM sellers.stores WHERE slug = $1", slug)).Should().Be(1);
    }

    [Theory]
    [InlineData(91, 0, 10, "location.latitude", "INVALID_COORDINATES")]
    [InlineData(-90.5, 0, 10, "location.latitude", "INVALID_COORDINATES")]
    [InlineData(0, 180.1, 10, "location.longitude", "INVALID_COORDINATES")]
    [InlineData(10, 10, 0, "serviceRadiusKm", "INVALID_RADIUS")]
    [InlineData(10, 10, -3, "serviceRadiusKm", "INVALID_RADIUS")]
    [InlineData(10, 10, 5000, "serviceRadiusKm", "INVALID_RADIUS")]
    public async Task Bad_coordinates_or_radius_are_field_errors(double lat, double lon, double radius, string field, string code)
    {
        var (token, _) = await _client.SellerAsync(app);
        var slug = Gql.NewSlug();

        var payload = (await _client.CreateStoreAsync(token, Gql.StoreInput("Bad input", lat, lon, slug, radius))).Data("storeCreate");

        payload.Codes().Should().Equal(code);
        var path = payload["userErrors"]![0]!["field"]!.AsArray().Select(f => f!.GetValue<string>());
        path.Should().Equal(["input", .. field.Split('.')]);
        (await Gql.ScalarAsync<long>("SELECT count(*) FROM sellers.stores WHERE slug = $1", slug)).Should().Be(0);
    }

    [Fact]
    public async Task Invalid_slug_is_a_field_error()
    {
        var (token, _) = await _client.SellerAsync(app);
        var (lat, lon) = Gql.NewPlace();

        var payload = (await _client.CreateStoreAsync(token, Gql.StoreInput("Slash", lat, lon, "not/a slug"))).Data("storeCreate");

        payload.Codes().Should().Equal("INVALID_SLUG");
    }

    [Fact]
    public async Task Buyer_and_anonymous_callers_cannot_open_stores()
    {
        var buyer = await _client.BuyerAsync();
        var slug = Gql.NewSlug();
        var (lat, lon) = Gql.NewPlace();

        var asBuyer = await _client.CreateStoreAsync(buyer, Gql.StoreInput("Buyer shop", lat, lon, slug));
        var asNobody = await _client.SendAsync("mutation($i: StoreCreateInput!) { storeCreate(input: $i) { userErrors { code } } }", new { i = Gql.StoreInput("Nobody", lat, lon, slug) });

        asBuyer.ErrorCodes().Should().Contain("FORBIDDEN", asBuyer.ToJsonString());
        asNobody.ErrorCodes().Should().Contain("UNAUTHENTICATED", asNobody.ToJsonString());
        (await Gql.ScalarAsync<long>("SELECT count(*) FROM sellers.stores WHERE slug = $1", slug)).Should().Be(0);

        var viewerStores = await _client.SendAsync("{ viewer { stores { slug } } }", token: buyer);
        viewerStores.ErrorCodes().Should().Contain("FORBIDDEN");
    }

    [Fact]
    public async Task Unknown_store_is_null()
    {
        var body = await _client.SendAsync("query($s: String!) { store(slug: $s) { id } }", new { s = Gql.NewSlug("missing") });
        body["data"]!["store"].Should().BeNull(body.ToJsonString());
        ((JsonObject)body).ContainsKey("errors").Should().BeFalse();
    }

    private static string StoreSlug(string name) => name.ToLowerInvariant().Replace(' ', '-');
}
