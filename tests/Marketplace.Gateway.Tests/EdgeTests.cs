using System.Net;
using Marketplace.Gateway.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Gateway.Tests;

/// <summary>Reverse proxies and browsers: forwarded client addresses from trusted proxies only, and CORS.</summary>
public sealed class EdgeTests : IAsyncLifetime
{
    private readonly ProxiedGateway _behindTrustedProxy = new("10.0.0.5");
    private readonly ProxiedGateway _behindUnknownHop = new("192.168.7.7");

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await _behindTrustedProxy.DisposeAsync();
        await _behindUnknownHop.DisposeAsync();
    }

    [Fact]
    public async Task A_trusted_proxy_s_X_Forwarded_For_is_the_address_per_IP_limits_count()
    {
        var client = _behindTrustedProxy.CreateClient();

        var first = await SendAsync(client, forwardedFor: "203.0.113.1");
        var second = await SendAsync(client, forwardedFor: "203.0.113.1");
        var otherClient = await SendAsync(client, forwardedFor: "203.0.113.2");

        first.Should().Be(HttpStatusCode.OK);
        second.Should().Be(HttpStatusCode.TooManyRequests, "one request per window for 203.0.113.1");
        otherClient.Should().Be(HttpStatusCode.OK, "another client behind the same proxy has its own budget");
    }

    [Fact]
    public async Task X_Forwarded_For_from_an_untrusted_hop_is_ignored()
    {
        var client = _behindUnknownHop.CreateClient();

        var first = await SendAsync(client, forwardedFor: "203.0.113.1");
        var spoofed = await SendAsync(client, forwardedFor: "203.0.113.2");

        first.Should().Be(HttpStatusCode.OK);
        spoofed.Should().Be(HttpStatusCode.TooManyRequests, "a client cannot buy a fresh budget by inventing a forwarded address");
    }

    [Fact]
    public async Task Preflight_from_an_allowed_origin_is_answered_and_other_origins_get_no_CORS_headers()
    {
        var client = _behindTrustedProxy.CreateClient();

        var allowed = await PreflightAsync(client, "https://shop.example.test");
        var other = await PreflightAsync(client, "https://evil.example.test");

        allowed.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal("https://shop.example.test");
        allowed.Headers.GetValues("Access-Control-Allow-Headers").Single().Should().ContainEquivalentOf("authorization");
        other.Headers.Contains("Access-Control-Allow-Origin").Should().BeFalse();
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, string forwardedFor)
    {
        using var request = GraphQLClient.Post(new { query = "{ __typename }" });
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private static async Task<HttpResponseMessage> PreflightAsync(HttpClient client, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/graphql");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        return await client.SendAsync(request);
    }

    /// <summary>The gateway as reached through a hop at <paramref name="hop"/>; 10.0.0.0/8 is the trusted proxy network.</summary>
    private sealed class ProxiedGateway : GatewayFactory
    {
        private readonly IPAddress _hop;

        public ProxiedGateway(string hop)
        {
            _hop = IPAddress.Parse(hop);
            With("Gateway:RateLimitPerIp", "1");
            With("Gateway:RateLimitWindow", "00:10:00");
            With("Gateway:TrustedProxies:0", "10.0.0.0/8");
            With("Gateway:AllowedOrigins:0", "https://shop.example.test");
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter>(new RemoteAddress(_hop)));
        }
    }

    /// <summary>The in-memory test server has no socket: this sets the connection's address, as Kestrel would.</summary>
    private sealed class RemoteAddress(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
