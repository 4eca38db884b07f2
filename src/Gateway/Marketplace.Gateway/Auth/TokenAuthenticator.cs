using System.Text.Json;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.Security;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Marketplace.Gateway.Auth;

/// <summary>The outcome of reading a bearer token: a caller, or why the token was refused.</summary>
public sealed record Authentication(Caller Caller, string? Failure, DateTimeOffset? ExpiresAt = null)
{
    public static readonly Authentication Anonymous = new(Caller.Anonymous, null);

    public bool Failed => Failure is not null;
}

/// <summary>
/// Verifies access tokens (RFC 9068 style JWTs): signature with a published key, ES256 or RS256 only,
/// <c>typ</c> <c>at+jwt</c>, issuer, audience, lifetime. The caller's id is <c>sub</c>, roles come from the
/// <c>roles</c> claim, the session from <c>sid</c>.
/// </summary>
internal sealed class TokenAuthenticator(SigningKeyCache keys, GatewayOptions options, ISessionRevocations revocations, UsersSessionLiveness sessions)
{
    public const string TokenType = "at+jwt";
    private static readonly string[] AllowedAlgorithms = [SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.RsaSha256];
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    /// <summary>Reads an <c>Authorization</c> header value; none means anonymous.</summary>
    public Task<Authentication> AuthenticateHeaderAsync(string? authorization, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(authorization))
            return Task.FromResult(Authentication.Anonymous);
        const string scheme = "Bearer ";
        if (!authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            return Task.FromResult(new Authentication(Caller.Anonymous, "only Bearer tokens are accepted"));
        return AuthenticateAsync(authorization[scheme.Length..].Trim(), cancellationToken);
    }

    public async Task<Authentication> AuthenticateAsync(string token, CancellationToken cancellationToken)
    {
        if (token.Length is 0 or > 8192 || !_handler.CanReadToken(token))
            return Failed("the token is not a JWT");

        JsonWebToken parsed;
        try
        {
            parsed = _handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return Failed("the token is not a JWT");
        }

        // Decide on the algorithm before touching keys: 'none' and HMAC never get near verification.
        if (!AllowedAlgorithms.Contains(parsed.Alg, StringComparer.Ordinal))
            return Failed("the token's algorithm is not accepted");

        var snapshot = await keys.GetAsync(string.IsNullOrEmpty(parsed.Kid) ? null : parsed.Kid, cancellationToken);
        var parameters = new TokenValidationParameters
        {
            ValidIssuer = options.Auth.Issuer,
            ValidAudience = options.Auth.Audience,
            ValidTypes = [TokenType],
            ValidAlgorithms = AllowedAlgorithms,
            IssuerSigningKeys = snapshot.Keys,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            ClockSkew = options.Auth.ClockSkew,
            TryAllIssuerSigningKeys = false,
        };

        var result = await _handler.ValidateTokenAsync(parsed, parameters);
        if (!result.IsValid)
            return Failed(Describe(result.Exception));

        var subject = parsed.Subject;
        if (string.IsNullOrEmpty(subject))
            return Failed("the token has no subject");
        var roles = ReadRoles(parsed);
        parsed.TryGetPayloadValue<string>("sid", out var session);
        // A signed, unexpired token of a session that has ended (logout, revocation, reuse detected) is refused. Redis
        // answers within a short timeout (then the Users module does); when nothing can tell, the token is not honoured.
        if (!string.IsNullOrEmpty(session))
        {
            if (sessions.IsKnownEnded(session))
                return Failed("the session has ended");
            switch (await revocations.CheckAsync(session, cancellationToken))
            {
                case SessionState.Ended:
                    return Failed("the session has ended");
                case SessionState.Unknown:
                    throw new Grpc.Core.RpcException(new Grpc.Core.Status(Grpc.Core.StatusCode.Unavailable, "The session cannot be checked right now."));
            }
        }
        return new Authentication(Caller.User(subject, roles, string.IsNullOrEmpty(session) ? null : session), null, new DateTimeOffset(parsed.ValidTo, TimeSpan.Zero));
    }

    private static Authentication Failed(string reason) => new(Caller.Anonymous, reason);

    private static List<string> ReadRoles(JsonWebToken token)
    {
        if (token.TryGetPayloadValue<JsonElement>("roles", out var element) && element.ValueKind == JsonValueKind.Array)
            return element.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList();
        if (token.TryGetPayloadValue<string>("roles", out var single) && !string.IsNullOrEmpty(single))
            return [single];
        return [];
    }

    // Reasons for the WWW-Authenticate header: precise enough to debug a client, nothing about our keys.
    private static string Describe(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => "the token has expired",
        SecurityTokenNotYetValidException => "the token is not valid yet",
        SecurityTokenInvalidAudienceException => "the token is for another audience",
        SecurityTokenInvalidIssuerException => "the token is from another issuer",
        SecurityTokenInvalidTypeException => "the token is not an access token",
        SecurityTokenInvalidAlgorithmException => "the token's algorithm is not accepted",
        SecurityTokenSignatureKeyNotFoundException => "the token's signing key is unknown",
        SecurityTokenInvalidSignatureException => "the token's signature is invalid",
        SecurityTokenNoExpirationException => "the token has no expiry",
        _ => "the token is invalid",
    };
}
