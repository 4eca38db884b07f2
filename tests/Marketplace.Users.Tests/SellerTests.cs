using System.Text.Json.Nodes;
using Marketplace.Modules.Notifications.Contracts;
using Marketplace.Users.Tests.Support;

namespace Marketplace.Users.Tests;

public sealed class SellerTests(UsersApp app)
{
    private const string Password = "correct horse battery";
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Seller_registers_verifies_the_emailed_token_once_and_logs_in()
    {
        var email = Gql.NewEmail();

        var registered = await _client.RegisterSellerAsync("  " + email.ToUpperInvariant() + " ", Password, "Corner Shop");

        registered.Codes().Should().BeEmpty();
        var viewer = registered["viewer"]!;
        viewer.Text("role").Should().Be("SELLER");
        viewer.Text("email").Should().Be(email, "emails are trimmed and lower-cased");
        viewer["emailVerified"]!.GetValue<bool>().Should().BeFalse();
        var userId = viewer.Text("userId");
        (await Database.EventsAsync("marketplace.users.seller_registered.v1", userId)).Should().Be(1);

        var sent = app.Emails.SentTo(email).Should().ContainSingle().Subject;
        sent.Template.Should().Be(TransactionalTemplates.SellerEmailVerification);
        sent.Data["displayName"].Should().Be("Corner Shop");
        sent.IdempotencyKey.Should().NotBeNullOrEmpty();
        app.Emails.CallerKindsFor(email).Should().Equal("Service");
        var token = TokenOf(sent.Data["verificationUrl"]);
        (await Database.CountAsync("SELECT count(*) FROM users.outbox_messages WHERE payload::text LIKE '%' || $1 || '%'", token)).Should().Be(0, "tokens never ride events");

        (await VerifyAsync(token))["success"]!.GetValue<bool>().Should().BeTrue();
        (await Database.EventsAsync("marketplace.users.seller_email_verified.v1", userId)).Should().Be(1);
        (await VerifyAsync(token)).Codes().Should().Equal("TOKEN_INVALID");

        var login = await _client.LoginSellerAsync(email, Password);
        login.Codes().Should().BeEmpty();
        login["viewer"]!["emailVerified"]!.GetValue<bool>().Should().BeTrue();
    }

    [Theory]
    [InlineData("short1", "PASSWORD_TOO_SHORT")]
    [InlineData("password123", "PASSWORD_TOO_COMMON")]
    [InlineData("{email}", "PASSWORD_IS_EMAIL")]
    public async Task Weak_password_is_refused_with_its_code_and_creates_nothing(string password, string code)
    {
        var email = Gql.NewEmail();

        var answer = await _client.RegisterSellerAsync(email, password.Replace("{email}", email, StringComparison.Ordinal));

        answer.Codes().Should().Equal(code);
        answer["userErrors"]![0]!["field"]!.AsArray().Select(f => f!.GetValue<string>()).Should().Equal("input", "password");
        answer["accessToken"].Should().BeNull();
        (await Database.CountAsync("SELECT count(*) FROM users.users WHERE email = $1", email)).Should().Be(0);
        app.Emails.SentTo(email).Should().BeEmpty();
    }

    [Fact]
    public async Task Malformed_email_is_refused_with_EMAIL_INVALID()
    {
        var answer = await _client.RegisterSellerAsync("not-an-email", Password);

        answer.Codes().Should().Equal("EMAIL_INVALID");
    }

