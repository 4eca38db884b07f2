using Marketplace.Testing;
using System.Net;
using Marketplace.Gateway.Execution;
using Marketplace.Gateway.Tests.Support;
using Marketplace.Shared.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Gateway.Tests;

/// <summary>Each limit rejects what is over it (with small limits, so the documents stay readable).</summary>
public sealed class LimitTests : IAsyncLifetime
{
    private readonly GatewayFactory _factory = new GatewayFactory()
        .With("Gateway:MaxDepth", "4")
        .With("Gateway:MaxComplexity", "200")
        .With("Gateway:MaxAliases", "3") as GatewayFactory ?? throw new InvalidOperationException();

    private HttpClient Client => _factory.CreateClient();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Complexity_over_the_limit_is_QUERY_TOO_COMPLEX_and_lists_multiply()
    {
        // first: 10 -> 10 × (edges+node+fields); first: 100 multiplies past the 200 budget.
        var (small, _) = await Client.QueryAsync("{ testPage(first: 2) { edges { cursor node { localId } } } }");
        var (large, body) = await Client.QueryAsync("{ testPage(first: 100) { edges { cursor node { localId id } } } }");

        small.StatusCode.Should().Be(HttpStatusCode.OK);
        large.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        body.Code().Should().Be("QUERY_TOO_COMPLEX");
    }

    [Fact]
    public async Task Too_many_aliases_is_TOO_MANY_ALIASES()
    {
        var (allowed, _) = await Client.QueryAsync("{ a: __typename b: __typename c: __typename }");
        var (response, body) = await Client.QueryAsync("{ a: __typename b: __typename c: __typename d: __typename }");

        allowed.StatusCode.Should().Be(HttpStatusCode.OK);
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        body.Code().Should().Be("TOO_MANY_ALIASES");
    }

}

/// <summary>The execution timeout, alone in its host so no other test's query runs under so short a limit.</summary>
public sealed class ExecutionTimeoutTests : IAsyncLifetime
{
    private readonly GatewayFactory _factory = (GatewayFactory)new GatewayFactory().With("Gateway:ExecutionTimeout", "00:00:00.300");

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Execution_past_the_timeout_is_stopped_with_TIMEOUT()
    {
        // testSlow only ends when cancelled: the answer comes from the timeout, whatever the machine's speed.
        var (_, body) = await _factory.CreateClient().QueryAsync("{ testSlow }");

        body.Code().Should().Be("TIMEOUT");
    }
}

/// <summary>Depth alone, with a document that is only deep (not wide), so complexity cannot be the reason.</summary>
public sealed class DepthLimitTests : IAsyncLifetime
{
    private readonly GatewayFactory _factory = (GatewayFactory)new GatewayFactory().With("Gateway:MaxDepth", "3");

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_document_deeper_than_MaxDepth_is_QUERY_TOO_DEEP()
    {
        var client = _factory.CreateClient();

        var (allowed, _) = await client.QueryAsync("{ testPage(first: 1) { pageInfo { endCursor } } }");
        var (response, body) = await client.QueryAsync("{ testPage(first: 1) { edges { node { localId } } } }");

        allowed.StatusCode.Should().Be(HttpStatusCode.OK);
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        body.Code().Should().Be("QUERY_TOO_DEEP");
    }
}

/// <summary>HTTP rate limits per IP and per user; the per-subject hook modules use, in Redis.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private readonly GatewayFactory _perIp = (GatewayFactory)new GatewayFactory().With("Gateway:RateLimitPerIp", "3");
    private readonly GatewayFactory _perUser = (GatewayFactory)new GatewayFactory().With("Gateway:RateLimitPerUser", "2");

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await _perIp.DisposeAsync();
        await _perUser.DisposeAsync();
    }

    [Fact]
    public async Task Requests_over_the_per_IP_limit_are_429_with_Retry_After()
    {
        var client = _perIp.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
            statuses.Add((await client.QueryAsync("{ __typename }")).Response.StatusCode);

        statuses.Should().Equal(HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests);
        var (last, body) = await client.QueryAsync("{ __typename }");
        last.Headers.RetryAfter.Should().NotBeNull();
        body.Code().Should().Be("RATE_LIMITED");
    }

    [Fact]
    public async Task Requests_over_the_per_user_limit_are_429_while_other_users_go_on()
    {
        var client = _perUser.CreateClient();
        var tokens = await TestSigningKey.CreateAsync();
        var alice = tokens.Issue("alice-" + Guid.NewGuid().ToString("N"), ["BUYER"]);
        var bob = tokens.Issue("bob-" + Guid.NewGuid().ToString("N"), ["BUYER"]);

        var aliceStatuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
            aliceStatuses.Add((await client.QueryAsync("{ viewer { userId } }", token: alice)).Response.StatusCode);
        var (bobResponse, _) = await client.QueryAsync("{ viewer { userId } }", token: bob);

        aliceStatuses.Should().Equal(HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests);
        bobResponse.StatusCode.Should().Be(HttpStatusCode.OK);
    }
}

