using Marketplace.Catalog.Tests.Support;
using Marketplace.Shared.Contracts;

namespace Marketplace.Catalog.Tests;

/// <summary>product.store goes through the Sellers contract's GetStores, batched: one call for a page, however many stores.</summary>
public sealed class HydrationTests(CatalogApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Products_of_three_stores_cost_one_GetStores_call()
    {
        var category = await _client.CategoryAsync(app);
        var products = new List<(string Id, string Slug)>();
        for (var i = 0; i < 3; i++)
        {
            var shop = await _client.SellerStoreAsync(app);
            for (var j = 0; j < 2; j++)
            {
                var id = (await _client.ProductAsync(shop.Token, CatalogFlows.ProductInput(shop.StoreId, category))).Text("id");
                (await _client.PublishAsync(shop.Token, id)).Codes().Should().BeEmpty();
                products.Add((id, shop.Slug));
            }
        }

        var query = "query { " + string.Join(" ", products.Select((p, i) => $"p{i}: product(id: \"{p.Id}\") {{ id store {{ slug }} category {{ slug }} }}")) + " }";
        var correlation = "hydrate-" + Guid.NewGuid().ToString("N");

        var body = await _client.SendAsync(query, correlationId: correlation);

        body["errors"].Should().BeNull(body.ToJsonString());
        for (var i = 0; i < products.Count; i++)
            body["data"]![$"p{i}"]!["store"].Text("slug").Should().Be(products[i].Slug);
        // The visitor's own calls (the gateway's loader) are batched into one; the Catalog module checks store status as
        // a service on its own.
        app.Sellers!.Calls(correlation, "GetStores", CallerKind.Anonymous).Should().Be(1);
    }
}
