using System.Text.Json.Nodes;
using Marketplace.Users.Tests.Support;

namespace Marketplace.Users.Tests;

public sealed class SessionTests(UsersApp app)
{
    private const string Sessions = "{ viewer { sessions { id device ip createdAt lastUsedAt current } } }";
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Refresh_rotates_the_refresh_token_and_keeps_the_session()
    {
        var signedIn = await _client.SignInBuyerAsync();

        var refreshed = await _client.RefreshAsync(signedIn.Text("refreshToken"));

        refreshed.Codes().Should().BeEmpty();
        refreshed.Text("refreshToken").Should().NotBe(signedIn.Text("refreshToken"));
        refreshed.Text("accessToken").Should().NotBe(signedIn.Text("accessToken"));
        refreshed["viewer"].Text("sessionId").Should().Be(signedIn["viewer"].Text("sessionId"));
        (await _client.RefreshAsync(refreshed.Text("refreshToken"))).Codes().Should().BeEmpty();
    }

    [Fact]
    public async Task Reusing_a_refresh_token_ends_the_whole_session_family()
    {
        var signedIn = await _client.SignInBuyerAsync();
        var first = signedIn.Text("refreshToken");
        var next = (await _client.RefreshAsync(first)).Text("refreshToken");

        (await _client.RefreshAsync(first)).Codes().Should().Equal("REFRESH_TOKEN_REUSED");

        (await _client.RefreshAsync(next)).Codes().Should().Equal("REFRESH_TOKEN_INVALID");
    }

    [Fact]
    public async Task Two_concurrent_uses_of_one_refresh_token_leave_exactly_one_winner_and_end_the_session()
    {
        var signedIn = await _client.SignInBuyerAsync();

        var answers = await Task.WhenAll(_client.RefreshAsync(signedIn.Text("refreshToken")), _client.RefreshAsync(signedIn.Text("refreshToken")));

        answers.Count(a => a.Codes().Length == 0).Should().Be(1);
        answers.Single(a => a.Codes().Length > 0).Codes().Should().Equal("REFRESH_TOKEN_REUSED");
        (await _client.RefreshAsync(answers.Single(a => a.Codes().Length == 0).Text("refreshToken"))).Codes().Should().Equal("REFRESH_TOKEN_INVALID");
    }