/// <summary>WebSocket operations draw on the same budgets as HTTP requests (issue 12: a socket opened early ran 700 operations).</summary>
public sealed class WebSocketRateLimitTests : IAsyncLifetime
{
    private readonly GatewayFactory _perIp = (GatewayFactory)new GatewayFactory().With("Gateway:RateLimitPerIp", "5");
    private readonly GatewayFactory _perUser = (GatewayFactory)new GatewayFactory().With("Gateway:RateLimitPerUser", "2");

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await _perIp.DisposeAsync();
        await _perUser.DisposeAsync();
    }

    [Fact]
    public async Task A_socket_opened_before_the_limit_gets_RATE_LIMITED_once_its_address_is_over_it()
    {
        // The connection costs 1, the first operation 1, three HTTP requests 3: the address is at its limit of 5.
        await using var socket = await WsClient.ConnectAsync(_perIp);
        await socket.InitAsync();
        await socket.SubscribeAsync("1", "{ __typename }");
        var first = await socket.ReceiveAsync();
        await socket.ReceiveAsync(); // complete
        var client = _perIp.CreateClient();
        for (var i = 0; i < 3; i++)
            (await client.QueryAsync("{ __typename }")).Response.StatusCode.Should().Be(HttpStatusCode.OK);

        var (http, _) = await client.QueryAsync("{ __typename }");
        await socket.SubscribeAsync("2", "{ __typename }");
        var refused = await socket.ReceiveAsync();
        await socket.SendAsync("""{"type":"ping"}""");
        var pong = await socket.ReceiveAsync();

        first!["type"]!.GetValue<string>().Should().Be("next");
        http.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        refused!["type"]!.GetValue<string>().Should().Be("error");
        refused["id"]!.GetValue<string>().Should().Be("2");
        refused["payload"]![0]!["extensions"]!["code"]!.GetValue<string>().Should().Be("RATE_LIMITED");
        refused["payload"]![0]!["extensions"]!["retryAfterSeconds"]!.GetValue<int>().Should().BePositive();
        pong!["type"]!.GetValue<string>().Should().Be("pong", "the socket stays open");
    }

    [Fact]
    public async Task Operations_of_a_signed_in_socket_count_against_its_user()
    {
        var tokens = await TestSigningKey.CreateAsync();
        var user = "ws-" + Guid.NewGuid().ToString("N");
        await using var socket = await WsClient.ConnectAsync(_perUser);
        await socket.InitAsync(tokens.Issue(user, ["BUYER"]));

        var types = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            await socket.SubscribeAsync($"q{i}", "{ viewer { userId } }");
            var message = await socket.ReceiveAsync();
            types.Add(message!["type"]!.GetValue<string>());
            if (types[^1] == "next")
                await socket.ReceiveAsync(); // complete
        }

        var (otherUser, _) = await _perUser.CreateClient().QueryAsync("{ viewer { userId } }", token: tokens.Issue("other-" + Guid.NewGuid().ToString("N"), ["BUYER"]));

        types.Should().Equal("next", "next", "error");
        otherUser.StatusCode.Should().Be(HttpStatusCode.OK, "each user has a budget of their own");
    }
}

/// <summary>The document budget's settings, with small values (the defaults are exercised in HostileDocumentTests).</summary>
public sealed class DocumentBudgetTests : IAsyncLifetime
{
    private readonly GatewayFactory _factory = (GatewayFactory)new GatewayFactory()
        .With("Gateway:MaxTokens", "40")
        .With("Gateway:MaxFields", "10")
        .With("Gateway:MaxFragments", "3")
        .With("Gateway:MaxFragmentDepth", "2");

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Theory]
    [InlineData("{ __typename __typename }", null)]
    [InlineData("{ ...A } fragment A on Query { ...B } fragment B on Query { __typename }", null)]
    [InlineData("{ __typename __typename __typename __typename __typename __typename __typename __typename __typename __typename __typename }", "QUERY_TOO_LARGE")]
    [InlineData("{ ...A ...A ...A ...A ...A ...A } fragment A on Query { __typename __typename }", "QUERY_TOO_LARGE")]
    [InlineData("{ ...A } fragment A on Query { __typename } fragment B on Query { __typename } fragment C on Query { __typename } fragment D on Query { __typename }", "QUERY_TOO_LARGE")]
    [InlineData("{ __typename } fragment A on Query { ...B } fragment B on Query { ...A }", "GRAPHQL_VALIDATION_FAILED")]
    [InlineData("{ __typename @include(if: true) @include(if: true) @include(if: true) @include(if: true) @include(if: true) @include(if: true) @include(if: true) }", "QUERY_TOO_LARGE")]
    public async Task Each_budget_refuses_what_is_over_it(string query, string? code)
    {
        var (response, body) = await _factory.CreateClient().QueryAsync(query);

        if (code is null)
        {
            response.StatusCode.Should().Be(HttpStatusCode.OK, body.Json());
            return;
        }

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, body.Json());
        body.Code().Should().Be(code, body.Json());
    }

    [Fact]
    public async Task Fragment_spreads_deeper_than_the_limit_are_QUERY_TOO_DEEP()
    {
        var (response, body) = await _factory.CreateClient().QueryAsync("{ ...A } fragment A on Query { ...B } fragment B on Query { ...C } fragment C on Query { __typename }");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        body.Code().Should().Be("QUERY_TOO_DEEP", body.Json());
    }
}

