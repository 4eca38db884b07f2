using System.Text.Json.Nodes;
using Marketplace.Sellers.Tests.Support;

namespace Marketplace.Sellers.Tests;

public sealed class StoresNearTests(SellersApp app)
{
    private const string NearQuery = """
        query($lat: Float!, $lon: Float!, $r: Float, $first: Int, $after: String) {
          storesNear(location: { latitude: $lat, longitude: $lon }, radiusKm: $r, first: $first, after: $after) {
            edges { cursor distanceMeters node { id slug } }
            pageInfo { hasNextPage endCursor }
          }
        }
        """;

    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Stores_come_nearest_first_with_PostGIS_distances_and_page_without_gaps_or_duplicates()
    {
        var (token, _) = await _client.SellerAsync(app);
        var (lat, lon) = Gql.NewPlace();
        var prefix = Gql.NewSlug("near")[..20];
        // Offsets in degrees (≈ up to 4 km); two pairs share a point, so ties must page stably by id.
        (double DLat, double DLon)[] offsets = [(0.001, 0), (0.01, 0.01), (0.01, 0.01), (-0.02, 0.005), (0.0, -0.03), (0.0, -0.03), (0.025, 0.02), (-0.005, -0.001)];
        var slugs = new List<string>();
        for (var i = 0; i < offsets.Length; i++)
        {
            var slug = $"{prefix}-{i}";
            var payload = (await _client.CreateStoreAsync(token, Gql.StoreInput($"Near {i}", lat + offsets[i].DLat, lon + offsets[i].DLon, slug))).Data("storeCreate");
            payload.Codes().Should().BeEmpty(payload.ToJsonString());
            slugs.Add(slug);
        }

        // One store outside the radius (≈ 55 km away) never shows.
        var far = $"{prefix}-far";
        (await _client.CreateStoreAsync(token, Gql.StoreInput("Far", lat + 0.5, lon, far))).Data("storeCreate").Codes().Should().BeEmpty();

        var seen = new List<(string Slug, double Distance)>();
        string? after = null;
        var pages = 0;
        while (true)
        {
            var body = await _client.SendAsync(NearQuery, new { lat, lon, r = 10.0, first = 3, after });
            var connection = body.Data("storesNear");
            foreach (var edge in connection["edges"]!.AsArray())
                seen.Add((edge!["node"].Text("slug"), edge["distanceMeters"]!.GetValue<double>()));
            pages++;
            pages.Should().BeLessThan(10, "the pages must end");
            if (!connection["pageInfo"]!["hasNextPage"]!.GetValue<bool>())
                break;
            after = connection["pageInfo"].Text("endCursor");
        }

        seen.Select(s => s.Slug).Should().OnlyHaveUniqueItems().And.BeEquivalentTo(slugs);
        seen.Select(s => s.Distance).Should().BeInAscendingOrder();
        pages.Should().Be(3);

        foreach (var (slug, distance) in seen)
        {
            var expected = await Gql.ScalarAsync<double>(
                "SELECT ST_Distance(location, ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography) FROM sellers.stores WHERE slug = $3", lon, lat, slug);
            distance.Should().BeApproximately(expected, Math.Max(expected * 0.005, 0.01), slug);
        }

        // All at once: the same order as the pages.
        var all = (await _client.SendAsync(NearQuery, new { lat, lon, r = 10.0, first = 50 })).Data("storesNear")["edges"]!.AsArray();
        all.Select(e => e!["node"].Text("slug")).Should().Equal(seen.Select(s => s.Slug));
    }

    [Fact]
    public async Task DeliversTo_follows_the_service_radius()
    {
        var (token, _) = await _client.SellerAsync(app);
        var (lat, lon) = Gql.NewPlace();
        var slug = Gql.NewSlug("radius");
        (await _client.CreateStoreAsync(token, Gql.StoreInput("Radius", lat, lon, slug, radiusKm: 5))).Data("storeCreate").Codes().Should().BeEmpty();
        const string Query = """
            query($s: String!, $inLat: Float!, $outLat: Float!, $lon: Float!) {
              store(slug: $s) {
                inside: deliversTo(location: { latitude: $inLat, longitude: $lon })
                outside: deliversTo(location: { latitude: $outLat, longitude: $lon })
              }
            }
            """;

        // 0.03° of latitude ≈ 3.3 km, 0.06° ≈ 6.7 km.
        var store = (await _client.SendAsync(Query, new { s = slug, inLat = lat + 0.03, outLat = lat - 0.06, lon })).Data("store");

        store["inside"]!.GetValue<bool>().Should().BeTrue();
        store["outside"]!.GetValue<bool>().Should().BeFalse();
    }

    [Fact]
    public async Task Bad_search_input_is_BAD_USER_INPUT()
    {
        var body = await _client.SendAsync(NearQuery, new { lat = 95.0, lon = 0.0, r = 10.0 });
        body.ErrorCodes().Should().Contain("BAD_USER_INPUT", body.ToJsonString());

        var radius = await _client.SendAsync(NearQuery, new { lat = 10.0, lon = 0.0, r = 0.0 });
        radius.ErrorCodes().Should().Contain("BAD_USER_INPUT", radius.ToJsonString());

        var cursor = await _client.SendAsync(NearQuery, new { lat = 10.0, lon = 0.0, r = 10.0, after = "garbage" });
        cursor.ErrorCodes().Should().Contain("BAD_USER_INPUT", cursor.ToJsonString());
    }
}
