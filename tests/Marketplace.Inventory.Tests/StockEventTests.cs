using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Inventory.Tests.Support;
using Marketplace.Modules.Inventory.Contracts.V1;
using Npgsql;
using static Marketplace.Inventory.Tests.Support.InventoryFlows;

namespace Marketplace.Inventory.Tests;

/// <summary>What Inventory tells others: availability crossing zero, and low stock once per crossing (to the seller).</summary>
public sealed class StockEventTests(InventoryApp app) : InventoryTest(app)
{
    private const string StockChanged = "marketplace.inventory.stock_changed.v1";
    private const string LowStock = "marketplace.inventory.low_stock.v1";

    [Fact]
    public async Task Stock_changed_is_published_once_each_time_availability_crosses_zero()
    {
        var listing = await ListingAsync();
        await App.StockAsync(listing, listing.VariantId, 2);
        var first = NewHolder();
        (await App.ReserveAsync(first, 600, (listing.VariantId, 1))).Reserved.Should().BeTrue();
        (await App.ReserveAsync(NewHolder(), 600, (listing.VariantId, 1))).Reserved.Should().BeTrue();
        (await App.ReserveAsync(NewHolder(), 600, (listing.VariantId, 1))).Reserved.Should().BeFalse();
        using (InventoryApp.AsCheckout())
            await App.Reservations.ReleaseAsync(new ReleaseRequest { HolderId = first });
        using (InventoryApp.AsSeller(listing.SellerId))
        {
            await App.Stock.AdjustOnHandAsync(new AdjustOnHandRequest { VariantId = listing.VariantId, Delta = 5, Reason = "RECEIVED" });
            await App.Stock.UpdateStockSettingsAsync(new UpdateStockSettingsRequest { VariantId = listing.VariantId, Tracked = false });
        }

        var events = await EventsAsync(StockChanged, listing.VariantId);
        events.Select(e => (e["availableForSale"]!.GetValue<bool>(), e["version"]!.GetValue<long>())).Should().Equal((true, 1L), (false, 2L), (true, 3L));
        events.Should().OnlyContain(e => e.Text("productId") == listing.ProductId && e.Text("storeId") != "");
    }

    [Fact]
    public async Task Low_stock_is_published_once_per_crossing_of_the_threshold()
    {
        var listing = await ListingAsync();
        await App.StockAsync(listing, listing.VariantId, 10);
        using (InventoryApp.AsSeller(listing.SellerId))
            await App.Stock.UpdateStockSettingsAsync(new UpdateStockSettingsRequest { VariantId = listing.VariantId, LowStockThreshold = 3 });
        var holder = NewHolder();

        (await App.ReserveAsync(holder, 600, (listing.VariantId, 5))).Reserved.Should().BeTrue();   // 5 left: above
        (await App.ReserveAsync(holder, 600, (listing.VariantId, 7))).Reserved.Should().BeTrue();   // 3 left: crosses
        (await App.ReserveAsync(NewHolder(), 600, (listing.VariantId, 2))).Reserved.Should().BeTrue(); // 1 left: still below
        using (InventoryApp.AsCheckout())
            await App.Reservations.ReleaseAsync(new ReleaseRequest { HolderId = holder });           // 8 left: above again
        (await App.ReserveAsync(NewHolder(), 600, (listing.VariantId, 6))).Reserved.Should().BeTrue(); // 2 left: crosses again

        var events = await EventsAsync(LowStock, listing.VariantId);
        events.Select(e => (e["available"]!.GetValue<int>(), e["threshold"]!.GetValue<int>())).Should().Equal((3, 3), (2, 3));
        events.Should().OnlyContain(e => e.Text("sellerId") == listing.SellerId && e.Text("notifyEmail") == "hello@example.test" && e.Text("productTitle") == "Stocked loaf");
    }

    [Fact]
    public async Task The_seller_is_emailed_and_told_in_app_when_stock_runs_low()
    {
        var listing = await ListingAsync();
        await App.StockAsync(listing, listing.VariantId, 6);
        using (InventoryApp.AsSeller(listing.SellerId))
            await App.Stock.UpdateStockSettingsAsync(new UpdateStockSettingsRequest { VariantId = listing.VariantId, LowStockThreshold = 2 });
        (await App.ReserveAsync(NewHolder(), 600, (listing.VariantId, 4))).Reserved.Should().BeTrue();
        var sku = (await EventsAsync(LowStock, listing.VariantId)).Single().Text("sku");

        var client = App.CreateClient();
        var feed = await Eventually.ReturnsAsync(
            async () => (await client.SendAsync("{ viewer { notifications(first: 10) { nodes { kind title body } } } }", token: listing.SellerToken)).Data("viewer")["notifications"]!["nodes"]!.AsArray(),
            nodes => nodes!.Any(n => n.Text("kind") == "low_stock"), TimeSpan.FromSeconds(30), "the in-app notification arrives");
        var item = feed.Single(n => n.Text("kind") == "low_stock")!;
        item.Text("title").Should().Be($"Low stock: Stocked loaf ({sku}), 2 left");
        item.Text("body").Should().Contain("at or below your alert threshold of 2");

        var mail = await Eventually.ReturnsAsync(
            async () => (await MaildevAsync()).FirstOrDefault(m => m!.Text("subject").Contains(sku, StringComparison.Ordinal)),
            m => m is not null, TimeSpan.FromSeconds(30), "the email reaches the store's contact address");
        mail!["to"]!.AsArray().Select(t => t.Text("address")).Should().Equal("hello@example.test");
    }

    private static async Task<List<JsonNode>> EventsAsync(string subject, string variantId)
    {
        return await Eventually.ReturnsAsync(async () =>
        {
            await using var connection = new NpgsqlConnection(TestServices.Postgres);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT payload::text FROM inventory.outbox_messages WHERE subject = $1 AND payload->>'variantId' = $2 ORDER BY id", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = subject });
            command.Parameters.Add(new NpgsqlParameter { Value = variantId });
            var events = new List<JsonNode>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                events.Add(JsonNode.Parse(reader.GetString(0))!);
            return events;
        }, _ => true);
    }

    private static async Task<JsonArray> MaildevAsync()
    {
        using var http = new HttpClient();
        var url = Environment.GetEnvironmentVariable("MAILDEV_API_URL") ?? "http://127.0.0.1:11080";
        return await http.GetFromJsonAsync<JsonArray>($"{url.TrimEnd('/')}/email") ?? [];
    }
}
