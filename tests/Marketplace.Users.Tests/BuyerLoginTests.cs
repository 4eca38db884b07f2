using System.Net.Http.Json;
using Marketplace.Users.Tests.Support;

namespace Marketplace.Users.Tests;

public sealed class BuyerLoginTests(UsersApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Buyer_signs_in_with_the_texted_code_and_is_registered_on_first_success_only()
    {
        var phone = Gql.NewPhone();
        var requested = await _client.RequestCodeAsync(phone.Replace("+44", "+44 ", StringComparison.Ordinal));
        requested["codeSent"]!.GetValue<bool>().Should().BeTrue();
        requested["expiresInSeconds"]!.GetValue<int>().Should().Be(600);

        var sms = await _client.DevSmsAsync(phone);
        sms.Should().ContainSingle();
        var code = Gql.CodeIn(sms[0]!["body"]!.GetValue<string>());
        var signedIn = await _client.VerifyCodeAsync(phone, code);

        signedIn.Codes().Should().BeEmpty();
        signedIn.Text("accessToken").Should().NotBeNullOrEmpty();
        signedIn.Text("refreshToken").Should().NotBeNullOrEmpty();
        var viewer = signedIn["viewer"]!;
        viewer.Text("role").Should().Be("BUYER");
        viewer.Text("phone").Should().Be(phone);
        var userId = viewer.Text("userId");
        (await Database.EventsAsync("marketplace.users.buyer_registered.v1", userId)).Should().Be(1);
        (await Database.CountAsync("SELECT count(*) FROM users.outbox_messages WHERE payload::text LIKE '%' || $1 || '%'", code)).Should().Be(0, "codes never ride events");

        // Signing in again is the same buyer, not a second registration; each sign-in is a fact (the first one marked).
        var again = await SignInAfterMinuteLimitAsync(phone);
        again["viewer"].Text("userId").Should().Be(userId);
        (await Database.EventsAsync("marketplace.users.buyer_registered.v1", userId)).Should().Be(1);
        (await Database.CountAsync(
            "SELECT count(*) FROM users.outbox_messages WHERE subject = 'marketplace.users.user_signed_in.v1' AND payload->>'userId' = $1 AND payload->>'method' = 'SMS_CODE' AND payload->>'device' = $2 AND (payload->>'firstSession')::boolean",
            userId, Gql.UserAgent)).Should().Be(1);
        (await Database.CountAsync(
            "SELECT count(*) FROM users.outbox_messages WHERE subject = 'marketplace.users.user_signed_in.v1' AND payload->>'userId' = $1 AND NOT (payload->>'firstSession')::boolean",
            userId)).Should().Be(1);
    }

    [Fact]
    public async Task The_development_inbox_takes_the_phone_as_people_type_it()
    {
        var phone = Gql.NewPhone();
        await _client.RequestCodeAsync(phone);

        // An unencoded '+' arrives as a space; the documented form must still find the message.
        var typed = (await _client.GetFromJsonAsync<System.Text.Json.Nodes.JsonNode>($"/dev/sms?phone={phone}"))!["messages"]!.AsArray();
        var encoded = await _client.DevSmsAsync(phone);

        typed.Should().ContainSingle().Which!["to"]!.GetValue<string>().Should().Be(phone);
        encoded.Should().ContainSingle();
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("not a phone")]
    [InlineData("+4479")]
    [InlineData("")]
    public async Task Malformed_phone_is_answered_with_PHONE_INVALID_and_no_sms(string phone)
    {
        var answer = await _client.RequestCodeAsync(phone);

        answer["codeSent"]!.GetValue<bool>().Should().BeFalse();
        answer.Codes().Should().Equal("PHONE_INVALID");
        answer["userErrors"]![0]!["field"]!.AsArray().Select(f => f!.GetValue<string>()).Should().Equal("input", "phone");
    }

    [Fact]
    public async Task Wrong_code_is_refused_and_the_right_code_then_works_exactly_once()
    {
        var phone = Gql.NewPhone();
        await _client.RequestCodeAsync(phone);
        var code = await _client.LatestCodeAsync(phone);
        var wrong = code == "000000" ? "000001" : "000000";

        (await _client.VerifyCodeAsync(phone, wrong)).Codes().Should().Equal("CODE_INVALID");
        (await _client.VerifyCodeAsync(phone, "12ab56")).Codes().Should().Equal("CODE_INVALID");
        (await Database.CountAsync("SELECT count(*) FROM users.users WHERE phone = $1", phone)).Should().Be(0, "a failed attempt creates nothing");

        (await _client.VerifyCodeAsync(phone, code)).Codes().Should().BeEmpty();
        (await _client.VerifyCodeAsync(phone, code)).Codes().Should().Equal("CODE_INVALID");
    }

    [Fact]
    public async Task Expired_code_is_refused()
    {
        var phone = Gql.NewPhone();
        await _client.RequestCodeAsync(phone);
        var code = await _client.LatestCodeAsync(phone);
        await Database.ScalarAsync<object>("UPDATE users.login_codes SET expires_at = now() - interval '1 second' WHERE phone = $1", phone);

        var answer = await _client.VerifyCodeAsync(phone, code);

        answer.Codes().Should().Equal("CODE_INVALID");
        answer["accessToken"].Should().BeNull();
        (await Database.CountAsync("SELECT count(*) FROM users.users WHERE phone = $1", phone)).Should().Be(0);
    }

    [Fact]
    public async Task A_code_is_void_after_its_tries_and_a_fresh_code_works()
    {
        var phone = Gql.NewPhone();
        await _client.RequestCodeAsync(phone);
        var code = await _client.LatestCodeAsync(phone);
        var wrong = code == "999999" ? "999998" : "999999";

        for (var i = 0; i < 3; i++)
            (await _client.VerifyCodeAsync(phone, wrong)).Codes().Should().Equal("CODE_INVALID");

        var voided = await _client.VerifyCodeAsync(phone, code);
        voided.Codes().Should().Equal(["CODE_INVALID"], "three wrong tries void the code");
        voided["accessToken"].Should().BeNull();
        (await Database.CountAsync("SELECT count(*) FROM users.users WHERE phone = $1", phone)).Should().Be(0);

        // Whoever made the wrong guesses, the phone's owner is not locked out: a new code works at once.
        await Budgets.ClearPhoneMinuteAsync(phone);
        await _client.RequestCodeAsync(phone);
        (await _client.VerifyCodeAsync(phone, await _client.LatestCodeAsync(phone))).Codes().Should().BeEmpty();
    }

    [Fact]
    public async Task Guessing_codes_with_aliases_in_one_document_gets_no_more_tries_than_separate_requests()
    {
        var phone = Gql.NewPhone();
        await _client.RequestCodeAsync(phone);
        var code = await _client.LatestCodeAsync(phone);
        var guesses = Enumerable.Range(0, 6).Select(i => $"{(int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) + 1 + i) % 1_000_000:D6}").ToList();
        var aliases = string.Join('\n', guesses.Select((g, i) => $"g{i}: buyerLoginCodeVerify(input: {{ phone: $p, code: \"{g}\" }}) {{ accessToken userErrors {{ code }} }}"));

        var body = await _client.SendAsync($"mutation($p: String!) {{ {aliases} }}", new { p = phone });

        Enumerable.Range(0, 6).Select(i => body["data"]![$"g{i}"].Codes().Single()).Should().AllBe("CODE_INVALID");
        (await Database.ScalarAsync<int>("SELECT attempts FROM users.login_codes WHERE phone = $1 ORDER BY created_at DESC LIMIT 1", phone)).Should().Be(3, "only three guesses reached the code");
        (await _client.VerifyCodeAsync(phone, code)).Codes().Should().Equal(["CODE_INVALID"], "the code is void after its three tries");
    }

    [Fact]
    public async Task Code_sends_per_phone_are_limited_even_when_aliased_in_one_document()
    {
        var phone = Gql.NewPhone();
        var body = await _client.SendAsync("""
            mutation($p: String!) {
              a: buyerLoginCodeRequest(input: { phone: $p }) { codeSent userErrors { code } }
              b: buyerLoginCodeRequest(input: { phone: $p }) { codeSent userErrors { code } }
              c: buyerLoginCodeRequest(input: { phone: $p }) { codeSent userErrors { code } }
            }
            """, new { p = phone });

        var data = body["data"]!;
        new[] { "a", "b", "c" }.Count(a => data[a]!["codeSent"]!.GetValue<bool>()).Should().Be(1);
        data["b"].Codes().Should().Equal("RATE_LIMITED");
        data["c"].Codes().Should().Equal("RATE_LIMITED");
        (await _client.DevSmsAsync(phone)).Should().ContainSingle();
    }

    // The per-minute send limit stands between two sign-ins of one phone; a test does not wait a minute, it
    // clears that one counter the way its window's expiry would.
    private async Task<System.Text.Json.Nodes.JsonNode> SignInAfterMinuteLimitAsync(string phone)
    {
        await Budgets.ClearPhoneMinuteAsync(phone);
        return await _client.SignInBuyerAsync(phone);
    }
}
