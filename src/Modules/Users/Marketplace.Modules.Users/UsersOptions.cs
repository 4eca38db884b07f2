namespace Marketplace.Modules.Users;

/// <summary>Settings of the Users module, section <c>Modules:Users</c>. Every one is listed in docs/users.md.</summary>
internal sealed class UsersOptions
{
    /// <summary>
    /// Development's passphrase when none is set: public, so it protects nothing, but every development host and test
    /// reads the same keys (production must set its own secret; the host refuses to start without one).
    /// </summary>
    public const string DevelopmentSigningKeyPassphrase = "marketplace-development-signing-key-passphrase";

    /// <summary><c>iss</c> of access tokens; read from <c>Gateway:Auth:Issuer</c> so issuer and validator agree.</summary>
    public string Issuer { get; set; } = "marketplace";

    /// <summary><c>aud</c> of access tokens; read from <c>Gateway:Auth:Audience</c>.</summary>
    public string Audience { get; set; } = "marketplace-api";

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The gateway's tolerance on <c>exp</c> (<c>Gateway:Auth:ClockSkew</c>): a retired key is published this much longer.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often revocation marks Redis could not take are applied again (see <c>Auth.RevocationMarkRelay</c>).</summary>
    public TimeSpan RevocationRelayInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Passphrase that encrypts the private halves of new signing keys at rest (encrypted PKCS#8: AES-256-CBC, key from
    /// PBKDF2-SHA256). Required outside Development (the host refuses to start without it); in Development an unset
    /// passphrase means <see cref="DevelopmentSigningKeyPassphrase"/>.
    /// </summary>
    public string? SigningKeyPassphrase { get; set; }

    /// <summary>A session whose refresh token is not used for this long ends.</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(30);

    public TimeSpan LoginCodeLifetime { get; set; } = TimeSpan.FromMinutes(10);

    public TimeSpan EmailVerificationLifetime { get; set; } = TimeSpan.FromHours(24);

    public TimeSpan PasswordResetLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>PBKDF2-SHA512 iterations for new hashes; older hashes are upgraded at the next login.</summary>
    public int PasswordIterations { get; set; } = 210_000;

    /// <summary>Base of the links in emails, e.g. <c>https://marketplace.example</c>.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:8080";

    /// <summary>Region assumed for phone numbers written without +country code (ISO 3166 alpha-2); none = + required.</summary>
    public string? DefaultPhoneRegion { get; set; }

    public UsersLimits Limits { get; set; } = new();

    public SmsOptions Sms { get; set; } = new();
}

/// <summary>
/// Abuse limits. Message budgets (every SMS and email) and the per-address request limits are counted in Redis
/// (<see cref="Marketplace.Shared.RateLimiting.IMessageBudget"/>); failed sign-in attempts in <c>users.auth_throttles</c>
/// and on each code row. docs/users.md lists every one.
/// </summary>
internal sealed class UsersLimits
{
    // ---- SMS budget (sign-in codes, phone-change codes, "number in use" notices) ----
    public int CodeSendsPerPhonePerMinute { get; set; } = 1;

    public int CodeSendsPerPhonePerHour { get; set; } = 5;

    /// <summary>Also caps guessing: each code allows <see cref="AttemptsPerCode"/> tries.</summary>
    public int CodeSendsPerPhonePerDay { get; set; } = 10;

    public int CodeSendsPerIpPerHour { get; set; } = 30;

    /// <summary>Texts a signed-in account may cause (phone changes).</summary>
    public int SmsPerAccountPerHour { get; set; } = 5;

    /// <summary>Every text this deployment sends, per hour: the bill's ceiling when everything else is evaded.</summary>
    public int SmsGlobalPerHour { get; set; } = 5000;

    // ---- Email budget (verification, reset, "address in use" notices) ----
    public int EmailsPerAddressPerHour { get; set; } = 3;

    public int EmailsPerAddressPerDay { get; set; } = 10;

    public int EmailsPerAccountPerHour { get; set; } = 5;

    public int EmailsPerIpPerHour { get; set; } = 20;

    public int EmailsGlobalPerHour { get; set; } = 20000;

    /// <summary>Seller registrations (each a password hash and an email) per client address.</summary>
    public int RegistrationsPerIpPerHour { get; set; } = 10;

    // ---- Guessing ----

    /// <summary>Tries of one SMS code, reserved before the comparison; then the code is void and a new one is needed.</summary>
    public int AttemptsPerCode { get; set; } = 3;

    /// <summary>
    /// Consecutive failures of one phone or account (any client) after which sign-in that way is locked until another
    /// path clears it (a password reset; an administrator). NIST SP 800-63B: at most 100.
    /// </summary>
    public int MaxConsecutiveFailures { get; set; } = 100;

    /// <summary>Password failures from one client for one account before that client waits; each further failure doubles the wait.</summary>
    public int FailuresBeforeDelay { get; set; } = 3;

    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromHours(1);

    public int LoginsPerIpPer15Minutes { get; set; } = 50;
}

internal sealed class SmsOptions
{
    /// <summary><c>Development</c> (kept in memory, readable at /dev/sms; Development only) or <c>Http</c> (Twilio-compatible REST).</summary>
    public string Provider { get; set; } = "Development";

    /// <summary>Base URL of the Twilio-compatible API, e.g. <c>https://api.twilio.com</c>.</summary>
    public string? BaseUrl { get; set; }

    public string? AccountSid { get; set; }

    public string? AuthToken { get; set; }

    /// <summary>Sender number or alphanumeric id.</summary>
    public string From { get; set; } = "Marketplace";
}
