using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Marketplace.Modules.Media.Delivery;

/// <summary>
/// A CloudFront policy statement: a resource (a URL, or a pattern with <c>*</c> and <c>?</c> for a custom policy),
/// a time window and optionally a source IP range.
/// </summary>
internal sealed record CloudFrontPolicy(string Resource, DateTimeOffset DateLessThan, DateTimeOffset? DateGreaterThan = null, string? IpAddress = null)
{
    /// <summary>
    /// The policy JSON exactly as CloudFront and AWS's signers write it: no whitespace, keys in the order
    /// Statement, Resource, Condition, DateLessThan, DateGreaterThan, IpAddress (the signature covers these bytes).
    /// </summary>
    public string ToJson()
    {
        var json = new StringBuilder("{\"Statement\":[{\"Resource\":");
        CloudFrontSigner.AppendJsonString(json, Resource);
        json.Append(",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":").Append(CloudFrontSigner.Epoch(DateLessThan).ToString(CultureInfo.InvariantCulture)).Append('}');
        if (DateGreaterThan is { } start)
            json.Append(",\"DateGreaterThan\":{\"AWS:EpochTime\":").Append(CloudFrontSigner.Epoch(start).ToString(CultureInfo.InvariantCulture)).Append('}');
        if (IpAddress is { } ip)
        {
            json.Append(",\"IpAddress\":{\"AWS:SourceIp\":");
            CloudFrontSigner.AppendJsonString(json, ip.Contains('/') ? ip : ip + "/32");
            json.Append('}');
        }

        return json.Append("}}]}").ToString();
    }
}

internal enum CloudFrontHash
{
    Sha1,
    Sha256,
}

/// <summary>
/// Signs CloudFront URLs and cookies (AWSSDK.CloudFront is not available here; the algorithm is AWS's documented
/// one): RSA PKCS#1 v1.5 over the policy JSON with SHA-1 (or SHA-256, announced by <c>Hash-Algorithm</c>), base64
/// with <c>+ = /</c> replaced by <c>- _ ~</c>. Canned policies for single images, custom wildcard policies (as
/// cookies) for a video's HLS folder. Matches <c>@aws-sdk/cloudfront-signer</c> byte for byte
/// (CloudFrontSignerTests runs both); PKCS#1 v1.5 signatures are deterministic, so equality is exact.
/// </summary>
internal sealed class CloudFrontSigner(string keyPairId, RSA privateKey, CloudFrontHash hash = CloudFrontHash.Sha1)
{
    public string KeyPairId => keyPairId;

    public CloudFrontHash Hash => hash;

    /// <summary>A canned-policy URL: valid for exactly <paramref name="url"/> (path segments percent-encoded) until <paramref name="expires"/>.</summary>
    public string SignUrl(string url, DateTimeOffset expires)
    {
        var resource = EncodeUrlPath(url);
        var policy = new CloudFrontPolicy(resource, expires).ToJson();
        return Append(resource, [("Expires", Epoch(expires).ToString(CultureInfo.InvariantCulture)), ("Key-Pair-Id", keyPairId), ("Signature", Sign(policy))]);
    }

    /// <summary>A custom-policy URL for <paramref name="url"/> under <paramref name="policy"/> (e.g. a wildcard resource).</summary>
    public string SignUrl(string url, CloudFrontPolicy policy)
    {
        var json = policy.ToJson();
        return Append(EncodeUrlPath(url), [("Policy", UrlSafeBase64(Encoding.UTF8.GetBytes(json))), ("Key-Pair-Id", keyPairId), ("Signature", Sign(json))]);
    }

    /// <summary>Signed cookies for a custom policy (names and values as CloudFront reads them).</summary>
    public IReadOnlyDictionary<string, string> SignCookies(CloudFrontPolicy policy)
    {
        var json = policy.ToJson();
        var cookies = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["CloudFront-Key-Pair-Id"] = keyPairId,
            ["CloudFront-Signature"] = Sign(json),
            ["CloudFront-Policy"] = UrlSafeBase64(Encoding.UTF8.GetBytes(json)),
        };
        if (hash == CloudFrontHash.Sha256)
            cookies["CloudFront-Hash-Algorithm"] = "SHA256";
        return cookies;
    }

    public string Sign(string policyJson) =>
        UrlSafeBase64(privateKey.SignData(Encoding.UTF8.GetBytes(policyJson), HashName(hash), RSASignaturePadding.Pkcs1));

    private string Append(string resource, List<(string Name, string Value)> parameters)
    {
        if (hash == CloudFrontHash.Sha256)
            parameters.Add(("Hash-Algorithm", "SHA256"));
        var query = string.Join('&', parameters.Select(p => $"{EncodeUriComponent(p.Name, extended: true)}={EncodeUriComponent(p.Value, extended: true)}"));
        return resource + (resource.Contains('?') ? '&' : '?') + query;
    }

    public static HashAlgorithmName HashName(CloudFrontHash hash) => hash == CloudFrontHash.Sha256 ? HashAlgorithmName.SHA256 : HashAlgorithmName.SHA1;

