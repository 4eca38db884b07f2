using Grpc.Core;
using Marketplace.Modules.Sellers.Contracts.V1;
using Marketplace.Sellers.Tests.Support;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.Contracts.V1;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Marketplace.Sellers.Tests;

/// <summary>
/// <c>SellersFollowers.ListStoreFollowers</c>: who follows a store, for modules only (Notifications tells them of the
/// store's new products), a thousand at a time.
/// </summary>
public sealed class StoreFollowersContractTests(SellersApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    private SellersFollowers.SellersFollowersClient Followers => new(app.Services.GetRequiredService<ContractChannels>().InvokerFor("Sellers"));

    private static IDisposable As(Caller caller) => CallContext.Push(new CallContext(caller, CallContext.NewCorrelationId()));

    [Fact]
    public async Task A_module_pages_through_thousands_of_followers_in_a_few_calls_without_the_seller()
    {
        var (sellerToken, sellerId, store) = await _client.NewStoreAsync(app);
        var storeId = await Stores.LocalIdAsync(store.Text("slug"));
        var signedIn = await _client.SignInBuyerAsync();
        var buyer = signedIn.Text("accessToken");
        (await _client.MutateAsync("storeFollow", new { storeId = store.Text("id") }, buyer)).Data("storeFollow").Codes().Should().BeEmpty();
        (await _client.MutateAsync("storeFollow", new { storeId = store.Text("id") }, sellerToken)).Data("storeFollow").Codes().Should().BeEmpty();
        // Volume: 1,500 more follows written straight into the table (following itself is FollowTests' subject).
        var many = Enumerable.Range(0, 1500).Select(_ => Guid.CreateVersion7()).ToArray();
        await using (var connection = new NpgsqlConnection(TestServices.Postgres))
        {
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand("INSERT INTO sellers.store_follows (user_id, store_id, followed_at) SELECT u, $2, now() FROM unnest($1::uuid[]) u", connection)
            {
                Parameters = { new() { Value = many }, new() { Value = Guid.Parse(storeId) } },
            };
            await insert.ExecuteNonQueryAsync();
        }

        var seen = new List<string>();
        var calls = 0;
        using (As(Caller.Service("Notifications")))
        {
            var after = "";
            while (true)
            {
                var page = await Followers.ListStoreFollowersAsync(new ListStoreFollowersRequest { StoreId = storeId, Page = new PageRequest { First = 1000, After = after } });
                calls++;
                page.Store.Name.Should().Be(store.Text("name"));
                seen.AddRange(page.UserIds);
                if (!page.PageInfo.HasNextPage)
                    break;
                after = page.UserIds[^1];
            }

            (await Followers.ListStoreFollowersAsync(new ListStoreFollowersRequest { StoreId = storeId })).UserIds.Should().HaveCount(500, "500 by default");
            (await Followers.ListStoreFollowersAsync(new ListStoreFollowersRequest { StoreId = storeId, Page = new PageRequest { First = 5000 } })).UserIds.Should().HaveCount(1000, "at most 1000");
        }

        calls.Should().Be(2);
        seen.Should().HaveCount(1501).And.OnlyHaveUniqueItems().And.NotContain(sellerId);
        seen.Should().BeInAscendingOrder(StringComparer.Ordinal, "PostgreSQL orders uuids by their bytes, as their text sorts");
        seen.Should().Contain(many.Select(m => m.ToString())).And.Contain(signedIn["viewer"].Text("userId"));
    }

    [Fact]
    public async Task Users_never_learn_who_follows_a_store_and_bad_input_is_named()
    {
        var (_, sellerId, store) = await _client.NewStoreAsync(app);
        var storeId = await Stores.LocalIdAsync(store.Text("slug"));
        foreach (var caller in new[] { Caller.User(sellerId, [Roles.Seller]), Caller.User(Guid.CreateVersion7().ToString(), [Roles.Buyer]), Caller.User(Guid.CreateVersion7().ToString(), [Roles.Admin]) })
        {
            using (As(caller))
            {
                var refused = await FluentActions.Awaiting(async () => await Followers.ListStoreFollowersAsync(new ListStoreFollowersRequest { StoreId = storeId })).Should().ThrowAsync<RpcException>();
                refused.Which.StatusCode.Should().Be(StatusCode.PermissionDenied);
                refused.Which.Reason().Should().Be(CommonErrorCodes.ServicesOnly);
            }
        }

        using (As(Caller.Service("Notifications")))
        {
            (await FluentActions.Awaiting(async () => await Followers.ListStoreFollowersAsync(new ListStoreFollowersRequest { StoreId = Guid.CreateVersion7().ToString() })).Should().ThrowAsync<RpcException>())
                .Which.Reason().Should().Be("STORE_NOT_FOUND");
            (await FluentActions.Awaiting(async () => await Followers.ListStoreFollowersAsync(new ListStoreFollowersRequest { StoreId = "not-an-id" })).Should().ThrowAsync<RpcException>())
                .Which.StatusCode.Should().Be(StatusCode.InvalidArgument);
            (await FluentActions.Awaiting(async () => await Followers.ListStoreFollowersAsync(new ListStoreFollowersRequest { StoreId = storeId, Page = new PageRequest { After = "nope" } })).Should().ThrowAsync<RpcException>())
                .Which.StatusCode.Should().Be(StatusCode.InvalidArgument);
        }
    }
}
