using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Npgsql;

namespace Marketplace.Testing;

/// <summary>
/// A signing key owned by a test suite: its public half is stored in <c>users.signing_keys</c> as a published but not
/// active key (it has a retirement time), so the gateway verifies the access tokens the suite signs (an administrator's,
/// say: administrators exist only through the host's <c>create-admin</c> command) exactly as it verifies the Users
/// module's own. Needs the Users tables migrated. The one token factory of every suite: valid tokens for any user and
/// roles, and the broken ones the gateway must refuse (expired, wrong audience or issuer, another key, HS256, unsigned).
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
    public string Issue(string userId, params string[] roles) => Issue(userId, roles, sessionId: null);

    public string Issue(Guid userId, params string[] roles) => Issue(userId.ToString(), roles);

    /// <summary>
    /// An access token with every claim the tests vary: the session (<c>sid</c>), expiry and not-before, audience, issuer,
    /// <c>typ</c>, and the key that signs it (<paramref name="signWith"/>: a key nobody published).
    /// </summary>
    public string Issue(string userId, string[] roles, string? sessionId = null, DateTime? expires = null, string audience = Audience,
        string issuer = Issuer, string type = "at+jwt", ECDsa? signWith = null, DateTime? notBefore = null)
    {
        var claims = new Dictionary<string, object> { ["sub"] = userId, ["roles"] = roles };
        if (sessionId is not null)
            claims["sid"] = sessionId;
        var exp = expires ?? DateTime.UtcNow.AddMinutes(10);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = exp.AddMinutes(-20),
            NotBefore = notBefore ?? exp.AddMinutes(-20),
            Expires = exp,
            TokenType = type,
            SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(signWith ?? _key) { KeyId = KeyId }, SecurityAlgorithms.EcdsaSha256),
        });
    }

    /// <summary>A token signed with HS256 (a shared secret) under this key's id: the gateway accepts asymmetric keys only.</summary>
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

    /// <summary>An unsigned token (<c>alg: none</c>) that would otherwise be valid, for an ADMIN.</summary>
    public string IssueUnsigned(string userId)
    {
        static string Part(object value) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value)));
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return $"{Part(new { alg = "none", typ = "at+jwt", kid = KeyId })}.{Part(new { sub = userId, roles = new[] { "ADMIN" }, iss = Issuer, aud = Audience, exp = now + 300, iat = now })}.";
    }
}
