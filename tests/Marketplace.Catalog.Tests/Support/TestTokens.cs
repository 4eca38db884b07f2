using System.Security.Cryptography;
using System.Text.Json;
using Marketplace.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Npgsql;

namespace Marketplace.Catalog.Tests.Support;

/// <summary>
/// A signing key owned by the tests (as in the gateway tests): stored in users.signing_keys as a published but not
/// active key, so the gateway verifies the tokens the tests sign, e.g. an administrator's.
/// </summary>
public sealed class TestTokens
{
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    private TestTokens(string keyId) => KeyId = keyId;

    public string KeyId { get; }

    public static async Task<TestTokens> CreateAsync()
    {
        var tokens = new TestTokens("catalog-test-" + Guid.NewGuid().ToString("N"));
        var q = tokens._key.ExportParameters(false).Q;
        var jwk = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["kty"] = "EC", ["crv"] = "P-256", ["x"] = Base64UrlEncoder.Encode(q.X), ["y"] = Base64UrlEncoder.Encode(q.Y),
            ["kid"] = tokens.KeyId, ["alg"] = "ES256", ["use"] = "sig",
        });
        await using var connection = new NpgsqlConnection(TestServices.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "INSERT INTO users.signing_keys (id, algorithm, private_key, public_jwk, created_at, retires_at) VALUES (@id, 'ES256', @private, @jwk::jsonb, now(), now() + interval '2 hours')",
            connection);
        command.Parameters.AddWithValue("id", tokens.KeyId);
        command.Parameters.AddWithValue("private", tokens._key.ExportPkcs8PrivateKey());
        command.Parameters.AddWithValue("jwk", jwk);
        await command.ExecuteNonQueryAsync();
        return tokens;
    }

    public string Issue(string userId, string[] roles)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "marketplace",
            Audience = "marketplace-api",
            Claims = new Dictionary<string, object> { ["sub"] = userId, ["roles"] = roles },
            IssuedAt = now.AddMinutes(-1),
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddMinutes(30),
            TokenType = "at+jwt",
            SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(_key) { KeyId = KeyId }, SecurityAlgorithms.EcdsaSha256),
        });
    }
}
