namespace Marketplace.Modules.Users.Domain;

/// <summary>
/// A person who signs in: a buyer (by phone), a seller (by email and password) or an administrator.
/// One role per account; a seller who also buys uses a buyer account.
/// </summary>
internal sealed class User
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>BUYER, SELLER or ADMIN (see <see cref="Marketplace.Shared.Contracts.Roles"/>).</summary>
    public required string Role { get; init; }

    /// <summary>E.164; buyers sign in with it.</summary>
    public string? Phone { get; set; }

    /// <summary>
    /// Normalised (<see cref="Sellers.EmailAddresses.Normalize"/>); sellers and admins sign in with it once it is verified.
    /// Unique among verified accounts only: an unverified claim never blocks the address's owner, and registering or
    /// changing to an address in use answers exactly like a free one (no account enumeration).
    /// </summary>
    public string? Email { get; set; }

    public DateTimeOffset? EmailVerifiedAt { get; set; }

    /// <summary>PBKDF2 hash in <see cref="Sellers.PasswordHasher"/>'s format; null for buyers.</summary>
    public string? PasswordHash { get; set; }

    public string DisplayName { get; set; } = "";

    /// <summary>A Media asset id or an https:// URL (<see cref="Marketplace.Shared.Media.MediaReference"/>, as stored); null when none.</summary>
    public string? Avatar { get; set; }

    /// <summary>A new phone waiting for its texted code (profile change), E.164.</summary>
    public string? PendingPhone { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>
/// One sign-in on one device: the family of refresh tokens issued since. Revoking it ends every token of the family.
/// </summary>
internal sealed class Session
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid UserId { get; init; }

    public string Device { get; set; } = "";

    public string Ip { get; set; } = "";

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset LastUsedAt { get; set; }

    /// <summary>When the refresh tokens stop working, counted from the last rotation.</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>logout, revoked, reuse_detected, password_reset.</summary>
    public string? RevokedReason { get; set; }

    /// <summary>
    /// Ended, but the gateway's revocation mark (Redis) is not confirmed yet: <see cref="Auth.RevocationMarkRelay"/> keeps
    /// applying it until Redis takes it. Until then the gateway asks this module whether the session is live.
    /// </summary>
    public bool RevocationMarkPending { get; set; }
}

/// <summary>An opaque refresh token, kept as its SHA-256 only; used once, then replaced by the next.</summary>
internal sealed class RefreshToken
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid SessionId { get; init; }

    public required byte[] Hash { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? UsedAt { get; set; }
}

/// <summary>A one-time SMS code for a phone number, kept hashed.</summary>
internal sealed class LoginCode
{
    public const string SignIn = "sign_in";
    public const string PhoneChange = "phone_change";

    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary><see cref="SignIn"/> or <see cref="PhoneChange"/>: a code proves one thing only.</summary>
    public string Purpose { get; init; } = SignIn;

    public required string Phone { get; init; }

    public required byte[] CodeHash { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Also set when the code is voided (its tries spent, or a newer code replaced it).</summary>
    public DateTimeOffset? ConsumedAt { get; set; }

    /// <summary>Tries reserved against this code, each before its comparison; at <see cref="UsersLimits.AttemptsPerCode"/> the code is void.</summary>
    public int Attempts { get; set; }
}

/// <summary>A single-use emailed token (email verification, password reset), kept hashed.</summary>
internal sealed class EmailToken
{
    public const string VerifyEmail = "verify_email";
    public const string ResetPassword = "reset_password";

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid UserId { get; init; }

    public required string Purpose { get; init; }

    /// <summary>The address the token was sent to: verifying it proves this address, not a later one.</summary>
    public required string Email { get; init; }

    public required byte[] Hash { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? UsedAt { get; set; }
}

/// <summary>
/// Failed sign-in attempts of one subject (a phone or an account), with the time before the next try is allowed.
/// Survives new codes; cleared by a success.
/// </summary>
internal sealed class AuthThrottle
{
    /// <summary>A hash of kind and subject, so phone numbers and emails are not repeated here in clear.</summary>
    public required string Subject { get; init; }

    public int Failures { get; set; }

    public DateTimeOffset? BlockedUntil { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
