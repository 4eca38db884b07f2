using System.Security.Cryptography;
using System.Text.Json;
using Marketplace.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Npgsql;

namespace Marketplace.Sellers.Tests.Support;

/// <summary>
/// Access tokens for an ADMIN (administrators exist only through the host's <c>create-admin</c> command), signed as
/// <c>tests/Marketplace.Gateway.Tests/Support/TestTokens.cs</c> does: with a test key stored as a published, non-active
/// key in <c>users.signing_keys</c>, so the gateway verifies them like the Users module's own.
/// </summary>
public static class AdminTokens
{
    private static readonly ECDsa Key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private static readonly string KeyId = "test-" + Guid.NewGuid().ToString("N");
    private static readonly Lazy<Task> Published = new(PublishAsync);

    public static async Task<string> IssueAsync()
    {
        await Published.Value;
        var expires = DateTime.UtcNow.AddMinutes(10);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "marketplace",
            Audience = "marketplace-api",
            Claims = new Dictionary<string, object> { ["sub"] = Guid.CreateVersion7().ToString(), ["roles"] = new[] { "ADMIN" } },
            IssuedAt = expires.AddMinutes(-20),
            NotBefore = expires.AddMinutes(-20),
            Expires = expires,
            TokenType = "at+jwt",
            SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(Key) { KeyId = KeyId }, SecurityAlgorithms.EcdsaSha256),
        });
    }

    private static async Task PublishAsync()
    {
        var q = Key.ExportParameters(false).Q;
        var jwk = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["kty"] = "EC", ["crv"] = "P-256", ["x"] = Base64UrlEncoder.Encode(q.X), ["y"] = Base64UrlEncoder.Encode(q.Y),
            ["kid"] = KeyId, ["alg"] = "ES256", ["use"] = "sig",
        });
        await using var connection = new NpgsqlConnection(TestServices.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "INSERT INTO users.signing_keys (id, algorithm, private_key, public_jwk, created_at, retires_at) VALUES (@id, 'ES256', @private, @jwk::jsonb, now(), now() + interval '30 minutes')",
            connection);
        command.Parameters.AddWithValue("id", KeyId);
        command.Parameters.AddWithValue("private", Key.ExportPkcs8PrivateKey());
        command.Parameters.AddWithValue("jwk", jwk);
        await command.ExecuteNonQueryAsync();
    }
}
