using Marketplace.Modules.Media.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Marketplace.Modules.Media.Delivery;

/// <summary>
/// Serves renditions in local-disk mode under the same paths CloudFront would (<c>{Delivery:BaseUrl}{key}</c>), with
/// the same signatures: canned-policy URLs for images, custom-policy cookies (or URLs) for a video's HLS folder.
/// Expired or tampered requests get 403 with a JSON <c>{ code, message }</c>. Paths are versioned, so responses are
/// immutable; cookie-authorised ones are kept out of shared caches (their URL carries no signature). A playlist asked
/// for with a custom-policy URL comes back with that signature on every URI it lists (<see cref="HlsPlaylists"/>).
/// </summary>
internal sealed class LocalDeliveryEndpoint(LocalDiskMediaStorage storage, CloudFrontVerifier verifier, MediaDeliveryOptions options, TimeProvider time)
{
    /// <summary>Handles GET/HEAD for <paramref name="key"/>, the path below the delivery base.</summary>
    public async Task HandleAsync(HttpContext context, string key)
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        if (!MediaKeys.IsSafe(key))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        SignedBy signedBy;
        try
        {
            var baseUrl = options.BaseUrl.AbsoluteUri;
            var resource = CloudFrontSigner.EncodeUrlPath((baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/") + key);
            var cookies = context.Request.Cookies.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
            signedBy = verifier.Verify(resource, context.Request.QueryString.Value ?? "", cookies, context.Connection.RemoteIpAddress, time.GetUtcNow());
        }
        catch (MediaException e)
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            context.Response.Headers.CacheControl = "no-store";
            await context.Response.WriteAsJsonAsync(new { code = e.Code, message = e.Message }, context.RequestAborted);
            return;
        }

        var path = storage.PathOf(StorageArea.Renditions, key);
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        context.Response.Headers.XContentTypeOptions = "nosniff";
        if (signedBy == SignedBy.Url && key.EndsWith(".m3u8", StringComparison.Ordinal) && SigningQuery(context.Request.QueryString.Value) is { } signing)
        {
            // Rewritten for this signature: cacheable with it, by this client only.
            context.Response.Headers.CacheControl = "private, max-age=300";
            context.Response.ContentType = ContentTypeOf(key);
            await context.Response.WriteAsync(HlsPlaylists.AppendQuery(await File.ReadAllTextAsync(path, context.RequestAborted), signing), context.RequestAborted);
            return;
        }

        context.Response.Headers.CacheControl = signedBy == SignedBy.Cookies
            ? "private, max-age=31536000, immutable"
            : MediaKeys.ImmutableCacheControl;
        var etag = new EntityTagHeaderValue($"\"{file.Length:x}-{file.LastWriteTimeUtc.Ticks:x}\"");
        await Results.File(path, ContentTypeOf(key), lastModified: file.LastWriteTimeUtc, entityTag: etag, enableRangeProcessing: true)
            .ExecuteAsync(context);
    }

    /// <summary>The custom-policy parameters of a signed URL's query (null for a canned policy: it covers one URL only).</summary>
    private static string? SigningQuery(string? query)
    {
        var pairs = (query ?? "").TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => p.Split('=', 2)[0] is "Policy" or "Signature" or "Key-Pair-Id" or "Hash-Algorithm")
            .ToList();
        return pairs.Any(p => p.StartsWith("Policy=", StringComparison.Ordinal)) ? string.Join('&', pairs) : null;
    }

    public static string ContentTypeOf(string key) => Path.GetExtension(key) switch
    {
        ".avif" => "image/avif",
        ".webp" => "image/webp",
        ".jpg" => "image/jpeg",
        ".m3u8" => "application/vnd.apple.mpegurl",
        ".m4s" => "video/iso.segment",
        ".mp4" => "video/mp4",
        _ => "application/octet-stream",
    };

    /// <summary>The Set-Cookie options for a video's signed cookies: scoped to its HLS folder, HTTPS-only outside loopback.</summary>
    public static CookieOptions CookieOptionsFor(string folderPath, DateTimeOffset expires, bool secure) => new()
    {
        Path = folderPath,
        Expires = expires,
        HttpOnly = true,
        Secure = secure,
        SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax,
        IsEssential = true,
    };
}
