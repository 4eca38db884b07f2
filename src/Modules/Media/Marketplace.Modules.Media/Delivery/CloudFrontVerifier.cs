using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Marketplace.Modules.Media.Contracts;

namespace Marketplace.Modules.Media.Delivery;

/// <summary>How a request was authorised: by a signed URL, or by signed cookies (which are not part of the URL).</summary>
internal enum SignedBy
{
    Url,
    Cookies,
}

/// <summary>
/// Checks CloudFront-style signatures the way CloudFront does, for local-disk delivery: canned URLs (the policy is
/// rebuilt from the URL and Expires), custom-policy URLs and cookies (the policy travels with them; its resource
/// pattern, time window and IP range must admit the request). The signature is checked first, so a changed Expires,
/// path or policy is BAD_SIGNATURE; a valid but old one is POLICY_EXPIRED.
/// </summary>
internal sealed partial class CloudFrontVerifier(string keyPairId, RSA publicKey)
{
    private static readonly HashSet<string> SigningParameters = new(StringComparer.Ordinal) { "Expires", "Policy", "Signature", "Key-Pair-Id", "Hash-Algorithm" };

    /// <summary>
    /// <paramref name="resourceUrl"/> is the URL as the client addressed it, without query; <paramref name="rawQuery"/>
    /// its query string (with or without '?').
    /// </summary>
    public SignedBy Verify(string resourceUrl, string rawQuery, IReadOnlyDictionary<string, string> cookies, IPAddress? clientIp, DateTimeOffset now)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        var kept = new List<string>();
        foreach (var pair in rawQuery.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=');
            var name = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
            if (SigningParameters.Contains(name))
                parameters[name] = Uri.UnescapeDataString(eq < 0 ? "" : pair[(eq + 1)..]);
            else
                kept.Add(pair);
        }

        // CloudFront signs the URL without its own parameters, in the order the other parameters came.
        var resource = kept.Count > 0 ? $"{resourceUrl}?{string.Join('&', kept)}" : resourceUrl;

        if (parameters.TryGetValue("Signature", out var signature))
        {
            var hash = HashOf(parameters.GetValueOrDefault("Hash-Algorithm"));
            RequireKeyPair(parameters.GetValueOrDefault("Key-Pair-Id"));
            if (parameters.TryGetValue("Policy", out var encodedPolicy))
                CheckCustom(encodedPolicy, signature, hash, resource, clientIp, now);
            else if (parameters.TryGetValue("Expires", out var expires) && long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var epoch))
            {
                var policy = new CloudFrontPolicy(resource, DateTimeOffset.FromUnixTimeSeconds(epoch)).ToJson();
                if (!VerifySignature(policy, signature, hash))
                    throw BadSignature();
                if (now.ToUnixTimeSeconds() >= epoch)
                    throw new MediaException(MediaErrorCodes.PolicyExpired, "The signed URL has expired.");
            }
            else
                throw BadSignature();
            return SignedBy.Url;
        }

        if (cookies.TryGetValue("CloudFront-Signature", out var cookieSignature) && cookies.TryGetValue("CloudFront-Policy", out var cookiePolicy))
        {
            RequireKeyPair(cookies.GetValueOrDefault("CloudFront-Key-Pair-Id"));
            CheckCustom(cookiePolicy, cookieSignature, HashOf(cookies.GetValueOrDefault("CloudFront-Hash-Algorithm")), resource, clientIp, now);
            return SignedBy.Cookies;
        }

        throw new MediaException(MediaErrorCodes.BadSignature, "The request carries no signature.");
    }

    private void CheckCustom(string encodedPolicy, string signature, CloudFrontHash hash, string resource, IPAddress? clientIp, DateTimeOffset now)
    {
        string json;
        try
        {
            json = Encoding.UTF8.GetString(CloudFrontSigner.FromUrlSafeBase64(encodedPolicy));
        }
        catch (FormatException)
        {
            throw BadSignature();
        }

        if (!VerifySignature(json, signature, hash))
            throw BadSignature();

        // Signed by our key from here on: a policy we wrote.
        using var document = JsonDocument.Parse(json);
        var statement = document.RootElement.GetProperty("Statement")[0];
        var pattern = statement.GetProperty("Resource").GetString() ?? "";
        if (!Matches(pattern, resource))
            throw new MediaException(MediaErrorCodes.BadSignature, "The signature does not cover this resource.");

        var condition = statement.GetProperty("Condition");
        var until = condition.GetProperty("DateLessThan").GetProperty("AWS:EpochTime").GetInt64();
        if (now.ToUnixTimeSeconds() >= until)
            throw new MediaException(MediaErrorCodes.PolicyExpired, "The signed policy has expired.");
        if (condition.TryGetProperty("DateGreaterThan", out var after) && now.ToUnixTimeSeconds() < after.GetProperty("AWS:EpochTime").GetInt64())
            throw new MediaException(MediaErrorCodes.PolicyExpired, "The signed policy is not valid yet.");
        if (condition.TryGetProperty("IpAddress", out var ip)
            && (clientIp is null || !IPNetwork.TryParse(ip.GetProperty("AWS:SourceIp").GetString(), out var network) || !network.Contains(clientIp.IsIPv4MappedToIPv6 ? clientIp.MapToIPv4() : clientIp)))
            throw new MediaException(MediaErrorCodes.BadSignature, "The signed policy does not cover this client address.");
    }

    private bool VerifySignature(string policy, string signature, CloudFrontHash hash)
    {
        try
        {
            return publicKey.VerifyData(Encoding.UTF8.GetBytes(policy), CloudFrontSigner.FromUrlSafeBase64(signature), CloudFrontSigner.HashName(hash), RSASignaturePadding.Pkcs1);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private void RequireKeyPair(string? given)
    {
        if (!string.Equals(given, keyPairId, StringComparison.Ordinal))
            throw new MediaException(MediaErrorCodes.BadSignature, "The signature names an unknown key.");
    }

    private static CloudFrontHash HashOf(string? name) => name switch
    {
        null or "" or "SHA1" => CloudFrontHash.Sha1,
        "SHA256" => CloudFrontHash.Sha256,
        _ => throw new MediaException(MediaErrorCodes.BadSignature, "Unknown hash algorithm."),
    };

    /// <summary>CloudFront's resource patterns: <c>*</c> any run of characters, <c>?</c> one character.</summary>
    public static bool Matches(string pattern, string resource)
    {
        var regex = "^" + string.Concat(pattern.Select(c => c switch
        {
            '*' => ".*",
            '?' => ".",
            _ => Regex.Escape(c.ToString()),
        })) + "$";
        return Regex.IsMatch(resource, regex, RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromMilliseconds(100));
    }

    private static MediaException BadSignature() => new(MediaErrorCodes.BadSignature, "The signature does not verify.");
}
