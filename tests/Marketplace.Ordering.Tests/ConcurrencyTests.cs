using Marketplace.Ordering.Tests.Support;

namespace Marketplace.Ordering.Tests;

/// <summary>Many buyers racing through the whole checkout for scarce stock: never oversold, counters exact.</summary>
public sealed class ConcurrencyTests(OrderingApp app)
{
    [Fact]
    public async Task Thirty_buyers_race_through_checkout_for_five_units_and_exactly_five_orders_exist()
    {
        var listing = await app.ProductAsync(await app.ShopAsync(), price: "9.99", stock: 5);
        var buyers = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => app.BuyerAsync(at: (listing.Shop.Latitude, listing.Shop.Longitude))));
        foreach (var buyer in buyers)
            (await app.CreateClient().AddAsync(buyer.Token, (listing.VariantGlobalId(), 1))).Codes().Should().BeEmpty();

        var outcomes = await Task.WhenAll(buyers.Select(async buyer =>
        {
            var client = app.CreateClient();
            var created = await client.CheckoutCreateAsync(buyer.Token, new { deliveryAddressId = buyer.AddressGlobalId });
            if (created.Codes().Length > 0)
                return created.Codes().Single();
            var completed = await client.CompleteAsync(buyer.Token, created["checkout"].Text("id"), Guid.NewGuid().ToString(), "9.99");
            return completed.Codes().Length > 0 ? completed.Codes().Single() : "PLACED";
        }));

        outcomes.Count(o => o == "PLACED").Should().Be(5, string.Join(", ", outcomes));
        outcomes.Where(o => o != "PLACED").Should().OnlyContain(o => o == "INSUFFICIENT_STOCK");
        var level = await app.LevelAsync(listing.VariantId);
        (level.OnHand, level.Reserved, level.Allocated, level.Available).Should().Be((5, 0, 5, 0));
        long orders = 0;
        foreach (var buyer in buyers)
            orders += await CheckoutTests.OrderCountAsync(buyer);
        orders.Should().Be(5);
    }
}
