using Marketplace.EndToEnd.Tests.Support;

namespace Marketplace.EndToEnd.Tests;

/// <summary>A seller lists a product with an uploaded image and stock; buyers find it by text near the store and see what is available.</summary>
public sealed class ProductJourneyTests(Topology topology)
{
    private readonly HttpClient _client = topology.Client();

    [Fact]
    public async Task A_product_with_an_image_and_stock_is_found_by_search_nearby_with_its_availability()
    {
        var shop = await _client.ShopAsync();
        var image = await _client.ImageAsync(shop);
        image.Text("status").Should().Be("READY", image.ToJsonString());
        image["renditions"]!.AsArray().Should().NotBeEmpty();
        var word = $"zq{Guid.NewGuid():N}"[..12];
        var listing = await _client.ProductAsync(topology, shop, image.Text("id"), price: "3.20", stock: 7, title: $"Rye {word}");

        var product = (await _client.SendAsync(
            "query($id: ID!) { product(id: $id) { title status images { assetId url } variants { availableForSale quantityAvailable price { amount currencyCode } } } }",
            new { id = listing.ProductId })).Data("product");
        product.Text("status").Should().Be("ACTIVE");
        product["images"]!.AsArray().Should().ContainSingle().Which!["url"]!.GetValue<string>().Should().StartWith("http");
        var variant = product["variants"]![0]!;
        (variant["availableForSale"]!.GetValue<bool>(), variant["quantityAvailable"]!.GetValue<int>()).Should().Be((true, 7));
        variant["price"].Text("amount").Should().Be("3.20");

        var found = await Eventually.ReturnsAsync(
            async () => (await _client.SendAsync(
                "query($lat: Float!, $lon: Float!, $q: String!) { productsNear(location: { latitude: $lat, longitude: $lon }, radiusKm: 5, query: $q, inStockOnly: true) { edges { distanceMeters node { id title } } } }",
                new { lat = shop.Latitude, lon = shop.Longitude, q = word })).Data("productsNear")["edges"]!.AsArray(),
            edges => edges!.Count > 0,
            TimeSpan.FromSeconds(60),
            "the search projection (fed by events) finds the product");
        found.Single()!["node"].Text("id").Should().Be(listing.ProductId);
    }
}
