namespace Marketplace.Modules.Users;

/// <summary>Settings of the Users module, section <c>Modules:Users</c>. Every one is listed in docs/users.md.</summary>
internal sealed class UsersOptions
{
    /// <summary><c>iss</c> of access tokens; read from <c>Gateway:Auth:Issuer</c> so issuer and validator agree.</summary>
    public string Issuer { get; set; } = "marketplace";

    /// <summary><c>aud</c> of access tokens; read from <c>Gateway:Auth:Audience</c>.</summary>
    public string Audience { get; set; } = "marketplace-api";

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Passphrase that encrypts the private halves of new signing keys at rest (encrypted PKCS#8: AES-256-CBC, key from
    /// PBKDF2-SHA256). Empty: keys are stored unencrypted, and each new key says so in a warning.
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

/// <summary>Abuse limits, counted in Redis per subject (phone, email, client IP).</summary>
internal sealed class UsersLimits
{
    public int CodeSendsPerPhonePerMinute { get; set; } = 1;

    public int CodeSendsPerPhonePerHour { get; set; } = 5;

    public int CodeSendsPerIpPerHour { get; set; } = 30;

    /// <summary>Failures before a phone or account waits; each further failure doubles the wait.</summary>
    public int FailuresBeforeDelay { get; set; } = 3;

    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromHours(1);

    public int LoginsPerIpPer15Minutes { get; set; } = 50;

    public int EmailsPerAccountPerHour { get; set; } = 5;
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
