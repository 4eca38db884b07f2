using Marketplace.Users.Tests.Support;

namespace Marketplace.Users.Tests;

/// <summary>
/// Development spares a person trying the demo on their own machine (DevelopmentAllowances): loopback is not counted per
/// client address, and nobody's wrong codes or passwords lock the demo accounts. Production is untouched. (The demo
/// accounts' own cases are in HardCapTests, whose host has a cap small enough to reach.)
/// </summary>
public sealed class DevelopmentAllowanceTests(UsersApp app)
{
    private const string Request = "mutation($p: String!) { buyerLoginCodeRequest(input: { phone: $p }) { codeSent userErrors { code message retryAfterSeconds } } }";

    [Fact]
    public async Task In_Development_a_loopback_client_is_not_held_to_the_per_address_text_budget()
    {
        var client = app.CreateClient();

        // UsersApp allows 5 codes per client address an hour; every browser tab and script on a laptop is 127.0.0.1.
        var answers = new List<System.Text.Json.Nodes.JsonNode>();
        for (var i = 0; i < 8; i++)
            answers.Add((await client.SendAsync(Request, new { p = Gql.NewPhone() }, clientIp: "127.0.0.1")).Data("buyerLoginCodeRequest"));

        answers.Should().OnlyContain(a => a["codeSent"]!.GetValue<bool>(), string.Join("\n", answers.Select(a => a.ToJsonString())));
    }

    [Fact]
    public async Task In_Development_a_new_phone_is_still_held_to_its_own_budget_and_told_when_to_retry()
    {
        var client = app.CreateClient();
        var phone = Gql.NewPhone();

        var first = (await client.SendAsync(Request, new { p = phone }, clientIp: "127.0.0.1")).Data("buyerLoginCodeRequest");
        var second = (await client.SendAsync(Request, new { p = phone }, clientIp: "127.0.0.1")).Data("buyerLoginCodeRequest");

        first["codeSent"]!.GetValue<bool>().Should().BeTrue();
        second.Codes().Should().Equal(["RATE_LIMITED"], "one text a minute protects the phone's owner, on any machine");
        second["userErrors"]![0]!["retryAfterSeconds"]!.GetValue<int>().Should().BeInRange(1, 60);
        second["userErrors"]![0]!["message"]!.GetValue<string>().Should().NotContain("Retry in", "the wait is a field, not text to parse");
    }

    [Fact]
    public async Task In_Production_loopback_is_counted_like_any_client_address()
    {
        await using var production = new UsersApp { Environment = "Production" };
        var client = production.CreateClient();

        var answers = new List<System.Text.Json.Nodes.JsonNode>();
        for (var i = 0; i < 8; i++)
            answers.Add((await client.SendAsync(Request, new { p = Gql.NewPhone() }, clientIp: "127.0.0.1")).Data("buyerLoginCodeRequest"));

        // 5 an hour per address (UsersApp); the counter may hold earlier runs' texts, so "at most".
        answers.Count(a => a["codeSent"]!.GetValue<bool>()).Should().BeLessThanOrEqualTo(5);
        var refused = answers.Last();
        refused.Codes().Should().Equal("RATE_LIMITED");
        refused["userErrors"]![0]!["retryAfterSeconds"]!.GetValue<int>().Should().BePositive();
    }
}
