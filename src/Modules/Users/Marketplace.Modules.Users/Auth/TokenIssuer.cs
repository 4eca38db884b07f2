using System.Security.Cryptography;
using Marketplace.Modules.Users.SigningKeys;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Marketplace.Modules.Users.Auth;

/// <summary>
/// Signs access tokens (RFC 9068 shape): ES256 with the active key, header <c>typ: at+jwt</c> and <c>kid</c>; claims
/// <c>iss</c>, <c>aud</c>, <c>sub</c>, <c>roles</c> (array), <c>sid</c>, <c>jti</c>, <c>iat</c>, <c>exp</c>.
/// </summary>
internal sealed class TokenIssuer(SigningKeyStore keys, UsersOptions options, TimeProvider clock)
{
    public const string TokenType = "at+jwt";
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    // Imported once per key id and kept: the handler caches signature providers per key, so keys must outlive a call.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, ECDsaSecurityKey> Keys = new(StringComparer.Ordinal);

    public async Task<string> IssueAsync(Guid userId, string role, Guid sessionId, CancellationToken cancellationToken)
    {
        var (_, active) = await keys.GetPublishedAsync(cancellationToken);
        var key = Keys.GetOrAdd(active.Id, static (id, state) =>
            new ECDsaSecurityKey(SigningKeyStore.OpenPrivateKey(state.Key, state.Passphrase)) { KeyId = id }, (Key: active, Passphrase: options.SigningKeyPassphrase));
        var now = clock.GetUtcNow().UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + options.AccessTokenLifetime,
            TokenType = TokenType,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.EcdsaSha256),
            Claims = new Dictionary<string, object>
            {
                [JwtRegisteredClaimNames.Sub] = userId.ToString(),
                [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
                ["sid"] = sessionId.ToString(),
                ["roles"] = new List<string> { role },
            },
        };
        return Handler.CreateToken(descriptor);
    }
}
