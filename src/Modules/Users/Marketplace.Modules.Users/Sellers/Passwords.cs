using System.Security.Cryptography;
using System.Text;
using Marketplace.Modules.Users.Contracts;

namespace Marketplace.Modules.Users.Sellers;

/// <summary>
/// PBKDF2-SHA512 (OWASP 2023: ≥ 210,000 iterations), stored as <c>pbkdf2-sha512$iterations$salt$hash</c> (base64), so
/// the parameters travel with each hash and a login can tell that a hash is due for an upgrade.
/// </summary>
internal sealed class PasswordHasher(UsersOptions options)
{
    private const string Scheme = "pbkdf2-sha512";
    private const int SaltBytes = 16;
    private const int HashBytes = 64;

    // Verifying against this when the account does not exist keeps both answers equally slow.
    private readonly Lazy<string> _dummy = new(() => Hash(options, "not-a-password-of-anyone"));

    public string Hash(string password) => Hash(options, password);

    public (bool Valid, bool NeedsRehash) Verify(string? stored, string password)
    {
        var parts = (stored ?? _dummy.Value).Split('$');
        if (parts.Length != 4 || parts[0] != Scheme || !int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var iterations))
            return (false, false);
        var salt = Convert.FromBase64String(parts[2]);
        var expected = Convert.FromBase64String(parts[3]);
        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA512, expected.Length);
        var valid = stored is not null && CryptographicOperations.FixedTimeEquals(actual, expected);
        return (valid, valid && iterations < options.PasswordIterations);
    }

    private static string Hash(UsersOptions options, string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, options.PasswordIterations, HashAlgorithmName.SHA512, HashBytes);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Scheme}${options.PasswordIterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}");
    }
}

/// <summary>NIST SP 800-63B style: long enough, not the email, not a well-known password. No composition rules.</summary>
internal static class PasswordPolicy
{
    public const int MinLength = 10;
    public const int MaxLength = 256;

    private static readonly Lazy<HashSet<string>> Common = new(() =>
    {
        using var stream = typeof(PasswordPolicy).Assembly.GetManifestResourceStream("common-passwords.txt")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
    });

    /// <summary>The reason code and message when <paramref name="password"/> is refused, else null.</summary>
    public static (string Code, string Message)? Check(string? password, string? email)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinLength)
            return (UsersErrorCodes.PasswordTooShort, $"Use at least {MinLength} characters.");
        if (password.Length > MaxLength)
            return (UsersErrorCodes.PasswordTooLong, $"Use at most {MaxLength} characters.");
        if (email is not null && (string.Equals(password.Trim(), email, StringComparison.OrdinalIgnoreCase)
            || string.Equals(password.Trim(), email.Split('@')[0], StringComparison.OrdinalIgnoreCase)))
            return (UsersErrorCodes.PasswordIsEmail, "The password must not be your email address.");
        if (Common.Value.Contains(password))
            return (UsersErrorCodes.PasswordTooCommon, "This password is too common; choose another.");
        return null;
    }
}
