using System.Text.Json.Nodes;
using Marketplace.Sellers.Tests.Support;

namespace Marketplace.Sellers.Tests;

/// <summary>storeFollow / storeUnfollow, followersCount, viewerIsFollowing and viewer.followedStores.</summary>
public sealed class FollowTests(SellersApp app)
{
    private const string FollowedPage =
        "query($first: Int, $after: String) { viewer { followedStores(first: $first, after: $after) { edges { cursor followedAt node { id slug viewerIsFollowing } } pageInfo { hasNextPage endCursor } } } }";

    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Follow_and_unfollow_are_idempotent_and_publish_only_real_changes()
    {
        var (sellerToken, _, store) = await _client.NewStoreAsync(app);
        var id = store.Text("id");
        var localId = await Stores.LocalIdAsync(store.Text("slug"));
        var buyer = await _client.BuyerAsync();

        var first = (await _client.MutateAsync("storeFollow", new { storeId = id }, buyer)).Data("storeFollow");
        first.Codes().Should().BeEmpty(first.ToJsonString());
        first["store"].Number("followersCount").Should().Be(1);
        first["store"]!["viewerIsFollowing"]!.GetValue<bool>().Should().BeTrue();
        var again = (await _client.MutateAsync("storeFollow", new { storeId = id }, buyer)).Data("storeFollow");
        again.Codes().Should().BeEmpty();
        again["store"].Number("followersCount").Should().Be(1);

        (await _client.StoreAsync(id, buyer))!["viewerIsFollowing"]!.GetValue<bool>().Should().BeTrue();
        var anonymous = await _client.StoreAsync(id);
        anonymous!["viewerIsFollowing"]!.GetValue<bool>().Should().BeFalse();
        anonymous.Number("followersCount").Should().Be(1);
        var seller = await _client.StoreAsync(id, sellerToken);
        seller.Number("followersCount").Should().Be(1, "the seller sees the count");
        seller!["viewerIsFollowing"]!.GetValue<bool>().Should().BeFalse();

        var left = (await _client.MutateAsync("storeUnfollow", new { storeId = id }, buyer)).Data("storeUnfollow");
        left["store"].Number("followersCount").Should().Be(0);
        left["store"]!["viewerIsFollowing"]!.GetValue<bool>().Should().BeFalse();
        (await _client.MutateAsync("storeUnfollow", new { storeId = id }, buyer)).Data("storeUnfollow")["store"].Number("followersCount").Should().Be(0);

        var followed = await Stores.EventsAsync(Stores.Followed, localId);
        followed.Should().ContainSingle();
        (await Stores.EventsAsync(Stores.Unfollowed, localId)).Should().ContainSingle()
            .Which.Text("userId").Should().Be(followed[0].Text("userId"));
    }

