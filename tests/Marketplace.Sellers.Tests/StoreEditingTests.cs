using Marketplace.Sellers.Tests.Support;

namespace Marketplace.Sellers.Tests;

/// <summary>storeUpdate: partial edits by the owning seller, versions, store_updated.v1, ownership and bad input.</summary>
public sealed class StoreEditingTests(SellersApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Each_listing_change_raises_the_version_and_publishes_one_store_updated_other_fields_only_the_version()
    {
        var (token, sellerId, store) = await _client.NewStoreAsync(app);
        var id = store.Text("id");
        var localId = await Stores.LocalIdAsync(store.Text("slug"));
        store.Number("version").Should().Be(1);

        var renamed = (await _client.MutateAsync("storeUpdate", new { id, name = "Renamed Store", serviceRadiusKm = 12.5 }, token)).Data("storeUpdate");
        renamed.Codes().Should().BeEmpty(renamed.ToJsonString());
        renamed["store"].Text("name").Should().Be("Renamed Store");
        renamed["store"].Number("version").Should().Be(2);

        // Description only: a new version, but nothing for the listing consumers.
        var described = (await _client.MutateAsync("storeUpdate", new { id, description = "Now with cakes." }, token)).Data("storeUpdate");
        described["store"].Number("version").Should().Be(3);

        // The same values again: nothing changes, no version, no event.
        var same = (await _client.MutateAsync("storeUpdate", new { id, name = "Renamed Store", description = "Now with cakes." }, token)).Data("storeUpdate");
        same.Codes().Should().BeEmpty();
        same["store"].Number("version").Should().Be(3);

        var newSlug = Gql.NewSlug("moved");
        var moved = (await _client.MutateAsync("storeUpdate", new { id, slug = newSlug, location = new { latitude = 10.5, longitude = 20.25 } }, token)).Data("storeUpdate");
        moved.Codes().Should().BeEmpty(moved.ToJsonString());
        moved["store"].Number("version").Should().Be(4);
        (await _client.SendAsync("query($s: String!) { store(slug: $s) { id } }", new { s = store.Text("slug") }))["data"]!["store"].Should().BeNull("the old slug no longer resolves");
        (await _client.SendAsync("query($s: String!) { store(slug: $s) { id } }", new { s = newSlug })).Data("store").Text("id").Should().Be(id);

        var events = await Stores.EventsAsync(Stores.Updated, localId);
        events.Select(e => e.Number("version")).Should().Equal(2, 4);
        events[0].Text("name").Should().Be("Renamed Store");
        events[0]!["serviceRadiusKm"]!.GetValue<double>().Should().Be(12.5);
        events[1].Text("slug").Should().Be(newSlug);
        events[1]!["latitude"]!.GetValue<double>().Should().Be(10.5);
        events[1]!["longitude"]!.GetValue<double>().Should().Be(20.25);
        events.Should().OnlyContain(e => e.Text("sellerId") == sellerId && e.Text("status") == "ACTIVE");
    }

    [Fact]
    public async Task Absent_fields_stay_null_clears_the_clearable_fields_and_leaves_the_others()
    {
        var (token, _) = await _client.SellerAsync(app);
        var (lat, lon) = Gql.NewPlace();
        var asset = Guid.NewGuid().ToString();
        var store = await _client.NewStoreAsync(token, new
        {
            name = "Full Store", slug = Gql.NewSlug(), description = "All fields.", contactEmail = "full@example.test", contactPhone = "+351 21 000 0000",
            address = "Rua Augusta 1", location = new { latitude = lat, longitude = lon }, serviceRadiusKm = 5,
            categories = new[] { "bakery", "coffee" },
            openingHours = new[] { new { day = "MONDAY", opens = "09:00", closes = "17:30" } },
            logo = asset, banner = "https://cdn.example.test/banner.png",
        });
        var id = store.Text("id");

        var renamed = (await _client.MutateAsync("storeUpdate", new { id, name = "Only The Name" }, token)).Data("storeUpdate")["store"]!;
        renamed.Text("description").Should().Be("All fields.");
        renamed["categories"]!.AsArray().Select(c => c!.GetValue<string>()).Should().Equal("bakery", "coffee");
        renamed["openingHours"]!.AsArray().Should().ContainSingle();
        renamed["logo"].Text("assetId").Should().Be(asset);
        renamed["banner"].Text("url").Should().Be("https://cdn.example.test/banner.png");

        var cleared = (await _client.SendAsync(
            """
            mutation($id: ID!) { storeUpdate(input: { id: $id, name: null, address: null, location: null, serviceRadiusKm: null, description: null,
              categories: null, openingHours: [], logo: null, banner: "" }) { store { name address serviceRadiusKm description categories openingHours { day } logo { url } banner { url } version } userErrors { code } } }
            """, new { id }, token)).Data("storeUpdate");
        cleared.Codes().Should().BeEmpty(cleared.ToJsonString());
        var after = cleared["store"]!;
        after.Text("name").Should().Be("Only The Name");
        after.Text("address").Should().Be("Rua Augusta 1");
        after["serviceRadiusKm"]!.GetValue<double>().Should().Be(5);
        after.Text("description").Should().BeEmpty();
        after["categories"]!.AsArray().Should().BeEmpty();
        after["openingHours"]!.AsArray().Should().BeEmpty();
        after["logo"].Should().BeNull();
        after["banner"].Should().BeNull();
        after.Number("version").Should().Be(3);
    }

    [Fact]
    public async Task Another_seller_buyers_and_anonymous_callers_cannot_edit_and_nothing_changes()
    {
        var (token, _, store) = await _client.NewStoreAsync(app);
        var (otherSeller, _) = await _client.SellerAsync(app);
        var buyer = await _client.BuyerAsync();
        var id = store.Text("id");
        var slug = store.Text("slug");
        var localId = await Stores.LocalIdAsync(slug);

        foreach (var (caller, code) in new[] { (otherSeller, "FORBIDDEN"), (buyer, "FORBIDDEN"), ((string?)null, "UNAUTHENTICATED") })
        {
            var update = await _client.MutateAsync("storeUpdate", new { id, name = "Hijacked", slug = Gql.NewSlug("hijack") }, caller);
            update.ErrorCodes().Should().Equal([code], update.ToJsonString());
            update["data"]?["storeUpdate"].Should().BeNull();
            (await _client.MutateAsync("storeClose", new { id }, caller)).ErrorCodes().Should().Equal(code);
            (await _client.MutateAsync("storeReopen", new { id }, caller)).ErrorCodes().Should().Equal(code);
            // Suspending is for administrators only: sellers too are FORBIDDEN.
            (await _client.MutateAsync("storeSuspend", new { id, reason = "no" }, caller)).ErrorCodes().Should().Equal(code);
            (await _client.MutateAsync("storeReinstate", new { id }, caller)).ErrorCodes().Should().Equal(code);
        }

        (await _client.MutateAsync("storeSuspend", new { id, reason = "Owner tries" }, token)).ErrorCodes().Should().Equal("FORBIDDEN");
        var row = await Stores.RowAsync(slug);
        row.Should().Be((1L, "Test Store", "ACTIVE"));
        (await Stores.EventsAsync(Stores.Updated, localId)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_taken_slug_or_invalid_values_are_field_errors_and_nothing_changes()
    {
        var (token, _, store) = await _client.NewStoreAsync(app);
        var (_, _, other) = await _client.NewStoreAsync(app);
        var id = store.Text("id");
        var slug = store.Text("slug");

        var taken = (await _client.MutateAsync("storeUpdate", new { id, name = "Taking", slug = other.Text("slug").ToUpperInvariant() }, token)).Data("storeUpdate");
        taken.Codes().Should().Equal("SLUG_TAKEN");
        taken["userErrors"]![0].Path().Should().Equal("input", "slug");

        var invalid = (await _client.MutateAsync("storeUpdate", new
        {
            id, name = "", slug = "Not A Slug", contactEmail = "nope", serviceRadiusKm = 0, location = new { latitude = 95, longitude = 0 },
            categories = new[] { "ok", "Not OK!" }, logo = "http://insecure.example.test/logo.png",
        }, token)).Data("storeUpdate");
        invalid["store"].Should().BeNull();
        invalid["userErrors"]!.AsArray().Select(e => string.Join('.', e.Path()) + "=" + e.Text("code")).Should().BeEquivalentTo(
            "input.name=REQUIRED", "input.slug=INVALID_SLUG", "input.contactEmail=INVALID_EMAIL", "input.serviceRadiusKm=INVALID_RADIUS",
            "input.location.latitude=INVALID_COORDINATES", "input.categories.1=INVALID_CATEGORY", "input.logo=INVALID_MEDIA_REFERENCE");

        (await Stores.RowAsync(slug)).Should().Be((1L, "Test Store", "ACTIVE"));
        (await Stores.EventsAsync(Stores.Updated, await Stores.LocalIdAsync(slug))).Should().BeEmpty();
    }

    [Fact]
    public async Task Unknown_store_and_stale_expected_version_are_user_errors()
    {
        var (token, _, store) = await _client.NewStoreAsync(app);
        var id = store.Text("id");

        var unknown = (await _client.MutateAsync("storeUpdate", new { id = Stores.GlobalId(Guid.NewGuid()), name = "X" }, token)).Data("storeUpdate");
        unknown.Codes().Should().Equal("STORE_NOT_FOUND");
        unknown["userErrors"]![0].Path().Should().Equal("input", "id");

        (await _client.MutateAsync("storeUpdate", new { id, name = "First Edit", expectedVersion = 1 }, token)).Data("storeUpdate").Codes().Should().BeEmpty();
        var stale = (await _client.MutateAsync("storeUpdate", new { id, name = "Second Edit From An Old Page", expectedVersion = 1 }, token)).Data("storeUpdate");
        stale.Codes().Should().Equal("VERSION_CONFLICT");
        (await Stores.RowAsync(store.Text("slug"))).Should().Be((2L, "First Edit", "ACTIVE"));
    }

    [Fact]
    public async Task Concurrent_edits_apply_one_after_another_and_none_is_lost()
    {
        var (token, _, store) = await _client.NewStoreAsync(app);
        var id = store.Text("id");
        var localId = await Stores.LocalIdAsync(store.Text("slug"));
        var radii = Enumerable.Range(1, 8).Select(i => 20.0 + i).ToArray();

        // Each request changes the radius (a listing fact) and its own category set at once.
        var answers = await Task.WhenAll(radii.Select(r => _client.MutateAsync("storeUpdate", new { id, serviceRadiusKm = r, categories = new[] { $"tag-{r}" } }, token)));

        answers.Select(a => a.Data("storeUpdate").Codes()).Should().OnlyContain(c => c.Length == 0);
        answers.Select(a => a.Data("storeUpdate")["store"].Number("version")).Should().BeEquivalentTo(Enumerable.Range(2, 8).Select(v => (long)v));
        var events = await Stores.EventsAsync(Stores.Updated, localId);
        events.Select(e => e.Number("version")).Should().Equal(Enumerable.Range(2, 8).Select(v => (long)v), "one event per change, each with its own version");
        events.Select(e => e!["serviceRadiusKm"]!.GetValue<double>()).Should().BeEquivalentTo(radii);
        var final = await _client.StoreAsync(id);
        final.Number("version").Should().Be(9);
        final!["serviceRadiusKm"]!.GetValue<double>().Should().Be(events[^1]!["serviceRadiusKm"]!.GetValue<double>(), "the last version is the state");
        final["categories"]!.AsArray().Single()!.GetValue<string>().Should().Be($"tag-{final["serviceRadiusKm"]!.GetValue<double>()}");
    }
}