public sealed class SubjectRateLimitTests(SharedGateway gateway)
{
    [Fact]
    public async Task Subject_limiter_counts_in_Redis_and_refuses_over_the_limit()
    {
        var limiter = gateway.Services.GetRequiredService<ISubjectRateLimiter>();
        var limit = new SubjectRateLimit("test-direct", 2, TimeSpan.FromMinutes(1));
        var subject = "+3312345" + Guid.NewGuid().ToString("N")[..6];

        var results = new List<bool>();
        for (var i = 0; i < 3; i++)
            results.Add((await limiter.TryAcquireAsync(limit, subject, CancellationToken.None)).Allowed);
        var other = await limiter.TryAcquireAsync(limit, subject + "0", CancellationToken.None);

        results.Should().Equal(true, true, false);
        other.Allowed.Should().BeTrue("each subject has its own budget");
    }

    [Fact]
    public async Task Aliases_in_one_document_cannot_bypass_a_subject_limit()
    {
        var subject = "login-" + Guid.NewGuid().ToString("N");
        var query = "query Q($s: String!) { a: testRateLimited(subject: $s) b: testRateLimited(subject: $s) c: testRateLimited(subject: $s) d: testRateLimited(subject: $s) e: testRateLimited(subject: $s) }";

        var (_, body) = await gateway.CreateClient().QueryAsync(query, new { s = subject });

        var data = body!["data"]!.AsObject();
        data.Count(p => p.Value is not null).Should().Be(3, "the limit is 3 per subject");
        body["errors"]!.AsArray().Should().HaveCount(2).And.OnlyContain(e => e!["extensions"]!["code"]!.GetValue<string>() == "RESOURCE_EXHAUSTED");
    }
}

/// <summary>The parsed-document cache: repeated operations skip parsing and validation.</summary>
public sealed class DocumentCacheTests(SharedGateway gateway)
{
    [Fact]
    public async Task A_repeated_document_is_served_from_the_cache_with_fresh_variables()
    {
        var cache = gateway.Services.GetRequiredService<DocumentCache>();
        var client = gateway.CreateClient();
        var query = $"query Cached{Guid.NewGuid():N}($id: ID!) {{ testGlobalId(id: $id) }}";

        var (_, first) = await client.QueryAsync(query, new { id = "1" });
        var hitsBefore = cache.Hits;
        var (_, second) = await client.QueryAsync(query, new { id = "2" });

        cache.Hits.Should().BeGreaterThan(hitsBefore);
        first!["data"]!["testGlobalId"]!.GetValue<string>().Should().NotBe(second!["data"]!["testGlobalId"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_invalid_document_is_never_cached()
    {
        var cache = gateway.Services.GetRequiredService<DocumentCache>();
        var client = gateway.CreateClient();
        var query = $"query Bad{Guid.NewGuid():N} {{ noSuchField }}";

        await client.QueryAsync(query);
        var (response, body) = await client.QueryAsync(query);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        body.Code().Should().Be("GRAPHQL_VALIDATION_FAILED", "a second run validates again");
        cache.TryGet(query, out _).Should().BeFalse();
    }

    [Fact]
    public async Task Cached_documents_still_check_variables()
    {
        var client = gateway.CreateClient();
        var query = $"query V{Guid.NewGuid():N}($id: ID!) {{ testGlobalId(id: $id) }}";
        await client.QueryAsync(query, new { id = "1" });

        var (response, body) = await client.QueryAsync(query, new { id = (string?)null });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        body.Code().Should().Be("BAD_USER_INPUT");
    }

    [Fact]
    public void The_cache_is_bounded()
    {
        var cache = new DocumentCache(10);
        for (var i = 0; i < 50; i++)
            cache.Add("q" + i, new GraphQLParser.AST.GraphQLDocument([]));

        cache.Count.Should().BeLessThanOrEqualTo(10);
        cache.TryGet("q49", out _).Should().BeTrue("the newest entries stay");
    }
}
