using Marketplace.Ordering.Tests.Support;

namespace Marketplace.Ordering.Tests;

/// <summary>Who reads an order: its buyer, the seller of its store, administrators; nobody else learns it exists.</summary>
public sealed class OrderReadTests(OrderingApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task An_order_is_read_by_its_buyer_its_stores_seller_and_admins_only()
    {
        var listing = await app.ProductAsync(await app.ShopAsync(), price: "3.00");
        var otherShop = await app.ShopAsync();
        var buyer = await app.BuyerAsync(at: (listing.Shop.Latitude, listing.Shop.Longitude));
        var stranger = await app.BuyerAsync();
        var group = await _client.BuyAsync(buyer, (listing.VariantGlobalId(), 2));
        var order = group["orders"]![0]!;
        var (orderId, groupId) = (order.Text("id"), group.Text("id"));
        var admin = app.AdminToken();

        const string ById = "query($id: ID!) { order(id: $id) { id number total { amount } } }";
        const string Node = "query($id: ID!) { node(id: $id) { id } }";
        foreach (var (token, sees) in new[] { (buyer.Token, true), (listing.Shop.SellerToken, true), (admin, true), (stranger.Token, false), (otherShop.SellerToken, false) })
        {
            var byId = await _client.SendAsync(ById, new { id = orderId }, token);
            byId["errors"].Should().BeNull(byId.ToJsonString());
            (byId["data"]!["order"] is not null).Should().Be(sees, byId.ToJsonString());
            var node = await _client.SendAsync(Node, new { id = orderId }, token);
            (node["data"]!["node"] is not null).Should().Be(sees, node.ToJsonString());
        }

        (await _client.SendAsync(ById, new { id = orderId }))["errors"]![0]!["extensions"].Text("code").Should().Be("UNAUTHENTICATED");
        foreach (var (token, sees) in new[] { (buyer.Token, true), (admin, true), (listing.Shop.SellerToken, false), (stranger.Token, false) })
            ((await _client.SendAsync(Node, new { id = groupId }, token))["data"]!["node"] is not null).Should().Be(sees);

        const string Mine = "{ viewer { orders(first: 10) { nodes { id number } pageInfo { hasNextPage } } } }";
        (await _client.SendAsync(Mine, null, buyer.Token)).Data("viewer")["orders"]!["nodes"]!.AsArray().Select(n => n.Text("id")).Should().Equal(orderId);
        (await _client.SendAsync(Mine, null, stranger.Token)).Data("viewer")["orders"]!["nodes"]!.AsArray().Should().BeEmpty();
        (await _client.SendAsync(Mine, null, listing.Shop.SellerToken)).Data("viewer")["orders"].Should().BeNull();

        const string StoreOrders = "query($id: ID!) { store(id: $id) { orders(first: 5, status: PLACED) { nodes { id } } } }";
        (await _client.SendAsync(StoreOrders, new { id = listing.Shop.StoreGlobalId }, listing.Shop.SellerToken)).Data("store")["orders"]!["nodes"]!.AsArray().Select(n => n.Text("id")).Should().Equal(orderId);
        (await _client.SendAsync(StoreOrders, new { id = listing.Shop.StoreGlobalId }, admin)).Data("store")["orders"]!["nodes"]!.AsArray().Should().HaveCount(1);
        foreach (var token in new[] { otherShop.SellerToken, buyer.Token, stranger.Token })
            (await _client.SendAsync(StoreOrders, new { id = listing.Shop.StoreGlobalId }, token)).Data("store")["orders"].Should().BeNull();
        (await _client.SendAsync("query($id: ID!) { store(id: $id) { orders(status: CANCELLED) { nodes { id } } } }", new { id = listing.Shop.StoreGlobalId }, listing.Shop.SellerToken))
            .Data("store")["orders"]!["nodes"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task A_buyers_orders_page_newest_first()
    {
        var listing = await app.ProductAsync(await app.ShopAsync(), stock: 10);
        var buyer = await app.BuyerAsync(at: (listing.Shop.Latitude, listing.Shop.Longitude));
        var numbers = new List<string>();
        for (var i = 0; i < 3; i++)
            numbers.Add((await _client.BuyAsync(buyer, (listing.VariantGlobalId(), 1)))["orders"]![0].Text("number"));

        const string Page = "query($after: String) { viewer { orders(first: 2, after: $after) { edges { cursor node { number } } pageInfo { hasNextPage endCursor } } } }";
        var first = (await _client.SendAsync(Page, new { after = (string?)null }, buyer.Token)).Data("viewer")["orders"]!;
        first["edges"]!.AsArray().Select(e => e!["node"].Text("number")).Should().Equal(numbers[2], numbers[1]);
        first["pageInfo"]!["hasNextPage"]!.GetValue<bool>().Should().BeTrue();
        var second = (await _client.SendAsync(Page, new { after = first["pageInfo"].Text("endCursor") }, buyer.Token)).Data("viewer")["orders"]!;
        second["edges"]!.AsArray().Select(e => e!["node"].Text("number")).Should().Equal(numbers[0]);
        second["pageInfo"]!["hasNextPage"]!.GetValue<bool>().Should().BeFalse();
    }
}