    [Fact]
    public async Task Followers_count_stays_exact_under_concurrent_follows_and_unfollows()
    {
        var (_, _, store) = await _client.NewStoreAsync(app);
        var id = store.Text("id");
        var localId = await Stores.LocalIdAsync(store.Text("slug"));
        var buyers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => _client.BuyerAsync()));

        // Every buyer follows twice at the same time as everyone else.
        var follows = await Task.WhenAll(buyers.Concat(buyers).Select(b => _client.MutateAsync("storeFollow", new { storeId = id }, b)));
        follows.Select(f => f.Data("storeFollow").Codes()).Should().OnlyContain(c => c.Length == 0);
        (await _client.StoreAsync(id)).Number("followersCount").Should().Be(20);

        var leaving = buyers.Take(8).ToArray();
        var unfollows = await Task.WhenAll(leaving.Concat(leaving).Concat(leaving).Select(b => _client.MutateAsync("storeUnfollow", new { storeId = id }, b)));
        unfollows.Select(f => f.Data("storeUnfollow").Codes()).Should().OnlyContain(c => c.Length == 0);

        (await _client.StoreAsync(id)).Number("followersCount").Should().Be(12);
        (await Gql.ScalarAsync<long>("SELECT count(*) FROM sellers.store_follows WHERE store_id = $1", Guid.Parse(localId))).Should().Be(12);
        (await Stores.EventsAsync(Stores.Followed, localId)).Select(e => e.Text("userId")).Should().HaveCount(20).And.OnlyHaveUniqueItems();
        (await Stores.EventsAsync(Stores.Unfollowed, localId)).Select(e => e.Text("userId")).Should().HaveCount(8).And.OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task Following_needs_a_signed_in_user_and_an_active_store()
    {
        var (sellerToken, _, store) = await _client.NewStoreAsync(app);
        var id = store.Text("id");
        var buyer = await _client.BuyerAsync();

        (await _client.MutateAsync("storeFollow", new { storeId = id }, null)).ErrorCodes().Should().Equal("UNAUTHENTICATED");
        var unknown = (await _client.MutateAsync("storeFollow", new { storeId = Stores.GlobalId(Guid.NewGuid()) }, buyer)).Data("storeFollow");
        unknown.Codes().Should().Equal("STORE_NOT_FOUND");
        unknown["userErrors"]![0].Path().Should().Equal("input", "storeId");

        (await _client.MutateAsync("storeClose", new { id }, sellerToken)).Data("storeClose").Codes().Should().BeEmpty();
        var closed = (await _client.MutateAsync("storeFollow", new { storeId = id }, buyer)).Data("storeFollow");
        closed.Codes().Should().Equal("STORE_NOT_ACTIVE");
        closed["store"].Should().BeNull();
        (await Stores.EventsAsync(Stores.Followed, await Stores.LocalIdAsync(store.Text("slug")))).Should().BeEmpty();

        // A seller may follow too (any signed-in user).
        (await _client.MutateAsync("storeReopen", new { id }, sellerToken)).Data("storeReopen").Codes().Should().BeEmpty();
        (await _client.MutateAsync("storeFollow", new { storeId = id }, sellerToken)).Data("storeFollow")["store"].Number("followersCount").Should().Be(1);
    }

    [Fact]
    public async Task Followed_stores_page_newest_first_without_gaps_or_duplicates_and_skip_closed_stores()
    {
        var (sellerToken, _) = await _client.SellerAsync(app);
        var stores = new List<JsonNode>();
        for (var i = 0; i < 7; i++)
            stores.Add(await _client.NewStoreAsync(sellerToken));
        var buyer = await _client.BuyerAsync();
        foreach (var store in stores)
            (await _client.MutateAsync("storeFollow", new { storeId = store.Text("id") }, buyer)).Data("storeFollow").Codes().Should().BeEmpty();
        var newestFirst = stores.Select(s => s.Text("id")).Reverse().ToList();

        var seen = await AllPagesAsync(buyer, pageSize: 3);
        seen.Should().Equal(newestFirst);

        // A closed store is left out (the follow stays: it shows again once reopened).
        (await _client.MutateAsync("storeClose", new { id = newestFirst[3] }, sellerToken)).Data("storeClose").Codes().Should().BeEmpty();
        (await AllPagesAsync(buyer, pageSize: 2)).Should().Equal(newestFirst.Where((_, i) => i != 3));
        (await _client.MutateAsync("storeReopen", new { id = newestFirst[3] }, sellerToken)).Data("storeReopen").Codes().Should().BeEmpty();
        (await AllPagesAsync(buyer, pageSize: 100)).Should().Equal(newestFirst);

        var bad = await _client.SendAsync(FollowedPage, new { first = 2, after = "bm90IGEgY3Vyc29y" }, buyer);
        bad.ErrorCodes().Should().Contain("BAD_USER_INPUT");
        (await _client.SendAsync(FollowedPage, new { first = 2 }))["data"]!["viewer"].Should().BeNull("there is no viewer without a token");
    }

    [Fact]
    public async Task Stores_near_carry_follow_state_for_the_whole_page()
    {
        var (sellerToken, _) = await _client.SellerAsync(app);
        var (lat, lon) = Gql.NewPlace();
        var a = await _client.NewStoreAsync(sellerToken, Gql.StoreInput("Near A", lat, lon, Gql.NewSlug("near")));
        var b = await _client.NewStoreAsync(sellerToken, Gql.StoreInput("Near B", lat + 0.001, lon, Gql.NewSlug("near")));
        var buyer = await _client.BuyerAsync();
        (await _client.MutateAsync("storeFollow", new { storeId = b.Text("id") }, buyer)).Data("storeFollow").Codes().Should().BeEmpty();

        var nodes = (await _client.SendAsync(
            "query($lat: Float!, $lon: Float!) { storesNear(location: { latitude: $lat, longitude: $lon }, radiusKm: 1) { nodes { id followersCount viewerIsFollowing } } }",
            new { lat, lon }, buyer)).Data("storesNear")["nodes"]!.AsArray();

        nodes.Select(n => (n.Text("id"), n.Number("followersCount"), n!["viewerIsFollowing"]!.GetValue<bool>()))
            .Should().Equal((a.Text("id"), 0L, false), (b.Text("id"), 1L, true));
    }

    private async Task<List<string>> AllPagesAsync(string token, int pageSize)
    {
        var ids = new List<string>();
        string? after = null;
        for (var page = 0; page < 20; page++)
        {
            var connection = (await _client.SendAsync(FollowedPage, new { first = pageSize, after }, token)).Data("viewer")["followedStores"]!;
            var edges = connection["edges"]!.AsArray();
            edges.Count.Should().BeLessThanOrEqualTo(pageSize);
            edges.Should().OnlyContain(e => e!["node"]!["viewerIsFollowing"]!.GetValue<bool>());
            ids.AddRange(edges.Select(e => e!["node"].Text("id")));
            if (!connection["pageInfo"]!["hasNextPage"]!.GetValue<bool>())
                return ids;
            after = connection["pageInfo"].Text("endCursor");
        }

        throw new InvalidOperationException("paging did not end");
    }
}
