namespace Marketplace.Modules.Media;

/// <summary>
/// Stable, machine-readable reasons why media was refused or could not be processed. The module's contract maps them
/// to gRPC statuses and GraphQL <c>userErrors</c> codes; the strings never change once published.
/// </summary>
internal static class MediaErrorCodes
{
    /// <summary>The bytes are not one of the accepted formats (or a loader outside the allow-list would be needed).</summary>
    public const string UnsupportedFormat = "UNSUPPORTED_FORMAT";
    /// <summary>The bytes are an accepted format, but not the one the upload declared (e.g. PNG bytes sent as image/jpeg).</summary>
    public const string ContentTypeMismatch = "CONTENT_TYPE_MISMATCH";
    /// <summary>The object (or a declared size, or a multipart total) is above the purpose's cap.</summary>
    public const string TooLarge = "TOO_LARGE";
    /// <summary>The object is below the purpose's minimum size (an empty file).</summary>
    public const string TooSmall = "TOO_SMALL";
    /// <summary>The image header declares more pixels (or a longer side) than allowed: refused before decoding.</summary>
    public const string TooManyPixels = "TOO_MANY_PIXELS";
    /// <summary>The file cannot be decoded completely (truncated or damaged).</summary>
    public const string Corrupt = "CORRUPT";
    /// <summary>A video upload whose container holds no video stream.</summary>
    public const string NoVideoStream = "NO_VIDEO_STREAM";
    /// <summary>A video longer than the allowed duration.</summary>
    public const string TooLong = "TOO_LONG";
    /// <summary>The upload or delivery policy has expired.</summary>
    public const string PolicyExpired = "POLICY_EXPIRED";
    /// <summary>The policy or URL signature does not verify (tampered, other key, missing).</summary>
    public const string BadSignature = "BAD_SIGNATURE";
    /// <summary>A signed upload form broke its policy: a field not covered, a value not allowed, a malformed form.</summary>
    public const string PolicyViolation = "POLICY_VIOLATION";
    /// <summary>The object that should have been uploaded is not there.</summary>
    public const string NotFound = "NOT_FOUND";
    /// <summary>Rendering failed for a reason that is not the input's fault alone (encoder crash, time limit).</summary>
    public const string RenderFailed = "RENDER_FAILED";
}

/// <summary>A typed refusal or failure: <see cref="Code"/> is one of <see cref="MediaErrorCodes"/>.</summary>
internal sealed class MediaException(string code, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Code { get; } = code;

    public override string ToString() => $"{Code}: {Message}";
}
