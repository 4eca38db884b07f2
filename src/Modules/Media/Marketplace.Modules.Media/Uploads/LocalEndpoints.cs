using System.Threading.RateLimiting;
using Marketplace.Modules.Media.Contracts;
using Marketplace.Modules.Media.Delivery;
using Marketplace.Shared.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Modules.Media.Uploads;

/// <summary>
/// Local-disk mode's HTTP face, mapped by the host behind the gateway's edge: <c>POST {UploadUrl path}</c> takes signed
/// upload forms (limited per client address: each accepted upload costs a render), <c>GET|HEAD {Delivery:BaseUrl
/// path}/{key}</c> serves renditions to signed URLs and cookies. In S3 mode neither exists: S3 and CloudFront do this.
/// </summary>
internal static class LocalEndpoints
{
    public static void Map(IEndpointRouteBuilder app, MediaOptions options)
    {
        var uploadPath = options.Storage.LocalDisk.UploadUrl.AbsolutePath;
        var deliveryBase = options.Delivery.BaseUrl.AbsolutePath.TrimEnd('/');
        app.MapPost(uploadPath, async (HttpContext http) =>
        {
            var limiter = http.RequestServices.GetRequiredService<UploadRateLimiter>();
            if (limiter.TryAcquire(http.Connection.RemoteIpAddress?.ToString()) is { } wait)
            {
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(Math.Max(1, wait.TotalSeconds))).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await http.Response.WriteAsJsonAsync(new { code = CommonErrorCodes.RateLimited, message = "Too many uploads from this address; retry later." }, http.RequestAborted);
                return;
            }

            await http.RequestServices.GetRequiredService<LocalUploadEndpoint>().HandleAsync(http);
        }).DisableAntiforgery();
        app.MapMethods(deliveryBase + "/{**key}", [HttpMethods.Get, HttpMethods.Head], (HttpContext http, string key) =>
            DeliveryUrls.IsDeliverable(key)
                ? http.RequestServices.GetRequiredService<LocalDeliveryEndpoint>().HandleAsync(http, key)
                : Results.Json(new { code = MediaErrorCodes.NotFound, message = "No such file." }, statusCode: StatusCodes.Status404NotFound).ExecuteAsync(http));
    }
}

/// <summary>Fixed one-minute windows per client address for the local upload endpoint.</summary>
internal sealed class UploadRateLimiter(MediaUploadOptions options) : IDisposable
{
    private readonly PartitionedRateLimiter<string>? _perIp = options.RateLimitPerIpPerMinute <= 0
        ? null
        : PartitionedRateLimiter.Create<string, string>(ip => RateLimitPartition.GetFixedWindowLimiter(ip, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.RateLimitPerIpPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    /// <summary>Null when allowed, else how long to wait.</summary>
    public TimeSpan? TryAcquire(string? ip)
    {
        if (_perIp is null)
            return null;
        using var lease = _perIp.AttemptAcquire(ip ?? "unknown");
        if (lease.IsAcquired)
            return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
    }

    public void Dispose() => _perIp?.Dispose();
}
