using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Marketplace.Users.Tests.Support;

/// <summary>GraphQL over HTTP the way a client speaks it, plus the flows most tests start with.</summary>
public static partial class Gql
{
    public const string SignInFields = "accessToken accessTokenExpiresIn refreshToken viewer { userId role sessionId displayName email emailVerified phone createdAt } userErrors { field code message }";

    public static async Task<JsonNode> SendAsync(this HttpClient client, string query, object? variables = null, string? token = null, string? clientIp = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.TryAddWithoutValidation("Accept", "application/graphql-response+json");
        request.Headers.UserAgent.ParseAdd("UsersTests/1.0");
        if (clientIp is not null)
            request.Headers.TryAddWithoutValidation("X-Test-Client-Ip", clientIp);
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text) ?? throw new InvalidOperationException($"empty answer {response.StatusCode}");
    }

    /// <summary>A phone number no other test (or earlier run) likely uses: a random valid UK mobile number.</summary>
    public static string NewPhone()
    {
        var util = PhoneNumbers.PhoneNumberUtil.GetInstance();
        while (true)
        {
            var candidate = $"+447{RandomNumberGenerator.GetInt32(400_000_000, 1_000_000_000)}";
            var number = util.Parse(candidate, null);
            if (util.IsValidNumber(number) && util.GetNumberType(number) == PhoneNumbers.PhoneNumberType.MOBILE)
                return candidate;
        }
    }

    public static string NewEmail(string prefix = "seller") => $"{prefix}-{Guid.NewGuid():N}@example.test";

    public static string[] Codes(this JsonNode? payload) =>
        payload?["userErrors"]?.AsArray().Select(e => e!["code"]!.GetValue<string>()).ToArray() ?? [];

    public static async Task<JsonNode> RequestCodeAsync(this HttpClient client, string phone) =>
        (await client.SendAsync("mutation($p: String!) { buyerLoginCodeRequest(input: { phone: $p }) { codeSent expiresInSeconds userErrors { field code message } } }", new { p = phone })).Data("buyerLoginCodeRequest");

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

    /// <summary>A buyer signed in by the whole code flow.</summary>
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

    /// <summary>The payload of root field <paramref name="field"/>; fails with the whole answer when it is missing.</summary>
    public static JsonNode Data(this JsonNode body, string field) =>
        body["data"]?[field] ?? throw new InvalidOperationException($"no data.{field} in {body.ToJsonString()}");

    public static string Text(this JsonNode? node, string name) => node![name]!.GetValue<string>();

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();
}
