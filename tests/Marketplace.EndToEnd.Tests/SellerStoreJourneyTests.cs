using Marketplace.EndToEnd.Tests.Support;

namespace Marketplace.EndToEnd.Tests;

/// <summary>A seller signs up, verifies the address by the emailed link (Users → Notifications → SMTP), opens a store that buyers nearby find.</summary>
public sealed class SellerStoreJourneyTests(Topology topology)
{
    private readonly HttpClient _client = topology.Client();

    [Fact]
    public async Task A_seller_signs_up_verifies_by_email_and_opens_a_store_buyers_find_nearby()
    {
        var shop = await _client.ShopAsync("E2E Corner Shop");

        var mine = (await _client.SendAsync("{ viewer { emailVerified } }", token: shop.SellerToken)).Data("viewer");
        mine["emailVerified"]!.GetValue<bool>().Should().BeTrue();
        var near = await Eventually.ReturnsAsync(
            async () => (await _client.SendAsync(
                "query($lat: Float!, $lon: Float!) { storesNear(location: { latitude: $lat, longitude: $lon }, radiusKm: 2) { edges { distanceMeters node { id name status } } } }",
                new { lat = shop.Latitude + 0.001, lon = shop.Longitude })).Data("storesNear")["edges"]!.AsArray(),
            edges => edges!.Any(e => e!["node"].Text("id") == shop.StoreId),
            TimeSpan.FromSeconds(30),
            "the new store is found near its place");
        var edge = near.Single(e => e!["node"].Text("id") == shop.StoreId)!;
        edge["node"].Text("name").Should().Be("E2E Corner Shop");
        edge["node"].Text("status").Should().Be("ACTIVE");
        edge["distanceMeters"]!.GetValue<double>().Should().BeInRange(50, 200);
    }
}
