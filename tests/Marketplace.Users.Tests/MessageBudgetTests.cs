using System.Text.Json.Nodes;
using Marketplace.Modules.Notifications.Contracts;
using Marketplace.Users.Tests.Support;

namespace Marketplace.Users.Tests;

/// <summary>
/// One budget for every SMS and email, however it is asked for: sign-in codes and phone changes share the per-address
/// text budget, a victim's address gets a bounded number of mails whoever sends them, registrations per address are
/// limited before anything is hashed or sent.
/// </summary>
public sealed class MessageBudgetTests(UsersApp app)
{
    private const string PhoneChange = "mutation($p: String!) { profileUpdate(input: { phone: $p }) { phoneCodeSent userErrors { code retryAfterSeconds } } }";
    private const string EmailChange = "mutation($e: String!) { profileUpdate(input: { email: $e }) { emailVerificationSent userErrors { code } } }";
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Phone_change_codes_count_against_the_client_address_that_sign_in_codes_spent()
    {
        var buyer = (await _client.SignInBuyerAsync()).Text("accessToken");
        var ip = AbuseTests.NewIp();
        for (var i = 0; i < 5; i++)
            (await _client.SendAsync("mutation($p: String!) { buyerLoginCodeRequest(input: { phone: $p }) { codeSent } }", new { p = Gql.NewPhone() }, clientIp: ip))
                .Data("buyerLoginCodeRequest")["codeSent"]!.GetValue<bool>().Should().BeTrue();
        var target = Gql.NewPhone();

        var answer = await _client.SendAsync(PhoneChange, new { p = target }, buyer, clientIp: ip);

        var refused = answer.Data("profileUpdate");
        refused.Codes().Should().Equal(["RATE_LIMITED"], answer.ToJsonString());
        refused["userErrors"]![0]!["retryAfterSeconds"]!.GetValue<int>().Should().BePositive();
        (await _client.DevSmsAsync(target)).Should().BeEmpty("an address refused for sign-in codes gets no texts through the profile either");
    }

    [Fact]
    public async Task A_buyer_cannot_text_codes_to_numbers_without_end()
    {
        var buyer = (await _client.SignInBuyerAsync()).Text("accessToken");
        for (var i = 0; i < 5; i++)
            (await _client.SendAsync(PhoneChange, new { p = Gql.NewPhone() }, buyer)).Data("profileUpdate")["phoneCodeSent"]!.GetValue<bool>().Should().BeTrue();
        var sixth = Gql.NewPhone();

        var answer = await _client.SendAsync(PhoneChange, new { p = sixth }, buyer);

        answer.Data("profileUpdate").Codes().Should().Equal(["RATE_LIMITED"], answer.ToJsonString());
        (await _client.DevSmsAsync(sixth)).Should().BeEmpty();
    }

    [Fact]
    public async Task Many_sellers_changing_to_one_victims_address_at_once_send_it_at_most_three_mails()
    {
        var victim = Gql.NewEmail("victim");
        var sellers = new List<JsonNode>();
        for (var i = 0; i < 10; i++)
            sellers.Add(await _client.RegisterSellerAsync(Gql.NewEmail()));

        var answers = await Task.WhenAll(sellers.Select(s => _client.SendAsync(EmailChange, new { e = victim }, s.Text("accessToken"))));

        var sent = answers.Count(a => a["data"]?["profileUpdate"]?["emailVerificationSent"]?.GetValue<bool>() == true);
        var refused = answers.Count(a => (a["data"]?["profileUpdate"]).Codes().SequenceEqual(["RATE_LIMITED"]));
        sent.Should().Be(3);
        refused.Should().Be(7);
        app.Emails.SentTo(victim).Should().HaveCount(3, "the address's budget holds however many accounts ask at once");
    }

    [Fact]
    public async Task Registrations_from_one_client_address_are_limited_before_anything_is_hashed_or_sent()
    {
        var ip = AbuseTests.NewIp();
        for (var i = 0; i < 3; i++)
            (await RegisterFromAsync(Gql.NewEmail(), ip)).Codes().Should().BeEmpty();
        var email = Gql.NewEmail();

        var refused = await RegisterFromAsync(email, ip);

        refused.Codes().Should().Equal("RATE_LIMITED");
        refused["accessToken"].Should().BeNull();
        (await Database.CountAsync("SELECT count(*) FROM users.users WHERE email = $1", email)).Should().Be(0);
        app.Emails.SentTo(email).Should().BeEmpty();
        (await RegisterFromAsync(Gql.NewEmail(), AbuseTests.NewIp())).Codes().Should().BeEmpty("another address has its own budget");
    }

    [Fact]
    public async Task Resends_and_resets_draw_on_the_same_address_budget()
    {
        var email = Gql.NewEmail();
        var registered = await _client.RegisterSellerAsync(email);
        registered.Codes().Should().BeEmpty(registered.ToJsonString());
        var token = registered.Text("accessToken");
        const string Resend = "mutation { sellerVerificationResend { success userErrors { code message retryAfterSeconds } } }";

        (await _client.SendAsync(Resend, token: token)).Data("sellerVerificationResend").Codes().Should().BeEmpty();
        (await _client.SendAsync(Resend, token: token)).Data("sellerVerificationResend").Codes().Should().BeEmpty();
        var fourth = (await _client.SendAsync(Resend, token: token)).Data("sellerVerificationResend");
        var reset = (await _client.SendAsync("mutation($e: String!) { passwordResetRequest(input: { email: $e }) { success } }", new { e = email })).Data("passwordResetRequest");

        fourth.Codes().Should().Equal("RATE_LIMITED");
        fourth["userErrors"]![0]!["retryAfterSeconds"]!.GetValue<int>().Should().BePositive();
        reset["success"]!.GetValue<bool>().Should().BeTrue("a reset answers the same whether or not it was sent");
        app.Emails.SentTo(email).Should().HaveCount(3);
        app.Emails.SentTo(email).Should().NotContain(e => e.Template == TransactionalTemplates.PasswordReset);
    }

    private async Task<JsonNode> RegisterFromAsync(string email, string ip) =>
        (await _client.SendAsync($"mutation($e: String!) {{ sellerRegister(input: {{ email: $e, password: \"correct horse battery\", displayName: \"Shop\" }}) {{ {Gql.SignInFields} }} }}", new { e = email }, clientIp: ip))
            .Data("sellerRegister");
}
