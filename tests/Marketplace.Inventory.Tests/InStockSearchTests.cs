using Marketplace.Inventory.Tests.Support;
using Marketplace.Modules.Inventory.Contracts.V1;
using static Marketplace.Inventory.Tests.Support.InventoryFlows;

namespace Marketplace.Inventory.Tests;

/// <summary>"In stock near me": Catalog's search projection follows Inventory's stock_changed.v1.</summary>
public sealed class InStockSearchTests(InventoryApp app) : InventoryTest(app)
{
    private const string Near = """
        query($lat: Float!, $lon: Float!, $inStock: Boolean) {
          productsNear(location: { latitude: $lat, longitude: $lon }, radiusKm: 1, inStockOnly: $inStock) { edges { node { id } } }
        }
        """;

    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task In_stock_only_search_follows_stock_changes()
    {
        var listing = await ListingAsync(variants: 2);
        var other = Track(await App.AnotherProductAsync(listing));
        await Found(listing, inStockOnly: false, expected: true, "the published product is searchable");
        (await FoundNow(listing, inStockOnly: true)).Should().BeFalse("nothing is in stock yet");

        await App.StockAsync(listing, listing.VariantIds[1], 2);
        await Found(listing, inStockOnly: true, expected: true, "a variant was stocked");
        (await FoundNow(other, inStockOnly: true)).Should().BeFalse("the other product still has no stock");

        var holder = NewHolder();
        (await App.ReserveAsync(holder, 600, (listing.VariantIds[1], 2))).Reserved.Should().BeTrue();
        await Found(listing, inStockOnly: true, expected: false, "its only stocked variant is all held");
        await Found(listing, inStockOnly: false, expected: true, "without the filter it is still found");

        using (InventoryApp.AsCheckout())
            await App.Reservations.ReleaseAsync(new ReleaseRequest { HolderId = holder });
        await Found(listing, inStockOnly: true, expected: true, "the hold was released");
    }

    private Task Found(Listing listing, bool inStockOnly, bool expected, string because) =>
        Eventually.AssertAsync(async () => await FoundNow(listing, inStockOnly) == expected, TimeSpan.FromSeconds(30), because);

    private async Task<bool> FoundNow(Listing listing, bool inStockOnly)
    {
        var body = await _client.SendAsync(Near, new { lat = listing.Place.Latitude, lon = listing.Place.Longitude, inStock = inStockOnly });
        return body.Data("productsNear")["edges"]!.AsArray().Any(e => e!["node"].Text("id") == listing.ProductGlobalId);
    }
}
