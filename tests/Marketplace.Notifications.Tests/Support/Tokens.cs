using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Npgsql;

namespace Marketplace.Notifications.Tests.Support;

/// <summary>
/// Access tokens the gateway accepts, signed as <c>tests/Marketplace.Gateway.Tests/Support/TestTokens.cs</c> does: a
/// test key stored as a published, non-active key in the test database's <c>users.signing_keys</c>.
/// </summary>
public sealed class Tokens
{
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly string _keyId = "test-" + Guid.NewGuid().ToString("N");

    public static async Task<Tokens> CreateAsync(string database)
    {
        var tokens = new Tokens();
        var q = tokens._key.ExportParameters(false).Q;
        var jwk = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["kty"] = "EC", ["crv"] = "P-256", ["x"] = Base64UrlEncoder.Encode(q.X), ["y"] = Base64UrlEncoder.Encode(q.Y),
            ["kid"] = tokens._keyId, ["alg"] = "ES256", ["use"] = "sig",
        });
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "INSERT INTO users.signing_keys (id, algorithm, private_key, public_jwk, created_at, retires_at) VALUES (@id, 'ES256', @private, @jwk::jsonb, now(), now() + interval '30 minutes')",
            connection);
        command.Parameters.AddWithValue("id", tokens._keyId);
        command.Parameters.AddWithValue("private", tokens._key.ExportPkcs8PrivateKey());
        command.Parameters.AddWithValue("jwk", jwk);
        await command.ExecuteNonQueryAsync();
        return tokens;
    }

    public string Issue(Guid userId, params string[] roles)
    {
        var expires = DateTime.UtcNow.AddMinutes(10);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "marketplace",
            Audience = "marketplace-api",
            Claims = new Dictionary<string, object> { ["sub"] = userId.ToString(), ["roles"] = roles },
            IssuedAt = expires.AddMinutes(-20),
            NotBefore = expires.AddMinutes(-20),
            Expires = expires,
            TokenType = "at+jwt",
            SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(_key) { KeyId = _keyId }, SecurityAlgorithms.EcdsaSha256),
        });
    }
}

public static class GraphQL
{
    public static async Task<JsonNode> QueryAsync(this HttpClient client, string query, object? variables = null, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Accept.ParseAdd("application/json");
        if (token is not null)
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    public static string? ErrorCode(this JsonNode body) => body["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>();
}
