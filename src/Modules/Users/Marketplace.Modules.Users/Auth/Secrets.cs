using System.Security.Cryptography;
using System.Text;

namespace Marketplace.Modules.Users.Auth;

/// <summary>Random secrets and their at-rest form. Only hashes are stored; the secret goes to the user once.</summary>
internal static class Secrets
{
    /// <summary>A 256-bit random token, base64url.</summary>
    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>A uniformly random 6-digit code.</summary>
    public static string NewCode() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    /// <summary>A code is hashed with its phone, so equal codes of two phones do not share a hash.</summary>
    public static byte[] HashCode(string phone, string code) => Hash($"{phone}:{code}");

    public static bool Equal(byte[] a, byte[] b) => CryptographicOperations.FixedTimeEquals(a, b);

    public static string SubjectKey(string kind, string subject) => $"{kind}:{Convert.ToHexString(Hash(subject))[..48]}";

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
