using System.Net;
using System.Text.Json;
using Marketplace.Testing;

namespace Marketplace.Platform.Tests.Operations;

public sealed class HealthTests
{
    [Fact]
    public async Task Ready_reports_each_dependency_healthy_against_the_real_services()
    {
        await using var factory = new MarketplaceFactory();
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/health/ready");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var checks = body.RootElement.GetProperty("checks");
        foreach (var dependency in new[] { "postgres", "redis", "nats" })
            checks.GetProperty(dependency).GetProperty("status").GetString().Should().Be("Healthy");
    }

    [Fact]
    public async Task Live_answers_without_touching_dependencies()
    {
        await using var factory = new MarketplaceFactory();
        using var client = factory.CreateClient();

        (await client.GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task When_Redis_goes_away_readiness_fails_and_liveness_stays_up()
    {
        await using var redis = await RedisProcess.StartAsync();
        await using var factory = new MarketplaceFactory().With("ConnectionStrings:Redis", redis.ConnectionString);
        using var client = factory.CreateClient();
        (await client.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.OK);

        await redis.KillAsync();

        await Eventually.AssertAsync(async () => (await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.ServiceUnavailable);
        (await client.GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK);

        await redis.RestartAsync();
        await Eventually.AssertAsync(async () => (await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(30), "readiness recovers with Redis");
    }

    [Fact]
    public async Task Every_response_carries_a_correlation_id_and_echoes_a_well_formed_one()
    {
        await using var factory = new MarketplaceFactory();
        using var client = factory.CreateClient();

        using var mine = new HttpRequestMessage(HttpMethod.Get, "/health/live") { Headers = { { "X-Correlation-Id", "abc-123" } } };
        using var hostile = new HttpRequestMessage(HttpMethod.Get, "/health/live") { Headers = { { "X-Correlation-Id", "evil\u0001value with spaces" } } };

        (await client.SendAsync(mine)).Headers.GetValues("X-Correlation-Id").Should().Equal("abc-123");
        (await client.SendAsync(hostile)).Headers.GetValues("X-Correlation-Id").Single().Should().NotContain(" ").And.NotBeEmpty();
    }
}
