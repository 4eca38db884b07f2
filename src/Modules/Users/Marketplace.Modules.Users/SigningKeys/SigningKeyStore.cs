using System.Security.Cryptography;
using System.Text.Json;
using Marketplace.Modules.Users.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Marketplace.Modules.Users.SigningKeys;

/// <summary>Creates, rotates and lists the token signing keys kept in <c>users.signing_keys</c>.</summary>
internal sealed partial class SigningKeyStore(UsersDbContext db, UsersOptions options, TimeProvider clock, ILogger<SigningKeyStore> logger)
{
    public const string Es256 = "ES256";

    // PBKDF2 rounds for the passphrase: the key is decrypted once per process and key, so this costs nothing per token.
    private const int PassphraseIterations = 200_000;

    private const long CreationLock = 0x5573_6572_4B65_7973; // "UserKeys"

    /// <summary>
    /// The published keys and the active one; creates the first key when there is none. Runs inside the calling command's
    /// transaction: the advisory lock that makes two processes starting together create one key, not two, is held until
    /// that transaction ends.
    /// </summary>
    public async Task<PublishedKeys> GetPublishedAsync(CancellationToken cancellationToken)
    {
        var keys = await PublishedAsync(cancellationToken);
        if (keys.FirstOrDefault(k => k.RetiresAt is null) is { } active)
            return new PublishedKeys(keys, active);

        await LockAsync(cancellationToken);
        keys = await PublishedAsync(cancellationToken);
        active = keys.FirstOrDefault(k => k.RetiresAt is null);
        if (active is null)
        {
            active = NewKey();
            db.Add(active);
            await db.SaveChangesAsync(cancellationToken);
            keys = [.. keys, active];
        }

        return new PublishedKeys(keys, active);
    }

    public async Task<SigningKey> RotateAsync(CancellationToken cancellationToken)
    {
        await LockAsync(cancellationToken);
        // The old key stops signing now and stays published only while a token it signed can still be valid.
        var retiresAt = clock.GetUtcNow();
        foreach (var current in await db.Set<SigningKey>().Where(k => k.RetiresAt == null).ToListAsync(cancellationToken))
            current.RetiresAt = retiresAt;
        var key = NewKey();
        db.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return key;
    }

    /// <summary>The JWKS document (RFC 7517) of <paramref name="keys"/>.</summary>
    public static string ToJwks(IEnumerable<SigningKey> keys)
    {
        var parsed = keys.Select(k => JsonDocument.Parse(k.PublicJwk).RootElement).ToList();
        return JsonSerializer.Serialize(new { keys = parsed });
    }

    // Serializes key creation and rotation across processes until the command's transaction ends.
    private async Task LockAsync(CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Signing keys change only inside a command's transaction (the advisory lock lasts as long as it).");
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({CreationLock})", cancellationToken);
    }

    /// <summary>
    /// The active key and every key retired less than an access token's lifetime plus the allowed clock skew ago: the
    /// last token a retired key signed has expired by then, so the JWKS carries no key that verifies nothing.
    /// </summary>
    private async Task<List<SigningKey>> PublishedAsync(CancellationToken cancellationToken)
    {
        var oldest = clock.GetUtcNow() - options.AccessTokenLifetime - options.ClockSkew;
        return await db.Set<SigningKey>()
            .AsNoTracking()
            .Where(k => k.RetiresAt == null || k.RetiresAt > oldest)
            .OrderBy(k => k.CreatedAt)
            .ToListAsync(cancellationToken);
    }

    private SigningKey NewKey()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var parameters = ecdsa.ExportParameters(includePrivateParameters: false);
        var id = Base64Url(RandomNumberGenerator.GetBytes(16));
        var jwk = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["kty"] = "EC",
            ["crv"] = "P-256",
            ["x"] = Base64Url(parameters.Q.X!),
            ["y"] = Base64Url(parameters.Q.Y!),
            ["kid"] = id,
            ["alg"] = Es256,
            ["use"] = "sig",
        });
        var passphrase = options.SigningKeyPassphrase;
        if (string.IsNullOrEmpty(passphrase))
            LogUnencrypted(logger, id);
        return new SigningKey
        {
            Id = id,
            Algorithm = Es256,
            PrivateKey = string.IsNullOrEmpty(passphrase)
                ? ecdsa.ExportPkcs8PrivateKey()
                : ecdsa.ExportEncryptedPkcs8PrivateKey(passphrase, new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, PassphraseIterations)),
            PrivateKeyEncrypted = !string.IsNullOrEmpty(passphrase),
            PublicJwk = jwk,
            CreatedAt = clock.GetUtcNow(),
        };
    }

    /// <summary>The private key of <paramref name="key"/>, decrypted with the configured passphrase when it is encrypted.</summary>
    public static ECDsa OpenPrivateKey(SigningKey key, string? passphrase)
    {
        var ecdsa = ECDsa.Create();
        if (!key.PrivateKeyEncrypted)
            ecdsa.ImportPkcs8PrivateKey(key.PrivateKey, out _);
        else if (string.IsNullOrEmpty(passphrase))
            throw new InvalidOperationException($"Signing key {key.Id} is encrypted: set Modules:Users:SigningKeyPassphrase.");
        else
            ecdsa.ImportEncryptedPkcs8PrivateKey(passphrase, key.PrivateKey, out _);
        return ecdsa;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Signing key {KeyId} is stored with its private half unencrypted; set Modules:Users:SigningKeyPassphrase to encrypt new keys (then rotate)")]
    private static partial void LogUnencrypted(ILogger logger, string keyId);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>The keys the JWKS publishes, and the one that signs new tokens.</summary>
internal sealed record PublishedKeys(IReadOnlyList<SigningKey> Keys, SigningKey Active);
