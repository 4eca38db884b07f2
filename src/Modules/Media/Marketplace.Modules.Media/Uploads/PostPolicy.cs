using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Marketplace.Modules.Media.Contracts;
using Marketplace.Modules.Media.Storage;

namespace Marketplace.Modules.Media.Uploads;

/// <summary>
/// Upload forms for local-disk mode, shaped like S3's browser POST: a base64 JSON policy (expiration and conditions
/// that pin every form field and the size range) and an HMAC-SHA256 signature over it. Clients treat the fields as
/// opaque in both modes, so switching storage changes no client code.
/// </summary>
internal sealed class PostPolicySigner
{
    public const string PolicyField = "Policy";
    public const string SignatureField = "X-Mp-Signature";
    public const string AlgorithmField = "X-Mp-Algorithm";
    public const string Algorithm = "MP-HMAC-SHA256";
    public const string FileField = "file";

    private readonly byte[] _key;

    public PostPolicySigner(byte[] key)
    {
        if (key.Length < 32)
            throw new ArgumentException("The policy signing key must have at least 32 bytes.", nameof(key));
        _key = key;
    }

    public static PostPolicySigner FromOptions(LocalDiskStorageOptions options) =>
        new(options.PolicySigningKey.Length > 0 ? Convert.FromBase64String(options.PolicySigningKey) : RandomNumberGenerator.GetBytes(32));

    public UploadForm Create(Uri uploadUrl, UploadFormRequest request, DateTimeOffset now)
    {
        var expires = now + request.Lifetime;
        var policy = PolicyJson(expires, request);
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(policy));
        List<KeyValuePair<string, string>> fields =
        [
            new("key", request.Key),
            new("Content-Type", request.ContentType),
            new(AlgorithmField, Algorithm),
            new(PolicyField, encoded),
            new(SignatureField, Sign(encoded)),
        ];
        return new UploadForm(uploadUrl, fields, request.Key, expires);
    }

    /// <summary>The policy document, with the same condition forms S3 uses (exact match and content-length-range).</summary>
    public static string PolicyJson(DateTimeOffset expires, UploadFormRequest request)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("expiration", expires.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            json.WriteStartArray("conditions");
            WriteExact(json, "key", request.Key);
            WriteExact(json, "Content-Type", request.ContentType);
            WriteExact(json, AlgorithmField, Algorithm);
            json.WriteStartArray();
            json.WriteStringValue("content-length-range");
            json.WriteNumberValue(request.MinBytes);
            json.WriteNumberValue(request.MaxBytes);
            json.WriteEndArray();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteExact(Utf8JsonWriter json, string field, string value)
    {
        json.WriteStartObject();
        json.WriteString(field, value);
        json.WriteEndObject();
    }

    public string Sign(string encodedPolicy) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(encodedPolicy)));

    public bool Verify(string encodedPolicy, string signature)
    {
        var expected = Encoding.ASCII.GetBytes(Sign(encodedPolicy));
        var given = Encoding.ASCII.GetBytes(signature.ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}

/// <summary>What a verified upload form allows.</summary>
internal sealed record AcceptedUpload(string Key, string ContentType, long MinBytes, long MaxBytes);

/// <summary>
/// Checks a browser upload form against its signed policy, the way S3 does: the signature must verify, the policy
/// must not have expired, every condition must hold and every field (but the policy, the signature and the file)
/// must be covered by a condition. The file's size is checked while it streams (<see cref="AcceptedUpload"/>).
/// </summary>
internal sealed class PostPolicyChecker(PostPolicySigner signer)
{
    private static readonly HashSet<string> Uncovered = new(StringComparer.OrdinalIgnoreCase)
    {
        PostPolicySigner.PolicyField, PostPolicySigner.SignatureField, PostPolicySigner.FileField,
    };

    public AcceptedUpload Check(IReadOnlyList<KeyValuePair<string, string>> fields, DateTimeOffset now)
    {
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in fields)
        {
            if (!byName.TryAdd(name, value))
                throw Violation($"The field '{name}' appears more than once.");
        }

        if (!byName.TryGetValue(PostPolicySigner.PolicyField, out var encoded) || !byName.TryGetValue(PostPolicySigner.SignatureField, out var signature))
            throw new MediaException(MediaErrorCodes.BadSignature, "The form has no policy or no signature.");
        if (!signer.Verify(encoded, signature))
            throw new MediaException(MediaErrorCodes.BadSignature, "The policy signature does not verify.");

        // Signed by us from here on; a malformed document would be our own bug, still refused rather than thrown.
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(Convert.FromBase64String(encoded));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            throw Violation("The policy is not base64 JSON.");
        }

        using (document)
        {
            var root = document.RootElement;
            if (!root.TryGetProperty("expiration", out var expiration)
                || !DateTimeOffset.TryParse(expiration.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var expiresAt))
                throw Violation("The policy has no expiration.");
            if (now >= expiresAt)
                throw new MediaException(MediaErrorCodes.PolicyExpired, "The upload policy has expired.");

            var covered = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            long? min = null, max = null;
            foreach (var condition in root.GetProperty("conditions").EnumerateArray())
            {
                if (condition.ValueKind == JsonValueKind.Object)
                {
                    foreach (var property in condition.EnumerateObject())
                        RequireEqual(byName, covered, property.Name, property.Value.GetString());
                }
                else if (condition.ValueKind == JsonValueKind.Array && condition.GetArrayLength() == 3)
                {
                    var op = condition[0].GetString();
                    if (op == "content-length-range")
                    {
                        min = condition[1].GetInt64();
                        max = condition[2].GetInt64();
                        continue;
                    }

                    var field = condition[1].GetString() ?? "";
                    if (!field.StartsWith('$'))
                        throw Violation("A policy condition names no field.");
                    field = field[1..];
                    if (op == "eq")
                        RequireEqual(byName, covered, field, condition[2].GetString());
                    else if (op == "starts-with")
                    {
                        if (!byName.TryGetValue(field, out var value) || !value.StartsWith(condition[2].GetString() ?? "", StringComparison.Ordinal))
                            throw Violation($"The field '{field}' does not start with what the policy requires.");
                        covered.Add(field);
                    }
                    else
                        throw Violation($"Unknown policy condition '{op}'.");
                }
                else
                    throw Violation("Malformed policy condition.");
            }

            var extra = byName.Keys.Where(k => !Uncovered.Contains(k) && !covered.Contains(k)).ToList();
            if (extra.Count > 0)
                throw Violation($"The form field '{extra[0]}' is not covered by the policy.");
            if (min is null || max is null)
                throw Violation("The policy has no content-length-range.");
            if (!byName.TryGetValue("key", out var key) || !MediaKeys.IsSafe(key))
                throw Violation("The form has no valid key.");

            return new AcceptedUpload(key, byName.GetValueOrDefault("Content-Type") ?? "application/octet-stream", min.Value, max.Value);
        }
    }

    private static void RequireEqual(Dictionary<string, string> fields, HashSet<string> covered, string field, string? expected)
    {
        if (!fields.TryGetValue(field, out var value) || !string.Equals(value, expected, StringComparison.Ordinal))
            throw Violation($"The field '{field}' does not have the value the policy requires.");
        covered.Add(field);
    }

    private static MediaException Violation(string message) => new(MediaErrorCodes.PolicyViolation, message);
}
