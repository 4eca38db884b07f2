using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FluentAssertions;

namespace Marketplace.Testing.Stores;

/// <summary>The sign-in and account flows (Users area) most tests start with.</summary>
public static partial class Gql
{
    public const string SignInFields = "accessToken accessTokenExpiresIn refreshToken viewer { userId role sessionId displayName email emailVerified phone createdAt } userErrors { field code message }";

    public static string NewEmail(string prefix = "seller") => $"{prefix}-{Guid.NewGuid():N}@example.test";

    public static async Task<JsonNode> RequestCodeAsync(this HttpClient client, string phone) =>
        (await client.SendAsync("mutation($p: String!) { buyerLoginCodeRequest(input: { phone: $p }) { codeSent expiresInSeconds userErrors { field code message retryAfterSeconds } } }", new { p = phone })).Data("buyerLoginCodeRequest");

    public static async Task<JsonNode> VerifyCodeAsync(this HttpClient client, string phone, string code) =>
        (await client.SendAsync($"mutation($p: String!, $c: String!) {{ buyerLoginCodeVerify(input: {{ phone: $p, code: $c }}) {{ {SignInFields} }} }}", new { p = phone, c = code })).Data("buyerLoginCodeVerify");

    /// <summary>The development SMS inbox at /dev/sms, newest first.</summary>
    public static async Task<JsonArray> DevSmsAsync(this HttpClient client, string phone) =>
        (await client.GetFromJsonAsync<JsonNode>($"/dev/sms?phone={Uri.EscapeDataString(phone)}"))!["messages"]!.AsArray();

    public static async Task<string> LatestCodeAsync(this HttpClient client, string phone)
    {
        var messages = await client.DevSmsAsync(phone);
        return CodeIn(messages[0]!["body"]!.GetValue<string>());
    }

    public static string CodeIn(string body) => SixDigits().Match(body).Value;

    /// <summary>A buyer signed in by the whole code flow; the sign-in payload.</summary>
    public static async Task<JsonNode> SignInBuyerAsync(this HttpClient client, string? phone = null)
    {
        phone ??= NewPhone();
        var requested = await client.RequestCodeAsync(phone);
        requested["codeSent"]!.GetValue<bool>().Should().BeTrue(requested.ToJsonString());
        var signedIn = await client.VerifyCodeAsync(phone, await client.LatestCodeAsync(phone));
        signedIn.Codes().Should().BeEmpty();
        return signedIn;
    }

    public static async Task<JsonNode> RegisterSellerAsync(this HttpClient client, string email, string password = "correct horse battery", string displayName = "Corner Shop") =>
        (await client.SendAsync($"mutation($e: String!, $p: String!, $d: String!) {{ sellerRegister(input: {{ email: $e, password: $p, displayName: $d }}) {{ {SignInFields} }} }}",
            new { e = email, p = password, d = displayName })).Data("sellerRegister");

    public static async Task<JsonNode> LoginSellerAsync(this HttpClient client, string email, string password) =>
        (await client.SendAsync($"mutation($e: String!, $p: String!) {{ sellerLogin(input: {{ email: $e, password: $p }}) {{ {SignInFields} }} }}", new { e = email, p = password })).Data("sellerLogin");

    public static async Task<JsonNode> RefreshAsync(this HttpClient client, string refreshToken) =>
        (await client.SendAsync($"mutation($r: String!) {{ sessionRefresh(input: {{ refreshToken: $r }}) {{ {SignInFields} }} }}", new { r = refreshToken })).Data("sessionRefresh");

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();
}
