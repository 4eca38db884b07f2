using Marketplace.Ordering.Tests.Support;
using Npgsql;

namespace Marketplace.Ordering.Tests;

/// <summary>An order's frozen snapshot: what later happens to the product or the store never changes an order.</summary>
public sealed class SnapshotTests(OrderingApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task An_order_is_unchanged_after_its_product_is_renamed_repriced_and_archived_and_its_store_moves()
    {
        var shop = await app.ShopAsync(name: "Old Name Bakery");
        var listing = await app.ProductAsync(shop, price: "4.20", title: "Old Title");
        var buyer = await app.BuyerAsync(at: (shop.Latitude, shop.Longitude));
        var group = await _client.BuyAsync(buyer, (listing.VariantGlobalId(), 2));
        var orderId = group["orders"]![0].Text("id");
        var before = await OrderAsync(orderId, buyer.Token);

        Ok(await _client.SendAsync("mutation($i: ProductUpdateInput!) { productUpdate(input: $i) { userErrors { code } } }",
            new { i = new { id = listing.ProductGlobalId, title = "New Title" } }, shop.SellerToken), "productUpdate");
        Ok(await _client.SendAsync("mutation($i: ProductVariantsBulkUpdateInput!) { productVariantsBulkUpdate(input: $i) { userErrors { code } } }",
            new { i = new { productId = listing.ProductGlobalId, variants = new[] { new { id = listing.VariantGlobalId(), price = "99.00", sku = "RENAMED-" + Guid.NewGuid().ToString("N")[..8] } } } }, shop.SellerToken), "productVariantsBulkUpdate");
        Ok(await _client.SendAsync("mutation($id: ID!) { productArchive(input: { id: $id }) { userErrors { code } } }", new { id = listing.ProductGlobalId }, shop.SellerToken), "productArchive");
        Ok(await _client.SendAsync("mutation($i: StoreUpdateInput!) { storeUpdate(input: $i) { userErrors { code } } }",
            new { i = new { id = shop.StoreGlobalId, name = "New Name Bakery", address = "2 Moved Street", location = new { latitude = shop.Latitude + 0.01, longitude = shop.Longitude } } }, shop.SellerToken), "storeUpdate");

        var after = await OrderAsync(orderId, buyer.Token);
        after.ToJsonString().Should().Be(before.ToJsonString());
        (after["lines"]![0].Text("productTitle"), after["lines"]![0]!["unitPrice"].Amount(), after["store"].Text("name")).Should().Be(("Old Title", 4.20m, "Old Name Bakery"));
        after["store"]!["location"]!["latitude"]!.GetValue<double>().Should().Be(shop.Latitude);
    }

    [Fact]
    public async Task PostgreSQL_refuses_to_change_an_orders_snapshot_or_amounts_or_to_delete_it_but_lets_its_status_move()
    {
        var listing = await app.ProductAsync(await app.ShopAsync());
        var buyer = await app.BuyerAsync(at: (listing.Shop.Latitude, listing.Shop.Longitude));
        var group = await _client.BuyAsync(buyer, (listing.VariantGlobalId(), 1));
        var orderId = Guid.Parse(Ids.Local(group["orders"]![0].Text("id")));

        await using var connection = new NpgsqlConnection(TestServices.Postgres);
        await connection.OpenAsync();
        foreach (var statement in new[]
        {
            "UPDATE ordering.orders SET snapshot = jsonb_set(snapshot, '{lines,0,productTitle}', '\"Tampered\"') WHERE id = $1",
            "UPDATE ordering.orders SET total = total + 1 WHERE id = $1",
            "UPDATE ordering.orders SET store_id = gen_random_uuid() WHERE id = $1",
            "DELETE FROM ordering.orders WHERE id = $1",
        })
        {
            await using var command = new NpgsqlCommand(statement, connection) { Parameters = { new() { Value = orderId } } };
            var refused = async () => await command.ExecuteNonQueryAsync();
            (await refused.Should().ThrowAsync<PostgresException>(statement)).Which.SqlState.Should().Be(PostgresErrorCodes.InsufficientPrivilege);
        }

        await using (var status = new NpgsqlCommand("UPDATE ordering.orders SET status = 'PLACED', updated_at = now() WHERE id = $1", connection) { Parameters = { new() { Value = orderId } } })
            (await status.ExecuteNonQueryAsync()).Should().Be(1, "the lifecycle (issue 17) moves the status columns");
        var order = await OrderAsync(group["orders"]![0].Text("id"), buyer.Token);
        order["lines"]![0].Text("productTitle").Should().Be(listing.Title);
    }

    private async Task<System.Text.Json.Nodes.JsonNode> OrderAsync(string id, string token)
    {
        var body = await _client.SendAsync($"query($id: ID!) {{ order(id: $id) {{ number total {{ amount currencyCode }} {CheckoutFlowsFields} }} }}", new { id }, token);
        body["errors"].Should().BeNull(body.ToJsonString());
        return body["data"]!["order"]!;
    }

    private const string CheckoutFlowsFields = """
        store { storeId name address contactEmail location { latitude longitude } }
        lines { variantId productTitle variantTitle sku options { name value } image { url } unitPrice { amount } compareAtUnitPrice { amount } quantity lineTotal { amount } }
        deliveryAddress { recipient lines city location { latitude longitude } }
        """;

    private static void Ok(System.Text.Json.Nodes.JsonNode body, string field) => body.Data(field).Codes().Should().BeEmpty(body.ToJsonString());
}
