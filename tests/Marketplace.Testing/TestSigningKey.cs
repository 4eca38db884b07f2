using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Npgsql;

namespace Marketplace.Testing;

/// <summary>
/// A signing key owned by a test suite: its public half is stored in <c>users.signing_keys</c> as a published but not
/// active key (it has a retirement time), so the gateway verifies the access tokens the suite signs (an administrator's,
/// say: administrators exist only through the host's <c>create-admin</c> command) exactly as it verifies the Users
/// module's own. Needs the Users tables migrated.
/// </summary>
public sealed class TestSigningKey
{
    public const string Issuer = "marketplace";
    public const string Audience = "marketplace-api";

    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    private TestSigningKey(string keyId) => KeyId = keyId;

    public string KeyId { get; }

    /// <summary>Creates a key and publishes it in the database of <paramref name="connectionString"/> (default: the shared test database).</summary>
    public static async Task<TestSigningKey> CreateAsync(string? connectionString = null)
    {
        var key = new TestSigningKey("test-" + Guid.NewGuid().ToString("N"));
        var q = key._key.ExportParameters(false).Q;
        var jwk = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["kty"] = "EC", ["crv"] = "P-256", ["x"] = Base64UrlEncoder.Encode(q.X), ["y"] = Base64UrlEncoder.Encode(q.Y),
            ["kid"] = key.KeyId, ["alg"] = "ES256", ["use"] = "sig",
        });
        await using var connection = new NpgsqlConnection(connectionString ?? TestServices.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "INSERT INTO users.signing_keys (id, algorithm, private_key, public_jwk, created_at, retires_at) VALUES (@id, 'ES256', @private, @jwk::jsonb, now(), now() + interval '2 hours')",
            connection);
        command.Parameters.AddWithValue("id", key.KeyId);
        command.Parameters.AddWithValue("private", key._key.ExportPkcs8PrivateKey());
        command.Parameters.AddWithValue("jwk", jwk);
        await command.ExecuteNonQueryAsync();
        return key;
    }

    /// <summary>An access token (ES256, <c>at+jwt</c>) for <paramref name="userId"/> with these roles, valid for ten minutes.</summary>
    public string Issue(string userId, params string[] roles)
    {
        var expires = DateTime.UtcNow.AddMinutes(10);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Claims = new Dictionary<string, object> { ["sub"] = userId, ["roles"] = roles },
            IssuedAt = expires.AddMinutes(-20),
            NotBefore = expires.AddMinutes(-20),
            Expires = expires,
            TokenType = "at+jwt",
            SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(_key) { KeyId = KeyId }, SecurityAlgorithms.EcdsaSha256),
        });
    }

    public string Issue(Guid userId, params string[] roles) => Issue(userId.ToString(), roles);
}
