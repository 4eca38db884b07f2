using System.Text.RegularExpressions;
using Marketplace.Notifications.Tests.Support;
using Marketplace.Testing;
using Marketplace.Testing.Stores;

namespace Marketplace.Notifications.Tests;

/// <summary>
/// Users and Notifications together, nothing recorded or faked: a seller signs up through GraphQL, the verification
/// email (sent by the Users module through the Notifications contract) arrives at the real SMTP server, its link
/// verifies the address, and the resulting <c>seller_email_verified</c> event travels through the outbox and
/// JetStream to the Notifications consumer, whose welcome email arrives too.
/// </summary>
[Collection(NotificationsCollection.Name)]
public sealed partial class SellerSignUpEndToEndTests(NotificationsHost host)
{
    private readonly HttpClient _client = host.Factory.CreateClient();

    [Fact]
    public async Task A_new_seller_gets_a_working_verification_email_and_then_a_welcome_email()
    {
        var email = $"e2e-seller-{Guid.NewGuid():N}@example.test";

        var registered = await _client.SendAsync(
            "mutation($e: String!, $p: String!, $d: String!) { sellerRegister(input: { email: $e, password: $p, displayName: $d }) { accessToken userErrors { field code } } }",
            new { e = email, p = "a long and unusual passphrase", d = "Ada's Bikes" });
        registered["data"]!["sellerRegister"]!["userErrors"]!.AsArray().Should().BeEmpty();

        var verification = await Eventually.ReturnsAsync(
            async () => (await host.Mail.MessagesToAsync(email)).FirstOrDefault(),
            message => message is not null,
            TimeSpan.FromSeconds(30),
            "the verification email reaches the SMTP server");
        var token = Uri.UnescapeDataString(VerifyLink().Match(verification!["text"]!.GetValue<string>()).Groups["token"].Value);
        token.Should().NotBeEmpty("the email carries the verification link");

        var verified = await _client.SendAsync(
            "mutation($t: String!) { sellerEmailVerify(input: { token: $t }) { success userErrors { code } } }", new { t = token });
        verified["data"]!["sellerEmailVerify"]!["success"]!.GetValue<bool>().Should().BeTrue(verified.ToJsonString());

        var welcome = await Eventually.ReturnsAsync(
            async () => (await host.Mail.MessagesToAsync(email)).FirstOrDefault(m => m["subject"]!.GetValue<string>().StartsWith("Welcome", StringComparison.Ordinal)),
            message => message is not null,
            TimeSpan.FromSeconds(60),
            "the welcome email follows the seller_email_verified event");
        welcome!["subject"]!.GetValue<string>().Should().Contain("Ada's Bikes");
        (await host.Mail.MessagesToAsync(email)).Should().HaveCount(2, "one verification and one welcome, nothing twice");
    }

    [GeneratedRegex(@"verify-email\?token=(?<token>[^\s""<>&]+)")]
    private static partial Regex VerifyLink();
}
