using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using FluentAssertions;
using Npgsql;

namespace Marketplace.Testing.Stores;

/// <summary>
/// The one GraphQL client of the suites: GraphQL over HTTP the way a client speaks it, plus the flows tests start with
/// (sign-in and accounts in Gql.Accounts.cs; a verified seller, a buyer, a store at a fresh place here).
/// </summary>
public static partial class Gql
{
    public const string StoreFields = "id name slug description contactEmail contactPhone address location { latitude longitude } serviceRadiusKm status createdAt "
        + "updatedAt version categories openingHours { day opens closes } logo { assetId url } banner { assetId url } followersCount viewerIsFollowing suspensionReason";

    /// <summary>The User-Agent every request carries (sessions record it as their device).</summary>
    public const string UserAgent = "MarketplaceTests/1.0";

    /// <summary>
    /// POSTs a document to /graphql and answers the JSON body. <paramref name="clientIp"/> names the client's address
    /// (<c>X-Test-Client-Ip</c>), for hosts that honour it (the Users suite's) to exercise per-address limits.
    /// </summary>
    public static async Task<JsonNode> SendAsync(this HttpClient client, string query, object? variables = null, string? token = null, string? correlationId = null, string? clientIp = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.TryAddWithoutValidation("Accept", "application/graphql-response+json");
        request.Headers.UserAgent.ParseAdd(UserAgent);
        if (clientIp is not null)
            request.Headers.TryAddWithoutValidation("X-Test-Client-Ip", clientIp);
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (correlationId is not null)
            request.Headers.TryAddWithoutValidation("X-Correlation-Id", correlationId);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text) ?? throw new InvalidOperationException($"empty answer {response.StatusCode}");
    }

    /// <summary>The payload of root field <paramref name="field"/>; fails with the whole answer when it is missing.</summary>
    public static JsonNode Data(this JsonNode body, string field) =>
        body["data"]?[field] ?? throw new InvalidOperationException($"no data.{field} in {body.ToJsonString()}");

    public static string[] Codes(this JsonNode? payload) =>
        payload?["userErrors"]?.AsArray().Select(e => e!["code"]!.GetValue<string>()).ToArray() ?? [];

    public static string[] ErrorCodes(this JsonNode body) =>
        body["errors"]?.AsArray().Select(e => e!["extensions"]?["code"]?.GetValue<string>() ?? "").ToArray() ?? [];

    public static string Text(this JsonNode? node, string name) => node![name]!.GetValue<string>();

    /// <summary>A seller registered through GraphQL; verified by the emailed token when <paramref name="verified"/>.</summary>
    public static async Task<(string Token, string UserId)> SellerAsync(this HttpClient client, IRecordsEmails app, bool verified = true)
    {
        var email = $"store-seller-{Guid.NewGuid():N}@example.test";
        var registered = (await client.SendAsync(
            "mutation($e: String!, $p: String!, $d: String!) { sellerRegister(input: { email: $e, password: $p, displayName: $d }) { accessToken viewer { userId } userErrors { code } } }",
            new { e = email, p = "correct horse battery", d = "Store Seller" })).Data("sellerRegister");
        registered.Codes().Should().BeEmpty();
        var token = registered.Text("accessToken");
        var userId = registered["viewer"].Text("userId");
        if (verified)
        {
            var sent = app.Emails.SentTo(email).Should().ContainSingle().Subject;
            var verifyToken = Uri.UnescapeDataString(new Uri(sent.Data["verificationUrl"]).Query.Split("token=")[1]);
            var answer = (await client.SendAsync("mutation($t: String!) { sellerEmailVerify(input: { token: $t }) { success userErrors { code } } }", new { t = verifyToken })).Data("sellerEmailVerify");
            answer["success"]!.GetValue<bool>().Should().BeTrue(answer.ToJsonString());
        }

        return (token, userId);
    }

    /// <summary>A buyer signed in by the phone code flow (development SMS inbox); their access token.</summary>
    public static async Task<string> BuyerAsync(this HttpClient client) => (await client.SignInBuyerAsync()).Text("accessToken");

    public static Task<JsonNode> CreateStoreAsync(this HttpClient client, string token, object input) =>
        client.SendAsync($"mutation($i: StoreCreateInput!) {{ storeCreate(input: $i) {{ store {{ {StoreFields} }} userErrors {{ field code message }} }} }}", new { i = input }, token);

    public static object StoreInput(string name, double latitude, double longitude, string? slug = null, double radiusKm = 10) => new
    {
        name,
        slug,
        description = "Fresh bread and pastries.",
        contactEmail = "hello@example.test",
        contactPhone = "+44 20 7946 0000",
        address = "1 High Street",
        location = new { latitude, longitude },
        serviceRadiusKm = radiusKm,
    };

    public static string NewSlug(string prefix = "shop") => $"{prefix}-{Guid.NewGuid():N}";

    /// <summary>A point far (with overwhelming likelihood) from any other test's stores, in this run or earlier ones.</summary>
    public static (double Latitude, double Longitude) NewPlace() =>
        (RandomNumberGenerator.GetInt32(-600_000, 600_000) / 10_000.0, RandomNumberGenerator.GetInt32(-1_700_000, 1_700_000) / 10_000.0);

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

    public static async Task<T?> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(TestServices.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)value;
    }
}

/// <summary>A test host whose Notifications contract is a <see cref="RecordingNotifications"/> (the seller flows read the verification email from it).</summary>
public interface IRecordsEmails
{
    RecordingNotifications Emails { get; }
}
