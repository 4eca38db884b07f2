using System.Net;
using Marketplace.Media.Tests.Support;
using Marketplace.Modules.Media.DemoData;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.Modules;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Media.Tests;

/// <summary>
/// The demo stores and products show real images, generated at seed time and put through the pipeline: no external URL
/// in the demo data, every referenced id rendered, and seeding again renders nothing.
/// </summary>
public sealed class DemoDataTests(MediaApp app)
{
    private static readonly string[] Slugs =
        ["demo-lisbon-bakery", "demo-alfama-books", "demo-baixa-electronics", "demo-belem-garden", "demo-chiado-fashion", "demo-lx-grocer"];

    [Fact]
    public async Task Seeding_gives_every_demo_store_and_product_line_a_ready_image_and_seeding_again_renders_nothing()
    {
        foreach (var module in new[] { "Users", "Sellers", "Catalog", "Media" })
            await SeedAsync(module);
        var demoIds = DemoImages.All.Select(i => i.Id).ToArray();
        // Only the demo's own assets: the suite's other tests upload and render in the same database meanwhile.
        const string LastChange = "SELECT max(updated_at) FROM media.assets WHERE id = ANY($1)";
        var rendered = await MediaFlows.ScalarAsync<DateTime>(app.Database, LastChange, (object)demoIds);

        // Every image the Sellers and Catalog demo data reference is a READY Media asset (no external URL left).
        (await MediaFlows.ScalarAsync<long>(app.Database, "SELECT count(*) FROM sellers.stores WHERE slug = ANY($1) AND (logo LIKE 'http%' OR banner LIKE 'http%')", (object)Slugs)).Should().Be(0);
        (await MediaFlows.ScalarAsync<long>(app.Database, """
            SELECT count(*) FROM catalog.products p, unnest(p.images) i
            WHERE p.store_id IN (SELECT id FROM sellers.stores WHERE slug = ANY($1))
              AND (i LIKE 'http%' OR NOT EXISTS (SELECT 1 FROM media.assets a WHERE a.id::text = i AND a.status = 'READY'))
            """, (object)Slugs)).Should().Be(0);
        (await MediaFlows.ScalarAsync<long>(app.Database, "SELECT count(*) FROM media.assets WHERE status = 'READY' AND id = ANY($1)", (object)demoIds))
            .Should().Be(DemoImages.All.Count);

        // Through GraphQL, as a visitor: signed URLs on this host, and the files are there.
        var client = app.CreateClient();
        var store = (await client.SendAsync(
            "{ store(slug: \"demo-lisbon-bakery\") { logo { url asset { width } } banner { url } products(first: 3) { nodes { title images { url } } } } }")).Data("store");
        store["logo"].Text("url").Should().StartWith("http://localhost:8080/media/img/").And.Contain("Signature=");
        store["logo"]!["asset"]!["width"]!.GetValue<int>().Should().Be(320, "a 512 px logo has 160 and 320 px renditions");
        store["products"]!["nodes"]!.AsArray().Should().HaveCount(3).And.OnlyContain(p => p!["images"]![0]!.Text("url").Contains("Signature="));
        using (var banner = await client.DownloadAsync(store["banner"].Text("url")))
        {
            banner.StatusCode.Should().Be(HttpStatusCode.OK);
            (await banner.Content.ReadAsByteArrayAsync()).Length.Should().BeGreaterThan(1000);
        }

        // The stores' and products' events told Media what the demo shows, so none of it is ever swept as unreferenced.
        await Eventually.AssertAsync(
            async () => await MediaFlows.ScalarAsync<long>(app.Database, "SELECT count(DISTINCT asset_id) FROM media.asset_references WHERE asset_id = ANY($1)", (object)demoIds) == DemoImages.All.Count,
            TimeSpan.FromSeconds(60), "every demo image is referenced");

        foreach (var module in new[] { "Users", "Sellers", "Catalog", "Media" })
            await SeedAsync(module);
        (await MediaFlows.ScalarAsync<DateTime>(app.Database, LastChange, (object)demoIds)).Should().Be(rendered, "a second seed renders nothing");
    }

    private async Task SeedAsync(string moduleName)
    {
        var module = app.Services.GetRequiredService<ModuleRegistry>().Modules.Single(m => m.Name == moduleName);
        foreach (var seederType in module.Seeders)
        {
            await using var scope = app.Services.CreateAsyncScope();
            using var context = CallContext.Push(new CallContext(Caller.Service(moduleName), CallContext.NewCorrelationId()));
            await ((IModuleSeeder)scope.ServiceProvider.GetRequiredService(seederType)).SeedAsync(CancellationToken.None);
        }
    }
}