    [Fact]
    public async Task Registering_an_address_a_verified_account_holds_answers_like_a_free_one_and_tells_the_owner()
    {
        var email = Gql.NewEmail();
        await VerifiedSellerAsync(email);

        var free = await _client.RegisterSellerAsync(Gql.NewEmail(), "another long passphrase");
        var taken = await _client.RegisterSellerAsync(email.ToUpperInvariant(), "another long passphrase");

        taken.Codes().Should().BeEmpty("no EMAIL_TAKEN: the answer must not tell whether an address has an account");
        Shape(taken).Should().Be(Shape(free));
        taken["viewer"].Text("email").Should().Be(email);
        var mails = app.Emails.SentTo(email);
        mails.Should().HaveCount(2);
        mails[1].Template.Should().Be(TransactionalTemplates.EmailAddressInUse, "the owner learns of the attempt, and no link to verify the address goes out");
        (await _client.LoginSellerAsync(email, Password)).Codes().Should().BeEmpty("the owner's account is untouched");
        (await _client.LoginSellerAsync(email, "another long passphrase")).Codes().Should().Equal("CREDENTIALS_INVALID");
        (await _client.LoginSellerAsync(free["viewer"].Text("email"), "another long passphrase")).Codes()
            .Should().Equal(["CREDENTIALS_INVALID"], "an unverified address does not sign in by password either, so login is no oracle");
    }

    [Fact]
    public async Task Failed_logins_make_the_guessing_client_wait_not_the_seller_elsewhere()
    {
        var email = Gql.NewEmail();
        await VerifiedSellerAsync(email);
        var attacker = AbuseTests.NewIp();

        for (var i = 0; i < 3; i++)
            (await LoginFromAsync(email, "wrong password here", attacker)).Codes().Should().Equal("CREDENTIALS_INVALID");

        var blocked = await LoginFromAsync(email, Password, attacker);
        blocked.Codes().Should().Equal("TOO_MANY_ATTEMPTS");
        blocked["accessToken"].Should().BeNull();
        (await LoginFromAsync(email, Password, AbuseTests.NewIp())).Codes().Should().BeEmpty("the attacker's failures do not lock the real seller out");
    }

    [Fact]
    public async Task Login_upgrades_a_hash_made_with_fewer_iterations()
    {
        var email = Gql.NewEmail();
        await VerifiedSellerAsync(email);
        var salt = System.Security.Cryptography.RandomNumberGenerator.GetBytes(16);
        var weak = System.Security.Cryptography.Rfc2898DeriveBytes.Pbkdf2(System.Text.Encoding.UTF8.GetBytes(Password), salt, 1000, System.Security.Cryptography.HashAlgorithmName.SHA512, 64);
        await Database.ScalarAsync<object>("UPDATE users.users SET password_hash = $1 WHERE email = $2", $"pbkdf2-sha512$1000${Convert.ToBase64String(salt)}${Convert.ToBase64String(weak)}", email);

        (await _client.LoginSellerAsync(email, Password)).Codes().Should().BeEmpty();

        (await Database.ScalarAsync<string>("SELECT password_hash FROM users.users WHERE email = $1", email)).Should().StartWith("pbkdf2-sha512$210000$");
        (await _client.LoginSellerAsync(email, Password)).Codes().Should().BeEmpty();
    }

    [Fact]
    public async Task Unknown_email_and_wrong_password_get_the_same_answer()
    {
        var email = Gql.NewEmail();
        await _client.RegisterSellerAsync(email, Password);

        var unknown = await _client.LoginSellerAsync(Gql.NewEmail(), Password);
        var wrong = await _client.LoginSellerAsync(email, "wrong password here");

        unknown["userErrors"]!.ToJsonString().Should().Be(wrong["userErrors"]!.ToJsonString());
    }

    [Fact]
    public async Task Password_reset_sets_the_new_password_and_ends_every_session()
    {
        var email = Gql.NewEmail();
        var registered = await _client.RegisterSellerAsync(email, Password);
        (await _client.SendAsync("mutation($e: String!) { passwordResetRequest(input: { email: $e }) { success } }", new { e = email }))["data"]!["passwordResetRequest"]!["success"]!.GetValue<bool>().Should().BeTrue();
        var reset = app.Emails.SentTo(email).Single(e => e.Template == TransactionalTemplates.PasswordReset);
        var token = TokenOf(reset.Data["resetUrl"]);

        (await CompleteResetAsync(token, "short")).Codes().Should().Equal("PASSWORD_TOO_SHORT");
        (await CompleteResetAsync(token, "a brand new passphrase"))["success"]!.GetValue<bool>().Should().BeTrue();

        (await _client.RefreshAsync(registered.Text("refreshToken"))).Codes().Should().Equal("REFRESH_TOKEN_INVALID");
        (await _client.LoginSellerAsync(email, Password)).Codes().Should().Equal("CREDENTIALS_INVALID");
        (await _client.LoginSellerAsync(email, "a brand new passphrase")).Codes().Should().BeEmpty();
        (await CompleteResetAsync(token, "yet another passphrase")).Codes().Should().Equal("TOKEN_INVALID");
    }

