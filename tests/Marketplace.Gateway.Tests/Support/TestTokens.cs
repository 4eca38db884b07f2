using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Marketplace.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Npgsql;

namespace Marketplace.Gateway.Tests.Support;

/// <summary>
/// A signing key owned by the tests: stored in users.signing_keys as a published but not active key (it has
/// a retirement time), so the gateway verifies tokens the tests sign, exactly as it will the Users module's.
/// </summary>
public sealed class TestTokens
{
    public const string Issuer = "marketplace";
    public const string Audience = "marketplace-api";

    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    private TestTokens(string keyId) => KeyId = keyId;

    public string KeyId { get; }

    /// <summary>Creates a key and stores its public half where the Users module publishes keys. Needs migrated tables.</summary>
    public static async Task<TestTokens> CreateAsync()
    {
        var tokens = new TestTokens("test-" + Guid.NewGuid().ToString("N"));
        var q = tokens._key.ExportParameters(false).Q;
        var jwk = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["kty"] = "EC", ["crv"] = "P-256", ["x"] = Base64UrlEncoder.Encode(q.X), ["y"] = Base64UrlEncoder.Encode(q.Y),
            ["kid"] = tokens.KeyId, ["alg"] = "ES256", ["use"] = "sig",
        });
        await using var connection = new NpgsqlConnection(TestServices.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "INSERT INTO users.signing_keys (id, algorithm, private_key, public_jwk, created_at, retires_at) VALUES (@id, 'ES256', @private, @jwk::jsonb, now(), now() + interval '30 minutes')",
            connection);
        command.Parameters.AddWithValue("id", tokens.KeyId);
        command.Parameters.AddWithValue("private", tokens._key.ExportPkcs8PrivateKey());
        command.Parameters.AddWithValue("jwk", jwk);
        await command.ExecuteNonQueryAsync();
        return tokens;
    }

    public string Issue(string userId, string[] roles, string? sessionId = null, DateTime? expires = null, string audience = Audience,
        string issuer = Issuer, string type = "at+jwt", ECDsa? signWith = null, DateTime? notBefore = null)
    {
        var claims = new Dictionary<string, object> { ["sub"] = userId, ["roles"] = roles };
        if (sessionId is not null)
            claims["sid"] = sessionId;
        var exp = expires ?? DateTime.UtcNow.AddMinutes(10);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = exp.AddMinutes(-20),
            NotBefore = notBefore ?? exp.AddMinutes(-20),
            Expires = exp,
            TokenType = type,
            SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(signWith ?? _key) { KeyId = KeyId }, SecurityAlgorithms.EcdsaSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    public string IssueHs256(string userId)
    {
        var secret = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = KeyId };
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity([new Claim("sub", userId)]),
            Expires = DateTime.UtcNow.AddMinutes(5),
            TokenType = "at+jwt",
            SigningCredentials = new SigningCredentials(secret, SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>An unsigned token (<c>alg: none</c>) that would otherwise be valid.</summary>
    public string IssueUnsigned(string userId)
    {
        static string Part(object value) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value)));
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return $"{Part(new { alg = "none", typ = "at+jwt", kid = KeyId })}.{Part(new { sub = userId, roles = new[] { "ADMIN" }, iss = Issuer, aud = Audience, exp = now + 300, iat = now })}.";
    }
}
