using System.Net;
using Marketplace.Shared;
using Marketplace.Shared.Jobs;
using Marketplace.Shared.Operations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Gateway.Http;

/// <summary>
/// What sits between the internet and the gateway: reverse proxies (the client address and scheme they forward are
/// believed only from <see cref="GatewayOptions.TrustedProxies"/>) and browsers on other origins (CORS for
/// <see cref="GatewayOptions.AllowedOrigins"/>), both off unless configured; and the headers every answer carries
/// (<c>nosniff</c>; a Content-Security-Policy on the jobs dashboard).
/// </summary>
internal static class GatewayEdge
{
    public const string CorsPolicy = "gateway";

    public static IServiceCollection AddGatewayEdge(this IServiceCollection services, GatewayOptions options)
    {
        if (options.TrustedProxies.Length > 0)
        {
            var (addresses, networks) = ParseProxies(options.TrustedProxies);
            services.Configure<ForwardedHeadersOptions>(forwarded =>
            {
                forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
                forwarded.KnownProxies.Clear();
                forwarded.KnownIPNetworks.Clear();
                foreach (var address in addresses)
                    forwarded.KnownProxies.Add(address);
                foreach (var network in networks)
                    forwarded.KnownIPNetworks.Add(network);
                // Walk the whole chain from the right, stopping at the first hop that is not a trusted proxy.
                forwarded.ForwardLimit = null;
            });
        }

        if (options.AllowedOrigins.Length > 0)
        {
            services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy =>
            {
                // Bearer tokens, never cookies: no credentials mode, so "*" is safe when a deployment wants it.
                if (options.AllowedOrigins.Contains("*"))
                    policy.AllowAnyOrigin();
                else
                    policy.WithOrigins(options.AllowedOrigins);
                policy.WithMethods("GET", "POST")
                    .WithHeaders("Authorization", "Content-Type", "Accept", Observability.CorrelationHeader)
                    .WithExposedHeaders(Observability.CorrelationHeader, "Retry-After", "WWW-Authenticate")
                    .SetPreflightMaxAge(TimeSpan.FromMinutes(10));
            }));
        }

        return services;
    }

    /// <summary>
    /// The Hangfire dashboard's pages: its own scripts and styles only (it sets some styles inline), no framing, no
    /// plugins, forms and requests back to this origin alone.
    /// </summary>
    public const string JobsContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static WebApplication UseGatewayEdge(this WebApplication app, GatewayOptions options)
    {
        app.Use((http, next) =>
        {
            // Decided now: the dashboard's branch moves "/jobs" from Path to PathBase before the response starts.
            var dashboard = http.Request.Path.StartsWithSegments(JobsServiceCollectionExtensions.DashboardPath, StringComparison.OrdinalIgnoreCase);
            // Set as the response starts, so they hold on every answer, error pages included.
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                if (dashboard)
                {
                    headers.ContentSecurityPolicy = JobsContentSecurityPolicy;
                    headers.XFrameOptions = "DENY";
                    headers.CacheControl = "no-store";
                }

                return Task.CompletedTask;
            });
            return next(http);
        });
        if (options.TrustedProxies.Length > 0)
            app.UseForwardedHeaders();
        if (options.AllowedOrigins.Length > 0)
            app.UseCors(CorsPolicy);
        return app;
    }

    internal static void Validate(GatewayOptions options)
    {
        ParseProxies(options.TrustedProxies);
        foreach (var origin in options.AllowedOrigins)
        {
            if (origin != "*" && (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.AbsolutePath != "/" || origin.EndsWith('/')))
                throw new ConfigurationException("Gateway:AllowedOrigins", origin, "expected an origin such as https://shop.example.com (scheme and host, no path), or *");
        }
    }

    private static (List<IPAddress> Addresses, List<System.Net.IPNetwork> Networks) ParseProxies(string[] entries)
    {
        var addresses = new List<IPAddress>();
        var networks = new List<System.Net.IPNetwork>();
        foreach (var entry in entries)
        {
            if (entry.Contains('/', StringComparison.Ordinal) && System.Net.IPNetwork.TryParse(entry, out var network))
                networks.Add(network);
            else if (IPAddress.TryParse(entry, out var address))
                addresses.Add(address);
            else
                throw new ConfigurationException("Gateway:TrustedProxies", entry, "expected an IP address or a CIDR network such as 10.0.0.0/8");
        }

        return (addresses, networks);
    }
}
