using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Marketplace.Users.Tests.Support;

namespace Marketplace.Users.Tests;

/// <summary>
/// Tries are reserved before a secret is compared, so many concurrent wrong guesses never get more tries than allowed;
/// the invariant is read afterwards from what the module recorded as compared.
/// </summary>
public sealed class GuessingTests(UsersApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Thirty_concurrent_wrong_codes_get_three_tries_and_void_the_code()
    {
        var phone = Gql.NewPhone();
        await _client.RequestCodeAsync(phone);
        var code = await _client.LatestCodeAsync(phone);
        var wrong = Enumerable.Range(1, 30).Select(i => $"{(int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) + i) % 1_000_000:D6}").ToList();

        var answers = await Task.WhenAll(wrong.Select(guess => _client.VerifyCodeAsync(phone, guess)));

        answers.Should().OnlyContain(a => a["accessToken"] == null);
        (await FailuresAsync("phone", phone)).Should().Be(3, "exactly three guesses were compared, however many raced");
        (await _client.VerifyCodeAsync(phone, code)).Codes().Should().Equal(["CODE_INVALID"], "the code is void after its tries");
    }

    [Fact]
    public async Task Twenty_concurrent_wrong_passwords_from_one_client_get_three_comparisons()
    {
        var email = Gql.NewEmail();
        await VerifiedSellerAsync(email);

        // No client address named: the in-memory server's requests all come from one (unknown) client.
        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => LoginAsync(email, "wrong password here")));

        var codes = answers.Select(a => a.Codes().Single()).ToList();
        codes.Count(c => c == "CREDENTIALS_INVALID").Should().Be(3, string.Join(",", codes));
        codes.Where(c => c != "CREDENTIALS_INVALID").Should().OnlyContain(c => c == "TOO_MANY_ATTEMPTS");
        (await FailuresAsync("account", email)).Should().Be(3);
    }

    [Fact]
    public async Task Ten_concurrent_wrong_phone_change_codes_get_three_tries_though_each_answer_is_an_error()
    {
        // Each wrong confirmation is answered with an error, yet the try it spent must stay spent: the command commits
        // the reserved try with its refusal (a transaction rolled back by the error would give every guess a free try).
        var buyer = await _client.SignInBuyerAsync();
        var token = buyer.Text("accessToken");
        var phone = Gql.NewPhone();
        (await _client.SendAsync("mutation($p: String!) { profileUpdate(input: { phone: $p }) { phoneCodeSent } }", new { p = phone }, token))
            .Data("profileUpdate")["phoneCodeSent"]!.GetValue<bool>().Should().BeTrue();
        var code = await _client.LatestCodeAsync(phone);
        var wrong = Enumerable.Range(1, 10).Select(i => $"{(int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) + i) % 1_000_000:D6}").ToList();

        var answers = await Task.WhenAll(wrong.Select(guess => ConfirmAsync(guess, token)));

        answers.Should().OnlyContain(a => a.Codes().SequenceEqual(new[] { "CODE_INVALID" }));
        (await Database.ScalarAsync<int>("SELECT attempts FROM users.login_codes WHERE phone = $1 AND purpose = 'phone_change'", phone)).Should().Be(3);
        (await FailuresAsync("phone-change", buyer["viewer"].Text("userId"))).Should().Be(3, "exactly three guesses were compared, and each counted");
        (await ConfirmAsync(code, token)).Codes().Should().Equal(["CODE_INVALID"], "the code is void after its tries");
        (await _client.SendAsync("{ viewer { phone } }", token: token))["data"]!["viewer"].Text("phone").Should().Be(buyer["viewer"].Text("phone"));
    }

    private async Task<JsonNode> ConfirmAsync(string code, string token) =>
        (await _client.SendAsync("mutation($c: String!) { profilePhoneConfirm(input: { code: $c }) { viewer { phone } userErrors { code } } }", new { c = code }, token))
            .Data("profilePhoneConfirm");

    private async Task VerifiedSellerAsync(string email)
    {
        (await _client.RegisterSellerAsync(email)).Codes().Should().BeEmpty();
        var link = app.Emails.SentTo(email).Single().Data["verificationUrl"];
        var token = Uri.UnescapeDataString(new Uri(link).Query.Split("token=")[1]);
        (await _client.SendAsync("mutation($t: String!) { sellerEmailVerify(input: { token: $t }) { success } }", new { t = token })).Data("sellerEmailVerify")["success"]!.GetValue<bool>().Should().BeTrue();
    }

    private async Task<JsonNode> LoginAsync(string email, string password) =>
        (await _client.SendAsync("mutation($e: String!, $p: String!) { sellerLogin(input: { email: $e, password: $p }) { accessToken userErrors { code } } }", new { e = email, p = password }))
            .Data("sellerLogin");

    /// <summary>The failures the module recorded for a phone or account (its hard-cap count).</summary>
    internal static async Task<int> FailuresAsync(string kind, string subject) =>
        await Database.ScalarAsync<int>("SELECT failures FROM users.auth_throttles WHERE subject = $1", $"{kind}:{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(subject)))[..48]}");
}
