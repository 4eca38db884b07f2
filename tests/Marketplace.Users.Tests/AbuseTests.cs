using System.Security.Cryptography;
using Marketplace.Users.Tests.Support;

namespace Marketplace.Users.Tests;

/// <summary>Limits per client address, and secrets kept out of the logs.</summary>
public sealed class AbuseTests(UsersApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    internal static string NewIp() => $"10.{RandomNumberGenerator.GetInt32(256)}.{RandomNumberGenerator.GetInt32(256)}.{RandomNumberGenerator.GetInt32(1, 255)}";

    [Fact]
    public async Task Code_sends_from_one_client_address_are_limited_across_phones()
    {
        var ip = NewIp();
        const string request = "mutation($p: String!) { buyerLoginCodeRequest(input: { phone: $p }) { codeSent userErrors { code } } }";

        for (var i = 0; i < 5; i++)
            (await _client.SendAsync(request, new { p = Gql.NewPhone() }, clientIp: ip)).Data("buyerLoginCodeRequest")["codeSent"]!.GetValue<bool>().Should().BeTrue();

        var phone = Gql.NewPhone();
        (await _client.SendAsync(request, new { p = phone }, clientIp: ip)).Data("buyerLoginCodeRequest").Codes().Should().Equal("RATE_LIMITED");
        (await _client.DevSmsAsync(phone)).Should().BeEmpty();
        (await _client.SendAsync(request, new { p = phone }, clientIp: NewIp())).Data("buyerLoginCodeRequest")["codeSent"]!.GetValue<bool>().Should().BeTrue("another address has its own budget");
    }

    [Fact]
    public async Task Seller_logins_from_one_client_address_are_limited_across_accounts()
    {
        var ip = NewIp();
        const string login = "mutation($e: String!) { sellerLogin(input: { email: $e, password: \"wrong password here\" }) { userErrors { code } } }";

        for (var i = 0; i < 5; i++)
            (await _client.SendAsync(login, new { e = Gql.NewEmail() }, clientIp: ip)).Data("sellerLogin").Codes().Should().Equal("CREDENTIALS_INVALID");

        (await _client.SendAsync(login, new { e = Gql.NewEmail() }, clientIp: ip)).Data("sellerLogin").Codes().Should().Equal("RATE_LIMITED");
    }

    [Fact]
    public async Task A_refused_sign_in_is_logged_as_refused_with_its_reason_not_as_a_success()
    {
        var phone = Gql.NewPhone();
        await _client.RequestCodeAsync(phone);
        var code = await _client.LatestCodeAsync(phone);
        var correlation = Guid.NewGuid().ToString("N");

        var answer = await _client.SendAsync("mutation($p: String!, $c: String!) { buyerLoginCodeVerify(input: { phone: $p, code: $c }) { userErrors { code } } }",
            new { p = phone, c = code == "000000" ? "000001" : "000000" }, correlationId: correlation);

        answer.Data("buyerLoginCodeVerify").Codes().Should().Equal("CODE_INVALID");
        var lines = app.Logs.Lines(correlation);
        lines.Should().Contain("VerifyBuyerLoginCodeCommand").And.Contain("was refused with CODE_INVALID").And.NotContain("succeeded");
    }

    [Fact]
    public async Task Codes_tokens_and_passwords_never_reach_the_logs()
    {
        var phone = Gql.NewPhone();
        await _client.RequestCodeAsync(phone);
        var code = await _client.LatestCodeAsync(phone);
        var signedIn = await _client.VerifyCodeAsync(phone, code);
        var refreshed = await _client.RefreshAsync(signedIn.Text("refreshToken"));
        await _client.RefreshAsync(signedIn.Text("refreshToken")); // reuse: logged as a warning
        var email = Gql.NewEmail();
        const string password = "a-very-secret-passphrase-42";
        await _client.RegisterSellerAsync(email, password);
        var link = app.Emails.SentTo(email).Single().Data["verificationUrl"];
        var token = Uri.UnescapeDataString(new Uri(link).Query.Split("token=")[1]);

        app.Logs.Contains("Refresh token reuse detected").Should().BeTrue("the capture sees the module's log lines");
        foreach (var secret in new[] { code, signedIn.Text("refreshToken"), refreshed.Text("refreshToken"), password, token })
            app.Logs.Contains(secret).Should().BeFalse();
    }
}
