namespace Marketplace.Modules.Users.SigningKeys;

/// <summary>
/// An asymmetric key that signs access tokens. The active key has no <see cref="RetiresAt"/>; a rotated-out key stops
/// signing at <see cref="RetiresAt"/> and stays published for an access token's lifetime plus the clock skew after it,
/// so tokens it signed still verify until they expire, and no longer.
/// </summary>
internal sealed class SigningKey
{
    public required string Id { get; init; }

    public required string Algorithm { get; init; }

    /// <summary>
    /// PKCS#8 private key, encrypted with <c>Modules:Users:SigningKeyPassphrase</c> when <see cref="PrivateKeyEncrypted"/>.
    /// Only this module reads it (token issuing); it never leaves the module.
    /// </summary>
    public required byte[] PrivateKey { get; init; }

    public bool PrivateKeyEncrypted { get; init; }

    /// <summary>The public half as a JWK (JSON), exactly as published.</summary>
    public required string PublicJwk { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? RetiresAt { get; set; }
}