    [Fact]
    public async Task Session_records_the_client_address_and_device()
    {
        var phone = Gql.NewPhone();
        // An address of its own: per-address send limits live in Redis across runs.
        var ip = AbuseTests.NewIp();
        await _client.SendAsync("mutation($p: String!) { buyerLoginCodeRequest(input: { phone: $p }) { codeSent } }", new { p = phone }, clientIp: ip);
        var signedIn = (await _client.SendAsync($"mutation($p: String!, $c: String!) {{ buyerLoginCodeVerify(input: {{ phone: $p, code: $c }}) {{ {Gql.SignInFields} }} }}", new { p = phone, c = await _client.LatestCodeAsync(phone) }, clientIp: ip)).Data("buyerLoginCodeVerify");

        var session = (await _client.SendAsync(Sessions, token: signedIn.Text("accessToken")))["data"]!["viewer"]!["sessions"]![0]!;

        session.Text("ip").Should().Be(ip);
        session.Text("device").Should().Be(Gql.UserAgent);
        session["current"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public async Task Unknown_refresh_token_is_refused()
    {
        var answer = await _client.RefreshAsync("not-a-token");

        answer.Codes().Should().Equal("REFRESH_TOKEN_INVALID");
        answer["accessToken"].Should().BeNull();
    }

    [Fact]
    public async Task Logout_ends_the_session_for_refresh_and_for_the_module()
    {
        var signedIn = await _client.SignInBuyerAsync();
        var token = signedIn.Text("accessToken");

        var logout = await _client.SendAsync("mutation { sessionEnd { success userErrors { code } } }", token: token);
        logout["data"]!["sessionEnd"]!["success"]!.GetValue<bool>().Should().BeTrue();

        (await _client.RefreshAsync(signedIn.Text("refreshToken"))).Codes().Should().Equal("REFRESH_TOKEN_INVALID");
        var sessions = await _client.SendAsync(Sessions, token: token);
        sessions["errors"]![0]!["extensions"]!["code"]!.GetValue<string>().Should().Be("UNAUTHENTICATED");
    }

    [Fact]
    public async Task After_logout_the_access_token_is_refused_at_the_gateway_before_it_expires()
    {
        var signedIn = await _client.SignInBuyerAsync();
        var token = signedIn.Text("accessToken");
        (await _client.SendAsync("{ viewer { userId } }", token: token))["data"]!["viewer"]!["userId"].Should().NotBeNull();

        await _client.SendAsync("mutation { sessionEnd { success } }", token: token);

        // viewer.userId comes from the token alone (no module call): only the gateway's session check can refuse it.
        var after = await _client.SendAsync("{ viewer { userId } }", token: token);
        after["errors"]![0]!["extensions"]!["code"]!.GetValue<string>().Should().Be("UNAUTHENTICATED");
        after["errors"]![0]!["message"]!.GetValue<string>().Should().Contain("session has ended");
    }

    [Fact]
    public async Task When_refresh_token_reuse_ends_a_session_its_access_tokens_stop_working()
    {
        var signedIn = await _client.SignInBuyerAsync();
        var first = signedIn.Text("refreshToken");
        var refreshed = await _client.RefreshAsync(first);
        var current = refreshed.Text("accessToken");

        (await _client.RefreshAsync(first)).Codes().Should().Equal("REFRESH_TOKEN_REUSED");

        var after = await _client.SendAsync("{ viewer { userId } }", token: current);
        after["errors"]![0]!["extensions"]!["code"]!.GetValue<string>().Should().Be("UNAUTHENTICATED");
    }

    [Fact]
    public async Task Logout_needs_a_signed_in_caller()
    {
        var answer = await _client.SendAsync("mutation { sessionEnd { success } }");

        answer["errors"]![0]!["extensions"]!["code"]!.GetValue<string>().Should().Be("UNAUTHENTICATED");
    }

    [Fact]
    public async Task Sessions_are_listed_for_their_owner_and_revocable_by_them_only()
    {
        var phone = Gql.NewPhone();
        var first = await _client.SignInBuyerAsync(phone);
        await ClearMinuteLimitAsync(phone);
        var second = await _client.SignInBuyerAsync(phone);
        var stranger = await _client.SignInBuyerAsync();

        var listed = (await _client.SendAsync(Sessions, token: second.Text("accessToken")))["data"]!["viewer"]!["sessions"]!.AsArray();
        listed.Should().HaveCount(2);
        listed.Single(s => s!["current"]!.GetValue<bool>())!.Text("device").Should().Be(Gql.UserAgent);
        var firstSession = listed.Single(s => !s!["current"]!.GetValue<bool>())!.Text("id");
        listed[0]!.Text("createdAt").Should().EndWith("Z");

        (await RevokeAsync(firstSession, stranger.Text("accessToken"))).Codes().Should().Equal("SESSION_NOT_FOUND");
        (await _client.RefreshAsync(first.Text("refreshToken"))).Codes().Should().BeEmpty("a stranger cannot end it");

        var revoked = await RevokeAsync(firstSession, second.Text("accessToken"));
        revoked["success"]!.GetValue<bool>().Should().BeTrue();
        var remaining = (await _client.SendAsync(Sessions, token: second.Text("accessToken")))["data"]!["viewer"]!["sessions"]!.AsArray();
        remaining.Should().ContainSingle();
    }

    private async Task<JsonNode> RevokeAsync(string sessionId, string token) =>
        (await _client.SendAsync("mutation($id: ID!) { sessionRevoke(input: { id: $id }) { success userErrors { code } } }", new { id = sessionId }, token))["data"]!["sessionRevoke"]!;

    private static Task ClearMinuteLimitAsync(string phone) => Budgets.ClearPhoneMinuteAsync(phone);
}
