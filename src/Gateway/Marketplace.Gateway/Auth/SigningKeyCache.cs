using Marketplace.Modules.Users.Contracts.V1;
using Marketplace.Shared.Contracts;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using CallContext = Marketplace.Shared.Contracts.CallContext;

namespace Marketplace.Gateway.Auth;

/// <summary>
/// The Users module's public signing keys, cached: fetched on first use, again when the cache expires, and
/// early when a token names a key id we do not know (a rotation), at most once per refresh interval.
/// </summary>
internal sealed class SigningKeyCache(
    UsersSigningKeys.UsersSigningKeysClient users,
    GatewayOptions options,
    TimeProvider clock,
    ILogger<SigningKeyCache> logger) : IDisposable
{
    private readonly SemaphoreSlim _fetching = new(1, 1);
    private volatile Snapshot? _snapshot;

    public async Task<Snapshot> GetAsync(string? keyId, CancellationToken cancellationToken)
    {
        var current = _snapshot;
        var now = clock.GetUtcNow();
        if (current is not null && now < current.FetchedAt + options.Auth.KeyCacheDuration
            && (keyId is null || current.Has(keyId) || now < current.FetchedAt + options.Auth.KeyRefreshMinInterval))
            return current;

        await _fetching.WaitAsync(cancellationToken);
        try
        {
            // Another request may have refreshed while we waited.
            current = _snapshot;
            now = clock.GetUtcNow();
            if (current is not null && now < current.FetchedAt + options.Auth.KeyCacheDuration
                && (keyId is null || current.Has(keyId) || now < current.FetchedAt + options.Auth.KeyRefreshMinInterval))
                return current;

            // The keys are public: the gateway asks as itself, not as the request's (still unverified) caller.
            using var scope = CallContext.Push(new CallContext(Caller.Service("Gateway"), CallContext.Current.CorrelationId));
            var response = await users.GetSigningKeysAsync(new GetSigningKeysRequest(), cancellationToken: cancellationToken);
            var set = new JsonWebKeySet(response.JwksJson);
            var keys = set.Keys.Where(k => k.Alg is "ES256" or "RS256" && k.Use is null or "sig").ToList<SecurityKey>();
            _snapshot = new Snapshot(keys, response.JwksJson, now);
            logger.LogInformation("Fetched {Count} token signing keys from the Users module", keys.Count);
            return _snapshot;
        }
        finally
        {
            _fetching.Release();
        }
    }

    public void Dispose() => _fetching.Dispose();

    internal sealed record Snapshot(IReadOnlyList<SecurityKey> Keys, string JwksJson, DateTimeOffset FetchedAt)
    {
        public bool Has(string keyId) => Keys.Any(k => k.KeyId == keyId);
    }
}
