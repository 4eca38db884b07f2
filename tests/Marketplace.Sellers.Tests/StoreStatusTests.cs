using Marketplace.Sellers.Tests.Support;

namespace Marketplace.Sellers.Tests;

/// <summary>Closing and reopening (seller), suspending and reinstating (ADMIN); who sees stores that are not ACTIVE.</summary>
public sealed class StoreStatusTests(SellersApp app)
{
    private const string Near = "query($lat: Float!, $lon: Float!) { storesNear(location: { latitude: $lat, longitude: $lon }, radiusKm: 1) { nodes { slug } } }";
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Seller_closes_and_reopens_a_store_hidden_from_buyers_and_search_while_closed()
    {
        var (token, _) = await _client.SellerAsync(app);
        var (lat, lon) = Gql.NewPlace();
        var store = await _client.NewStoreAsync(token, Gql.StoreInput("Closing", lat, lon, Gql.NewSlug("closing")));
        var id = store.Text("id");
        var slug = store.Text("slug");
        var buyer = await _client.BuyerAsync();

        var closed = (await _client.MutateAsync("storeClose", new { id }, token)).Data("storeClose");
        closed["store"].Text("status").Should().Be("CLOSED");
        closed["store"].Number("version").Should().Be(2);
        (await _client.StoreAsync(id, buyer)).Should().BeNull();
        (await _client.StoreAsync(id)).Should().BeNull();
        (await _client.StoreAsync(id, token)).Text("status").Should().Be("CLOSED");
        (await NearAsync(lat, lon)).Should().NotContain(slug);
        (await _client.SendAsync("{ viewer { stores { slug status } } }", token: token)).Data("viewer")["stores"]![0].Text("status").Should().Be("CLOSED");

        // Closing again changes nothing.
        (await _client.MutateAsync("storeClose", new { id }, token)).Data("storeClose")["store"].Number("version").Should().Be(2);

        var reopened = (await _client.MutateAsync("storeReopen", new { id }, token)).Data("storeReopen");
        reopened["store"].Text("status").Should().Be("ACTIVE");
        (await _client.StoreAsync(id, buyer)).Text("slug").Should().Be(slug);
        (await NearAsync(lat, lon)).Should().Contain(slug);
        (await _client.MutateAsync("storeReopen", new { id }, token)).Data("storeReopen")["store"].Number("version").Should().Be(3);

        var events = await Stores.EventsAsync(Stores.Updated, await Stores.LocalIdAsync(slug));
        events.Select(e => (e.Number("version"), e.Text("status"))).Should().Equal((2L, "CLOSED"), (3L, "ACTIVE"));
    }

    [Fact]
    public async Task Admin_suspends_the_seller_cannot_reopen_and_reinstating_restores_the_status_before()
    {
        var admin = await AdminTokens.IssueAsync();
        var (token, _) = await _client.SellerAsync(app);
        var (lat, lon) = Gql.NewPlace();
        var store = await _client.NewStoreAsync(token, Gql.StoreInput("Suspect", lat, lon, Gql.NewSlug("suspect")));
        var id = store.Text("id");
        var slug = store.Text("slug");

        var noReason = (await _client.MutateAsync("storeSuspend", new { id, reason = "  " }, admin)).Data("storeSuspend");
        noReason.Codes().Should().Equal("REQUIRED");
        noReason["userErrors"]![0].Path().Should().Equal("input", "reason");
        (await Stores.RowAsync(slug)).Status.Should().Be("ACTIVE");

        var suspended = (await _client.MutateAsync("storeSuspend", new { id, reason = "Counterfeit goods reported" }, admin)).Data("storeSuspend");
        suspended["store"].Text("status").Should().Be("SUSPENDED");
        (await _client.StoreAsync(id)).Should().BeNull();
        (await NearAsync(lat, lon)).Should().NotContain(slug);
        var seen = await _client.StoreAsync(id, token);
        seen.Text("status").Should().Be("SUSPENDED");
        seen.Text("suspensionReason").Should().Be("Counterfeit goods reported");

        // The seller can neither reopen nor close it; nothing changes.
        var reopen = (await _client.MutateAsync("storeReopen", new { id }, token)).Data("storeReopen");
        reopen.Codes().Should().Equal("STORE_SUSPENDED");
        reopen["store"].Should().BeNull();
        (await _client.MutateAsync("storeClose", new { id }, token)).Data("storeClose").Codes().Should().Equal("STORE_SUSPENDED");
        (await Stores.RowAsync(slug)).Should().Be((2L, "Suspect", "SUSPENDED"));

        var reinstated = (await _client.MutateAsync("storeReinstate", new { id }, admin)).Data("storeReinstate");
        reinstated["store"].Text("status").Should().Be("ACTIVE");
        reinstated["store"]!["suspensionReason"].Should().BeNull();
        (await _client.StoreAsync(id)).Text("slug").Should().Be(slug);
        (await _client.MutateAsync("storeReinstate", new { id }, admin)).Data("storeReinstate").Codes().Should().Equal("STORE_NOT_SUSPENDED");

        // A store its seller had closed goes back to CLOSED, not ACTIVE.
        (await _client.MutateAsync("storeClose", new { id }, token)).Data("storeClose").Codes().Should().BeEmpty();
        (await _client.MutateAsync("storeSuspend", new { id, reason = "Review" }, admin)).Data("storeSuspend")["store"].Text("status").Should().Be("SUSPENDED");
        (await _client.MutateAsync("storeReinstate", new { id }, admin)).Data("storeReinstate")["store"].Text("status").Should().Be("CLOSED");

        var events = await Stores.EventsAsync(Stores.Updated, await Stores.LocalIdAsync(slug));
        events.Select(e => (e.Number("version"), e.Text("status"))).Should().Equal(
            (2L, "SUSPENDED"), (3L, "ACTIVE"), (4L, "CLOSED"), (5L, "SUSPENDED"), (6L, "CLOSED"));
    }

    [Fact]
    public async Task Unknown_ids_are_STORE_NOT_FOUND_and_malformed_or_foreign_ids_INVALID_ID()
    {
        var admin = await AdminTokens.IssueAsync();
        var (token, _) = await _client.SellerAsync(app);

        (await _client.MutateAsync("storeClose", new { id = Stores.GlobalId(Guid.NewGuid()) }, token)).Data("storeClose").Codes().Should().Equal("STORE_NOT_FOUND");
        (await _client.MutateAsync("storeReopen", new { id = "not-a-global-id" }, token)).Data("storeReopen").Codes().Should().Equal("INVALID_ID");
        var productId = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"Product:{Guid.NewGuid()}"));
        var foreign = (await _client.MutateAsync("storeReopen", new { id = productId }, token)).Data("storeReopen");
        foreign.Codes().Should().Equal("INVALID_ID");
        foreign["userErrors"]![0]!["field"]!.ToJsonString().Should().Be("""["input","id"]""");
        (await _client.MutateAsync("storeSuspend", new { id = Stores.GlobalId(Guid.NewGuid()), reason = "x" }, admin)).Data("storeSuspend").Codes().Should().Equal("STORE_NOT_FOUND");
    }

    private async Task<IEnumerable<string>> NearAsync(double lat, double lon) =>
        (await _client.SendAsync(Near, new { lat, lon })).Data("storesNear")["nodes"]!.AsArray().Select(n => n.Text("slug"));
}
