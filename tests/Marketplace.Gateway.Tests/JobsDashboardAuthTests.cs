using Marketplace.Testing;
using System.Net;
using System.Net.Http.Headers;
using Marketplace.Gateway.Tests.Support;

namespace Marketplace.Gateway.Tests;

/// <summary>The jobs dashboard at /jobs is for ADMIN only, checked with the same access tokens as GraphQL.</summary>
public sealed class JobsDashboardAuthTests(SharedGateway gateway) : IAsyncLifetime
{
    private readonly HttpClient _client = gateway.CreateClient();
    private TestSigningKey _tokens = null!;

    public async ValueTask InitializeAsync() => _tokens = await TestSigningKey.CreateAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Without_a_token_the_dashboard_is_401()
    {
        (await _client.GetAsync("/jobs")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_buyer_is_forbidden()
    {
        var response = await Get("/jobs", _tokens.Issue("buyer-" + Guid.NewGuid().ToString("N")[..8], ["BUYER"]));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_admin_sees_the_dashboard()
    {
        var response = await Get("/jobs", _tokens.Issue("admin-" + Guid.NewGuid().ToString("N")[..8], ["ADMIN"]));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Marketplace jobs");
    }

    [Fact]
    public async Task The_dashboard_is_served_with_a_content_security_policy_its_pages_keep_to()
    {
        var response = await Get("/jobs", _tokens.Issue("admin-" + Guid.NewGuid().ToString("N")[..8], ["ADMIN"]));
        var html = await response.Content.ReadAsStringAsync();
        var refused = await _client.GetAsync("/jobs");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.Contains("Content-Security-Policy").Should().BeTrue(response.Headers.ToString());
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        policy.Should().Contain("script-src 'self'").And.Contain("frame-ancestors 'none'").And.Contain("object-src 'none'");
        response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        refused.Headers.Contains("Content-Security-Policy").Should().BeTrue("the 401 is covered too");
        // script-src 'self' without 'unsafe-inline': every script of the page must be a file of this origin.
        System.Text.RegularExpressions.Regex.Matches(html, "<script(?![^>]*\\bsrc=)[^>]*>\\s*\\S", System.Text.RegularExpressions.RegexOptions.IgnoreCase)
            .Should().BeEmpty("an inline script would be blocked by the policy");
        System.Text.RegularExpressions.Regex.Matches(html, "<script[^>]*src=\"(https?:)?//", System.Text.RegularExpressions.RegexOptions.IgnoreCase)
            .Should().BeEmpty("scripts come from this origin");
    }

    [Fact]
    public async Task A_forged_admin_token_is_refused()
    {
        var forged = _tokens.IssueUnsigned("admin-" + Guid.NewGuid().ToString("N")[..8]);

        var response = await Get("/jobs", forged);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    private Task<HttpResponseMessage> Get(string path, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return _client.SendAsync(request);
    }
}
