using System.Text.Json.Nodes;
using Marketplace.Sellers.Tests.Support;

namespace Marketplace.Sellers.Tests;

/// <summary>Categories, opening hours and logo/banner media references: accepted forms and field errors, on create and update.</summary>
public sealed class StoreFieldsTests(SellersApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Categories_hours_and_media_are_normalised_and_returned()
    {
        var (token, _) = await _client.SellerAsync(app);
        var (lat, lon) = Gql.NewPlace();
        var asset = Guid.NewGuid();

        var store = await _client.NewStoreAsync(token, Input(lat, lon, new
        {
            categories = new[] { " Bakery ", "organic-food" },
            openingHours = new[]
            {
                new { day = "SATURDAY", opens = "10:00", closes = "24:00" },
                new { day = "MONDAY", opens = "14:00", closes = "18:00" },
                new { day = "MONDAY", opens = "09:00", closes = "14:00" },
            },
            logo = asset.ToString().ToUpperInvariant(),
            banner = "https://cdn.example.test/banners/1.png",
        }));

        store["categories"]!.AsArray().Select(c => c!.GetValue<string>()).Should().Equal("bakery", "organic-food");
        store["openingHours"]!.AsArray().Select(h => $"{h.Text("day")} {h.Text("opens")}-{h.Text("closes")}")
            .Should().Equal("MONDAY 09:00-14:00", "MONDAY 14:00-18:00", "SATURDAY 10:00-24:00");
        store["logo"].Text("assetId").Should().Be(asset.ToString());
        store["logo"]!["url"].Should().BeNull("an asset id gets a URL once that Media asset is READY (this one was never uploaded)");
        store["banner"]!["assetId"].Should().BeNull();
        store["banner"].Text("url").Should().Be("https://cdn.example.test/banners/1.png");

        var id = store.Text("id");
        var updated = (await _client.MutateAsync("storeUpdate", new { id, logo = "https://cdn.example.test/logo.webp", categories = new[] { "bread" } }, token)).Data("storeUpdate")["store"]!;
        updated["logo"].Text("url").Should().Be("https://cdn.example.test/logo.webp");
        updated["categories"]!.AsArray().Single()!.GetValue<string>().Should().Be("bread");
        updated["openingHours"]!.AsArray().Should().HaveCount(3, "absent fields stay as they are");
    }

    public static TheoryData<string, string, string> BadFields => new()
    {
        { """{ "categories": ["a", "b", "c", "d", "e", "f"] }""", "input.categories", "TOO_MANY_CATEGORIES" },
        { """{ "categories": ["fine", "not fine!"] }""", "input.categories.1", "INVALID_CATEGORY" },
        { """{ "categories": ["x"] }""", "input.categories.0", "INVALID_CATEGORY" },
        { """{ "categories": ["food", "FOOD"] }""", "input.categories.1", "DUPLICATE_CATEGORY" },
        { """{ "openingHours": [{ "day": "MONDAY", "opens": "9:00", "closes": "17:00" }] }""", "input.openingHours.0.opens", "INVALID_TIME" },
        { """{ "openingHours": [{ "day": "MONDAY", "opens": "09:00", "closes": "25:00" }] }""", "input.openingHours.0.closes", "INVALID_TIME" },
        { """{ "openingHours": [{ "day": "MONDAY", "opens": "24:00", "closes": "24:00" }] }""", "input.openingHours.0.opens", "INVALID_TIME" },
        { """{ "openingHours": [{ "day": "MONDAY", "opens": "18:00", "closes": "09:00" }] }""", "input.openingHours.0", "INVALID_INTERVAL" },
        { """{ "openingHours": [{ "day": "MONDAY", "opens": "09:00", "closes": "09:00" }] }""", "input.openingHours.0", "INVALID_INTERVAL" },
        { """{ "openingHours": [{ "day": "TUESDAY", "opens": "09:00", "closes": "13:00" }, { "day": "TUESDAY", "opens": "12:30", "closes": "18:00" }] }""", "input.openingHours.1", "OVERLAPPING_HOURS" },
        { """{ "logo": "http://cdn.example.test/logo.png" }""", "input.logo", "INVALID_MEDIA_REFERENCE" },
        { """{ "banner": "just text" }""", "input.banner", "INVALID_MEDIA_REFERENCE" },
        { """{ "banner": "https://user:pass@cdn.example.test/x.png" }""", "input.banner", "INVALID_MEDIA_REFERENCE" },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task Bad_values_are_field_errors_on_create_and_on_update_and_nothing_changes(string fields, string path, string code)
    {
        var (token, _) = await _client.SellerAsync(app);
        var (lat, lon) = Gql.NewPlace();
        var extra = JsonNode.Parse(fields)!.AsObject();

        var slug = Gql.NewSlug("bad");
        var create = (await _client.CreateStoreAsync(token, Input(lat, lon, extra, slug))).Data("storeCreate");
        create["userErrors"]!.AsArray().Select(e => string.Join('.', e.Path()) + "=" + e.Text("code")).Should().Equal($"{path}={code}");
        (await Gql.ScalarAsync<long>("SELECT count(*) FROM sellers.stores WHERE slug = $1", slug)).Should().Be(0);

        var store = await _client.NewStoreAsync(token);
        var update = new JsonObject { ["id"] = store.Text("id") };
        foreach (var (key, value) in extra)
            update[key] = value?.DeepClone();
        var updated = (await _client.MutateAsync("storeUpdate", update, token)).Data("storeUpdate");
        updated["userErrors"]!.AsArray().Select(e => string.Join('.', e.Path()) + "=" + e.Text("code")).Should().Equal($"{path}={code}");
        (await Stores.RowAsync(store.Text("slug"))).Version.Should().Be(1);
    }

    [Fact]
    public async Task At_most_28_opening_intervals()
    {
        var (token, _) = await _client.SellerAsync(app);
        var (lat, lon) = Gql.NewPlace();
        var days = new[] { "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY" };
        var hours = days.SelectMany(d => Enumerable.Range(0, 5).Select(h => new { day = d, opens = $"{h * 2:00}:00", closes = $"{(h * 2) + 1:00}:00" })).ToArray();

        var create = (await _client.CreateStoreAsync(token, Input(lat, lon, new { openingHours = hours }))).Data("storeCreate");

        create.Codes().Should().Equal("TOO_MANY_INTERVALS");
        create["userErrors"]![0].Path().Should().Equal("input", "openingHours");
        (await _client.CreateStoreAsync(token, Input(lat, lon, new { openingHours = hours[..28] }))).Data("storeCreate").Codes().Should().BeEmpty();
    }

    /// <summary>A valid store input with <paramref name="extra"/>'s fields added (or replaced).</summary>
    private static JsonObject Input(double lat, double lon, object extra, string? slug = null)
    {
        var input = System.Text.Json.JsonSerializer.SerializeToNode(Gql.StoreInput("Fields Store", lat, lon, slug ?? Gql.NewSlug("fields")))!.AsObject();
        var more = extra as JsonObject ?? System.Text.Json.JsonSerializer.SerializeToNode(extra)!.AsObject();
        foreach (var (key, value) in more)
            input[key] = value?.DeepClone();
        return input;
    }
}
