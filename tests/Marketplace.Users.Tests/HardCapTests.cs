using System.Text.Json.Nodes;
using Marketplace.Modules.Notifications.Contracts;
using Marketplace.Users.Tests.Support;

namespace Marketplace.Users.Tests;

/// <summary>
/// NIST SP 800-63B's hard cap on consecutive failures (here 5 instead of 100, on a host of its own): when it is spent,
/// signing in that way is locked until another path clears it, whoever made the failures and from wherever.
/// </summary>
public sealed class HardCapTests : IAsyncLifetime
{
    private const string Password = "correct horse battery";
    private readonly UsersApp _app = (UsersApp)new UsersApp().With("Modules:Users:Limits:MaxConsecutiveFailures", "5");
    private HttpClient _client = null!;

    public ValueTask InitializeAsync()
    {
        _client = _app.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Consecutive_wrong_codes_up_to_the_cap_lock_the_phone_and_no_more_codes_are_sent()
    {
        var phone = Gql.NewPhone();
        await _client.RequestCodeAsync(phone);
        for (var i = 0; i < 3; i++)
            (await _client.VerifyCodeAsync(phone, Wrong(await _client.LatestCodeAsync(phone)))).Codes().Should().Equal("CODE_INVALID");
        await Budgets.ClearPhoneMinuteAsync(phone);
        await _client.RequestCodeAsync(phone);
        for (var i = 0; i < 2; i++)
            (await _client.VerifyCodeAsync(phone, Wrong(await _client.LatestCodeAsync(phone)))).Codes().Should().Equal("CODE_INVALID");
        var right = await _client.LatestCodeAsync(phone);

        var locked = await _client.VerifyCodeAsync(phone, right);
        await Budgets.ClearPhoneMinuteAsync(phone);
        var request = await _client.RequestCodeAsync(phone);

        locked.Codes().Should().Equal(["SIGN_IN_LOCKED"], "five failures spent the cap, even for the right code");
        request.Codes().Should().Equal("SIGN_IN_LOCKED");
        request["codeSent"]!.GetValue<bool>().Should().BeFalse();
        (await _client.DevSmsAsync(phone)).Should().HaveCount(2, "a locked phone is sent no more codes");

        // The other path for a buyer: an administrator unlocks the phone.
        var admin = (await Marketplace.Testing.TestSigningKey.CreateAsync()).Issue(Guid.CreateVersion7(), "ADMIN");
        const string Unlock = "mutation($p: String) { signInUnlock(input: { phone: $p }) { unlocked userErrors { code } } }";
        var buyerToken = (await _client.SignInBuyerAsync()).Text("accessToken");
        (await _client.SendAsync(Unlock, new { p = phone }, buyerToken))["errors"]![0]!["extensions"]!["code"]!.GetValue<string>().Should().Be("FORBIDDEN");
        (await _client.SendAsync(Unlock, new { p = phone }, admin)).Data("signInUnlock")["unlocked"]!.GetValue<bool>().Should().BeTrue();
        await Budgets.ClearPhoneMinuteAsync(phone);
        await _client.RequestCodeAsync(phone);
        (await _client.VerifyCodeAsync(phone, await _client.LatestCodeAsync(phone))).Codes().Should().BeEmpty();
    }

    [Fact]
    public async Task Wrong_passwords_from_many_clients_lock_the_account_until_a_password_reset()
    {
        var email = Gql.NewEmail();
        (await _client.RegisterSellerAsync(email, Password)).Codes().Should().BeEmpty();
        await VerifyAsync(TokenOf(_app.Emails.SentTo(email).Single().Data["verificationUrl"]));

        for (var i = 0; i < 5; i++)
            (await LoginAsync(email, "wrong password here", AbuseTests.NewIp())).Codes().Should().Equal("CREDENTIALS_INVALID");
        var locked = await LoginAsync(email, Password, AbuseTests.NewIp());

        locked.Codes().Should().Equal("SIGN_IN_LOCKED");
        locked["userErrors"]![0]!["message"]!.GetValue<string>().Should().Contain("Reset your password");

        await _client.SendAsync("mutation($e: String!) { passwordResetRequest(input: { email: $e }) { success } }", new { e = email });
        var reset = TokenOf(_app.Emails.SentTo(email).Single(e => e.Template == TransactionalTemplates.PasswordReset).Data["resetUrl"]);
        (await _client.SendAsync("mutation($t: String!) { passwordResetComplete(input: { token: $t, newPassword: \"a brand new passphrase\" }) { success } }", new { t = reset }))
            .Data("passwordResetComplete")["success"]!.GetValue<bool>().Should().BeTrue();
        (await LoginAsync(email, "a brand new passphrase", AbuseTests.NewIp())).Codes().Should().BeEmpty("the reset is the other path that unlocks it");
    }

    [Fact]
    public async Task In_Development_wrong_codes_from_anyone_never_lock_a_demo_buyer()
    {
        // Grace, the README's second demo buyer (Ada is the browser walkthrough's): her codes are public at /dev/sms.
        const string Grace = "+447911123457";
        for (var round = 0; round < 3; round++)
        {
            // No per-phone text budget either for a demo phone whose texts go to the development inbox.
            (await _client.RequestCodeAsync(Grace)).Codes().Should().BeEmpty();
            var code = await _client.LatestCodeAsync(Grace);
            for (var i = 0; i < 3; i++)
                (await _client.VerifyCodeAsync(Grace, Wrong(code))).Codes().Should().Equal("CODE_INVALID");
        }

        (await _client.RequestCodeAsync(Grace)).Codes().Should().BeEmpty("nine failures are over this host's cap of 5, which a demo phone does not count");
        var signedIn = await _client.VerifyCodeAsync(Grace, await _client.LatestCodeAsync(Grace));

        signedIn.Codes().Should().BeEmpty();
        signedIn["viewer"]!["phone"]!.GetValue<string>().Should().Be(Grace);
    }

    [Fact]
    public async Task In_Development_wrong_passwords_from_anyone_never_lock_the_demo_seller()
    {
        await Marketplace.Testing.DemoSeed.RunAsync(_app.Services, "Users");
        const string Seller = "seller@example.com";

        for (var i = 0; i < 7; i++)
            (await LoginAsync(Seller, "not the demo passphrase", "127.0.0.1")).Codes().Should().Equal(["CREDENTIALS_INVALID"], "no delay and no cap for a demo account");
        var signedIn = await LoginAsync(Seller, "demo-seller-passphrase", "127.0.0.1");

        signedIn.Codes().Should().BeEmpty();
    }

    private static string Wrong(string code) => code == "000000" ? "000001" : "000000";

    private static string TokenOf(string url) => Uri.UnescapeDataString(new Uri(url).Query.Split("token=")[1]);

    private async Task VerifyAsync(string token) =>
        (await _client.SendAsync("mutation($t: String!) { sellerEmailVerify(input: { token: $t }) { success } }", new { t = token })).Data("sellerEmailVerify")["success"]!.GetValue<bool>().Should().BeTrue();

    private async Task<JsonNode> LoginAsync(string email, string password, string ip) =>
        (await _client.SendAsync("mutation($e: String!, $p: String!) { sellerLogin(input: { email: $e, password: $p }) { accessToken userErrors { code message } } }", new { e = email, p = password }, clientIp: ip))
            .Data("sellerLogin");
}