    public static long Epoch(DateTimeOffset time) => (long)Math.Round(time.ToUnixTimeMilliseconds() / 1000.0, MidpointRounding.AwayFromZero);

    public static string UrlSafeBase64(byte[] bytes) => Convert.ToBase64String(bytes).Replace('+', '-').Replace('=', '_').Replace('/', '~');

    public static byte[] FromUrlSafeBase64(string text) => Convert.FromBase64String(text.Replace('-', '+').Replace('_', '=').Replace('~', '/'));

    /// <summary>
    /// Percent-encodes each path segment (decoding it first, so an encoded URL is not encoded twice) and each query
    /// component, as the AWS signer does: the signed resource must be the URL the client will request.
    /// </summary>
    public static string EncodeUrlPath(string url)
    {
        var protocolEnd = url.IndexOf("//", StringComparison.Ordinal);
        if (protocolEnd < 0)
            return url;
        var pathStart = url.IndexOf('/', protocolEnd + 2);
        if (pathStart < 0)
            return url;

        var origin = url[..pathStart];
        var rest = url[pathStart..];
        var queryIndex = rest.IndexOf('?');
        var rawPath = queryIndex < 0 ? rest : rest[..queryIndex];
        var rawQuery = queryIndex < 0 ? "" : rest[queryIndex..];

        var path = Regex.Replace(rawPath, "[^/]+", m =>
            TryDecodeUriComponent(m.Value, out var decoded) ? EncodeUriComponent(decoded) : EncodeUriComponent(m.Value));

        var query = "";
        if (rawQuery.Length > 0)
        {
            var pairs = rawQuery[1..].Split('&').Where(p => p.Length > 0).Select(pair =>
            {
                var eq = pair.IndexOf('=');
                var key = eq < 0 ? pair : pair[..eq];
                var value = eq < 0 ? "" : pair[(eq + 1)..];
                return $"{EncodeQueryComponent(key)}={EncodeQueryComponent(value)}";
            }).ToList();
            query = pairs.Count > 0 ? "?" + string.Join('&', pairs) : "";
        }

        return origin + path + query;
    }

    private static string EncodeQueryComponent(string component)
    {
        var wellFormed = ReplaceLoneSurrogates(component);
        var parts = Regex.Split(wellFormed, "(%[0-9A-Fa-f]{2}|\\+)");
        var result = new StringBuilder();
        for (var i = 0; i < parts.Length; i++)
        {
            if (i % 2 == 1)
                result.Append(parts[i] == "+" ? "+" : parts[i].ToUpperInvariant());
            else
                result.Append(EncodeUriComponent(parts[i]).Replace("'", "%27", StringComparison.Ordinal));
        }

        return result.ToString();
    }

    private static string ReplaceLoneSurrogates(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
                i++;
            else if (char.IsSurrogate(chars[i]))
                chars[i] = '\uFFFD';
        }

        return new string(chars);
    }

    /// <summary>JavaScript's encodeURIComponent (and with <paramref name="extended"/>, also <c>! ' ( ) *</c>, as the SDK's extendedEncodeURIComponent).</summary>
    public static string EncodeUriComponent(string text, bool extended = false)
    {
        var escaped = Uri.EscapeDataString(text);
        if (extended)
            return escaped;
        // Uri.EscapeDataString escapes RFC 3986's reserved marks; encodeURIComponent leaves these five alone.
        return escaped.Replace("%21", "!", StringComparison.Ordinal).Replace("%27", "'", StringComparison.Ordinal)
            .Replace("%28", "(", StringComparison.Ordinal).Replace("%29", ")", StringComparison.Ordinal).Replace("%2A", "*", StringComparison.Ordinal);
    }

    /// <summary>JavaScript's decodeURIComponent: false where it would throw (a malformed escape or invalid UTF-8).</summary>
    private static bool TryDecodeUriComponent(string text, out string decoded)
    {
        decoded = text;
        if (!text.Contains('%'))
            return true;
        var result = new StringBuilder();
        var bytes = new List<byte>();
        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
        for (var i = 0; i < text.Length;)
        {
            if (text[i] != '%')
            {
                result.Append(text[i++]);
                continue;
            }

            bytes.Clear();
            while (i < text.Length && text[i] == '%')
            {
                if (i + 2 >= text.Length || !byte.TryParse(text.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var b))
                    return false;
                bytes.Add(b);
                i += 3;
            }

            try
            {
                result.Append(strict.GetString(bytes.ToArray()));
            }
            catch (DecoderFallbackException)
            {
                return false;
            }
        }

        decoded = result.ToString();
        return true;
    }

    /// <summary>A JSON string as JavaScript's JSON.stringify writes it.</summary>
    internal static void AppendJsonString(StringBuilder json, string value)
    {
        json.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': json.Append("\\\""); break;
                case '\\': json.Append("\\\\"); break;
                case '\b': json.Append("\\b"); break;
                case '\f': json.Append("\\f"); break;
                case '\n': json.Append("\\n"); break;
                case '\r': json.Append("\\r"); break;
                case '\t': json.Append("\\t"); break;
                default:
                    if (c < 0x20)
                        json.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
                    else
                        json.Append(c);
                    break;
            }
        }

        json.Append('"');
    }
}