    [Fact]
    public async Task Password_reset_for_an_unknown_email_answers_the_same_and_sends_nothing()
    {
        var email = Gql.NewEmail();

        var answer = (await _client.SendAsync("mutation($e: String!) { passwordResetRequest(input: { email: $e }) { success userErrors { code } } }", new { e = email }))["data"]!["passwordResetRequest"]!;

        answer["success"]!.GetValue<bool>().Should().BeTrue();
        app.Emails.SentTo(email).Should().BeEmpty();
    }

    [Fact]
    public async Task Verification_resend_is_for_sellers_only()
    {
        var buyer = await _client.SignInBuyerAsync();

        var answer = await _client.SendAsync("mutation { sellerVerificationResend { success } }", token: buyer.Text("accessToken"));

        answer["errors"]![0]!["extensions"]!["code"]!.GetValue<string>().Should().Be("FORBIDDEN");
    }

    [Fact]
    public async Task Verification_resend_sends_a_new_link_that_works()
    {
        var email = Gql.NewEmail();
        var registered = await _client.RegisterSellerAsync(email, Password);

        var answer = await _client.SendAsync("mutation { sellerVerificationResend { success userErrors { code } } }", token: registered.Text("accessToken"));

        answer["data"]!["sellerVerificationResend"]!["success"]!.GetValue<bool>().Should().BeTrue();
        var links = app.Emails.SentTo(email).Select(e => TokenOf(e.Data["verificationUrl"])).ToList();
        links.Should().HaveCount(2).And.OnlyHaveUniqueItems();
        (await VerifyAsync(links[1]))["success"]!.GetValue<bool>().Should().BeTrue();
    }

    /// <summary>A seller whose address is verified (password sign-in needs it); answers the registration.</summary>
    internal async Task<JsonNode> VerifiedSellerAsync(string email, string password = Password)
    {
        var registered = await _client.RegisterSellerAsync(email, password);
        registered.Codes().Should().BeEmpty();
        var link = app.Emails.SentTo(email).Last(e => e.Template == TransactionalTemplates.SellerEmailVerification);
        (await VerifyAsync(TokenOf(link.Data["verificationUrl"])))["success"]!.GetValue<bool>().Should().BeTrue();
        return registered;
    }

    private async Task<JsonNode> LoginFromAsync(string email, string password, string ip) =>
        (await _client.SendAsync($"mutation($e: String!, $p: String!) {{ sellerLogin(input: {{ email: $e, password: $p }}) {{ {Gql.SignInFields} }} }}", new { e = email, p = password }, clientIp: ip)).Data("sellerLogin");

    // What a registration answer shows, without the values that differ between any two accounts.
    private static string Shape(JsonNode answer) =>
        $"{answer["accessToken"] is not null}|{answer["refreshToken"] is not null}|{answer["viewer"].Text("role")}|{answer["viewer"]!["emailVerified"]}|{answer["userErrors"]!.ToJsonString()}";

    private async Task<JsonNode> VerifyAsync(string token) =>
        (await _client.SendAsync("mutation($t: String!) { sellerEmailVerify(input: { token: $t }) { success userErrors { field code } } }", new { t = token }))["data"]!["sellerEmailVerify"]!;

    private async Task<JsonNode> CompleteResetAsync(string token, string password) =>
        (await _client.SendAsync("mutation($t: String!, $p: String!) { passwordResetComplete(input: { token: $t, newPassword: $p }) { success userErrors { field code } } }", new { t = token, p = password }))["data"]!["passwordResetComplete"]!;

    private static string TokenOf(string url) => Uri.UnescapeDataString(new Uri(url).Query.Split("token=")[1]);
}
