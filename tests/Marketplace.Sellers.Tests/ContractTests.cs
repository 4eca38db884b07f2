using Grpc.Core;
using Marketplace.Modules.Sellers.Contracts.V1;
using Marketplace.Sellers.Tests.Support;
using Marketplace.Shared.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Sellers.Tests;

/// <summary>What other modules (Catalog, Ordering) ask the Sellers contract, and who sees stores that are not ACTIVE.</summary>
public sealed class ContractTests(SellersApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    private SellersStores.SellersStoresClient Sellers => app.Services.GetRequiredService<SellersStores.SellersStoresClient>();

    private static IDisposable As(Caller caller) => CallContext.Push(new CallContext(caller, CallContext.NewCorrelationId()));

    [Fact]
    public async Task GetStores_hydrates_by_ids_in_one_call_and_IsStoreOwner_answers_for_the_owner_only()
    {
        var (token, sellerId) = await _client.SellerAsync(app);
        var (otherToken, otherSellerId) = await _client.SellerAsync(app);
        var (lat, lon) = Gql.NewPlace();
        var slugs = new[] { Gql.NewSlug(), Gql.NewSlug() };
        foreach (var slug in slugs)
            (await _client.CreateStoreAsync(token, Gql.StoreInput("Hydrated", lat, lon, slug))).Data("storeCreate").Codes().Should().BeEmpty();
        var ids = new List<string>();
        foreach (var slug in slugs)
            ids.Add((await Gql.ScalarAsync<Guid>("SELECT id FROM sellers.stores WHERE slug = $1", slug)).ToString());

        using (As(Caller.Service("Catalog")))
        {
            var request = new GetStoresRequest { Ids = { ids[0], ids[1], Guid.NewGuid().ToString(), "not-a-guid" } };
            var found = await Sellers.GetStoresAsync(request);
            found.Stores.Select(s => s.Slug).Should().BeEquivalentTo(slugs);
            found.Stores.Should().OnlyContain(s => s.SellerId == sellerId && s.Status == "ACTIVE");

            (await Sellers.IsStoreOwnerAsync(new IsStoreOwnerRequest { StoreId = ids[0], SellerId = sellerId })).Owner.Should().BeTrue();
            (await Sellers.IsStoreOwnerAsync(new IsStoreOwnerRequest { StoreId = ids[0], SellerId = otherSellerId })).Owner.Should().BeFalse();
        }

        // Follow state rides along in the same batch: no call per store.
        (await _client.MutateAsync("storeFollow", new { storeId = Stores.GlobalId(Guid.Parse(ids[0])) }, otherToken)).Data("storeFollow").Codes().Should().BeEmpty();
        using (As(Caller.User(otherSellerId, [Roles.Seller])))
        {
            var hydrated = (await Sellers.GetStoresAsync(new GetStoresRequest { Ids = { ids } })).Stores.ToDictionary(s => s.Id);
            (hydrated[ids[0]].FollowersCount, hydrated[ids[0]].ViewerIsFollowing).Should().Be((1L, true));
            (hydrated[ids[1]].FollowersCount, hydrated[ids[1]].ViewerIsFollowing).Should().Be((0L, false));
        }

        using (As(Caller.User(otherSellerId, [Roles.Seller])))
        {
            (await Sellers.IsStoreOwnerAsync(new IsStoreOwnerRequest { StoreId = ids[0], SellerId = otherSellerId })).Owner.Should().BeFalse();
            var act = () => Sellers.IsStoreOwnerAsync(new IsStoreOwnerRequest { StoreId = ids[0], SellerId = sellerId }).ResponseAsync;
            (await act.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.PermissionDenied);
        }
    }

    [Fact]
    public async Task A_store_that_is_not_active_is_hidden_from_buyers_and_visitors_but_not_from_its_seller()
    {
        var (token, _) = await _client.SellerAsync(app);
        var (lat, lon) = Gql.NewPlace();
        var slug = Gql.NewSlug("closed");
        var created = (await _client.CreateStoreAsync(token, Gql.StoreInput("Closed soon", lat, lon, slug))).Data("storeCreate");
        created.Codes().Should().BeEmpty();
        (await _client.MutateAsync("storeClose", new { id = created["store"].Text("id") }, token)).Data("storeClose").Codes().Should().BeEmpty();
        var buyer = await _client.BuyerAsync();
        const string Query = "query($s: String!) { store(slug: $s) { slug status } }";

        (await _client.SendAsync(Query, new { s = slug }))["data"]!["store"].Should().BeNull();
        (await _client.SendAsync(Query, new { s = slug }, buyer))["data"]!["store"].Should().BeNull();
        (await _client.SendAsync(Query, new { s = slug }, token)).Data("store").Text("status").Should().Be("CLOSED");
        var near = (await _client.SendAsync("query($lat: Float!, $lon: Float!) { storesNear(location: { latitude: $lat, longitude: $lon }, radiusKm: 1) { nodes { slug } } }", new { lat, lon }))
            .Data("storesNear")["nodes"]!.AsArray();
        near.Select(n => n.Text("slug")).Should().NotContain(slug);

        // node(id:) is a second door: the same rule.
        var id = (await _client.SendAsync(Query.Replace("slug status", "id", StringComparison.Ordinal), new { s = slug }, token)).Data("store").Text("id");
        const string Node = "query($i: ID!) { node(id: $i) { id ... on Store { slug status } } }";
        (await _client.SendAsync(Node, new { i = id }, buyer))["data"]!["node"].Should().BeNull();
        (await _client.SendAsync(Node, new { i = id }, token)).Data("node").Text("status").Should().Be("CLOSED");
    }

    [Fact]
    public async Task A_seller_runs_a_bounded_number_of_stores()
    {
        var (token, _) = await _client.SellerAsync(app);
        var (lat, lon) = Gql.NewPlace();
        var opened = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => _client.CreateStoreAsync(token, Gql.StoreInput($"Chain {i}", lat, lon, Gql.NewSlug("chain")))));

        var codes = opened.Select(o => o.Data("storeCreate").Codes()).ToList();
        codes.Count(c => c.Length == 0).Should().Be(10);
        codes.Where(c => c.Length > 0).Should().OnlyContain(c => c.SequenceEqual(new[] { "STORE_LIMIT_REACHED" }));
        var mine = (await _client.SendAsync("{ viewer { stores { slug } } }", token: token)).Data("viewer")["stores"]!.AsArray();
        mine.Should().HaveCount(10);
    }
}
