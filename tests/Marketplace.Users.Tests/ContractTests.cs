using Grpc.Core;
using Marketplace.Modules.Users.Contracts.V1;
using Marketplace.Shared.Contracts;
using Marketplace.Users.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Users.Tests;

/// <summary>What other modules ask the Users contract, each as the caller it would be.</summary>
public sealed class ContractTests(UsersApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    private UsersAuth.UsersAuthClient Auth => app.Services.GetRequiredService<UsersAuth.UsersAuthClient>();

    private UsersProfiles.UsersProfilesClient Profiles => app.Services.GetRequiredService<UsersProfiles.UsersProfilesClient>();

    private static IDisposable As(Caller caller) => CallContext.Push(new CallContext(caller, CallContext.NewCorrelationId()));

    [Fact]
    public async Task Sellers_module_learns_whether_a_seller_verified_their_email()
    {
        var registered = await _client.RegisterSellerAsync(Gql.NewEmail());
        var sellerId = registered["viewer"].Text("userId");
        var buyerId = (await _client.SignInBuyerAsync())["viewer"].Text("userId");

        using (As(Caller.Service("Sellers")))
        {
            var seller = await Auth.GetSellerStatusAsync(new GetSellerStatusRequest { UserId = sellerId });
            seller.Exists.Should().BeTrue();
            seller.EmailVerified.Should().BeFalse();
            (await Auth.GetSellerStatusAsync(new GetSellerStatusRequest { UserId = buyerId })).Exists.Should().BeFalse();
        }

        using (As(Caller.User(buyerId, [Roles.Buyer])))
        {
            var act = () => Auth.GetSellerStatusAsync(new GetSellerStatusRequest { UserId = sellerId }).ResponseAsync;
            (await act.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.PermissionDenied);
        }
    }

    [Fact]
    public async Task ValidateSession_answers_live_until_logout()
    {
        var signedIn = await _client.SignInBuyerAsync();
        var sessionId = signedIn["viewer"].Text("sessionId");

        using (As(Caller.Service("Ordering")))
            (await Auth.ValidateSessionAsync(new ValidateSessionRequest { SessionId = sessionId })).Live.Should().BeTrue();

        await _client.SendAsync("mutation { sessionEnd { success } }", token: signedIn.Text("accessToken"));

        using (As(Caller.Service("Ordering")))
            (await Auth.ValidateSessionAsync(new ValidateSessionRequest { SessionId = sessionId })).Live.Should().BeFalse();
    }

    [Fact]
    public async Task GetUsers_is_batched_and_shows_no_contact_details()
    {
        var a = (await _client.SignInBuyerAsync())["viewer"]!;
        var b = (await _client.SignInBuyerAsync())["viewer"]!;

        using (As(Caller.Service("Ordering")))
        {
            var users = (await Auth.GetUsersAsync(new GetUsersRequest { Ids = { a.Text("userId"), b.Text("userId"), Guid.NewGuid().ToString() } })).Users;
            users.Select(u => u.Id).Should().BeEquivalentTo(a.Text("userId"), b.Text("userId"));
            users.Should().OnlyContain(u => u.Phone == "" && u.Email == "");
        }

        using (As(Caller.Anonymous))
        {
            var act = () => Auth.GetUsersAsync(new GetUsersRequest { Ids = { a.Text("userId") } }).ResponseAsync;
            (await act.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.Unauthenticated);
        }
    }

    [Fact]
    public async Task GetAddress_gives_a_module_the_address_only_for_its_owner()
    {
        var owner = await _client.SignInBuyerAsync();
        var token = owner.Text("accessToken");
        var created = (await _client.SendAsync("mutation { addressCreate(input: { address: { recipient: \"Ada\", lines: [\"1 Main St\"], city: \"Leeds\", country: \"GB\" } }) { address { id } } }", token: token)).Data("addressCreate");
        Marketplace.Gateway.Relay.GlobalId.TryDecode(created["address"].Text("id"), out _, out var addressId).Should().BeTrue();

        using (As(Caller.Service("Ordering")))
        {
            (await Profiles.GetAddressAsync(new GetAddressRequest { Id = addressId, OwnerUserId = owner["viewer"].Text("userId") })).Fields.City.Should().Be("Leeds");
            var act = () => Profiles.GetAddressAsync(new GetAddressRequest { Id = addressId, OwnerUserId = Guid.NewGuid().ToString() }).ResponseAsync;
            (await act.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.NotFound);
        }
    }
}
