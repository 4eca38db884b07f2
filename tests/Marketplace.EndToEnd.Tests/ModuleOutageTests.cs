using Marketplace.EndToEnd.Tests.Support;

namespace Marketplace.EndToEnd.Tests;

/// <summary>Runs alone, after the journeys: it takes a module's process away from everyone.</summary>
[CollectionDefinition(nameof(ModuleOutage), DisableParallelization = true)]
public sealed class ModuleOutage;

/// <summary>
/// Split topology: a module process that dies fails only the fields that need it, with a clear error naming it, the
/// gateway's readiness names it, and the next calls succeed once it is back.
/// </summary>
[Collection(nameof(ModuleOutage))]
public sealed class ModuleOutageTests(Topology topology)
{
    private const string ProductQuery = "query($id: ID!) { product(id: $id) { title variants { quantityAvailable } } }";

    private readonly HttpClient _client = topology.Client();

    [Fact]
    public async Task A_dead_module_fails_only_its_fields_and_they_answer_again_once_it_is_back()
    {
        Assert.SkipUnless(topology.IsSplit, "Only the split topology has a module process to kill.");
        var shop = await _client.ShopAsync("E2E Outage Shop");
        var listing = await _client.ProductAsync(topology, shop, stock: 4);

        await topology.KillAsync("Inventory");
        try
        {
            var answer = await _client.SendAsync(ProductQuery, new { id = listing.ProductId });

            answer["data"]!["product"].Text("title").Should().Be(listing.Title, "Catalog still answers: {0}", answer.ToJsonString());
            var error = answer["errors"]!.AsArray().Should().ContainSingle().Subject!;
            error["path"]!.AsArray().Select(p => p!.ToString()).Should().Equal("product", "variants", "0", "quantityAvailable");
            var extensions = error["extensions"]!;
            (extensions.Text("code"), extensions.Text("reason"), extensions.Text("module")).Should().Be(("UNAVAILABLE", "SERVICE_UNAVAILABLE", "Inventory"));
            error.Text("message").Should().Contain("Inventory");
            var stores = (await _client.SendAsync(
                "query($lat: Float!, $lon: Float!) { storesNear(location: { latitude: $lat, longitude: $lon }, radiusKm: 2) { edges { node { id } } } }",
                new { lat = shop.Latitude, lon = shop.Longitude }));
            stores["errors"].Should().BeNull("Sellers does not need Inventory");
            var (status, readiness) = await topology.ReadinessAsync();
            ((int)status).Should().Be(200, "one module down degrades the gateway, it does not take it out of the load balancer");
            readiness.Text("status").Should().Be("Degraded");
            readiness["checks"]!["module:Inventory"].Text("status").Should().Be("Degraded");
            readiness["checks"]!["module:Catalog"].Text("status").Should().Be("Healthy");
        }
        finally
        {
            await topology.RestartAsync("Inventory");
        }

        var recovered = await _client.SendAsync(ProductQuery, new { id = listing.ProductId });
        recovered["errors"].Should().BeNull(recovered.ToJsonString());
        recovered["data"]!["product"]!["variants"]![0]!["quantityAvailable"]!.GetValue<int>().Should().Be(4);
    }
}
