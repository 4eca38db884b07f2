using Marketplace.EndToEnd.Tests.Support;

namespace Marketplace.EndToEnd.Tests;

/// <summary>A buyer signs in by a code sent by SMS (the development inbox), is who the token says, and refreshes the session.</summary>
public sealed class SignInJourneyTests(Topology topology)
{
    private readonly HttpClient _client = topology.Client();

    [Fact]
    public async Task A_buyer_signs_in_with_a_code_by_SMS_and_refreshes_the_session()
    {
        var phone = Gql.NewPhone();
        var requested = await _client.RequestCodeAsync(phone);
        requested["codeSent"]!.GetValue<bool>().Should().BeTrue(requested.ToJsonString());
        var code = await _client.LatestCodeAsync(phone);
        (await _client.VerifyCodeAsync(phone, code == "000000" ? "111111" : "000000")).Codes().Should().NotBeEmpty("a wrong code signs nobody in");

        var signedIn = await _client.VerifyCodeAsync(phone, code);

        signedIn.Codes().Should().BeEmpty(signedIn.ToJsonString());
        signedIn["viewer"].Text("role").Should().Be("BUYER");
        var viewer = (await _client.SendAsync("{ viewer { phone role } }", token: signedIn.Text("accessToken"))).Data("viewer");
        viewer.Text("phone").Should().Be(phone);
        var refreshed = await _client.RefreshAsync(signedIn.Text("refreshToken"));
        refreshed.Codes().Should().BeEmpty(refreshed.ToJsonString());
        (await _client.SendAsync("{ viewer { phone } }", token: refreshed.Text("accessToken"))).Data("viewer").Text("phone").Should().Be(phone);
    }
}
