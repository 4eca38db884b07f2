using Marketplace.Gateway.Tests.Support;

namespace Marketplace.Gateway.Tests;

/// <summary>Contract failures (gRPC status) become GraphQL errors with a stable extensions.code.</summary>
public sealed class ErrorTests(SharedGateway gateway)
{
    private readonly HttpClient _client = gateway.CreateClient();

    [Theory]
    [InlineData("Unauthenticated", "UNAUTHENTICATED", "SIGN_IN_REQUIRED")]
    [InlineData("PermissionDenied", "FORBIDDEN", "NOT_YOURS")]
    [InlineData("NotFound", "NOT_FOUND", "ITEM_NOT_FOUND")]
    [InlineData("InvalidArgument", "BAD_USER_INPUT", "INVALID_ITEM")]
    [InlineData("ResourceExhausted", "RESOURCE_EXHAUSTED", "TOO_MANY_ATTEMPTS")]
    public async Task Contract_status_maps_to_an_error_code_with_its_reason(string status, string code, string reason)
    {
        var (response, body) = await _client.QueryAsync("query Q($s: String!) { testFail(status: $s) }", new { s = status });

        response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK, "field errors still have data");
        body.Code().Should().Be(code);
        body!["errors"]![0]!["extensions"]!["reason"]!.GetValue<string>().Should().Be(reason);
        body["errors"]![0]!["path"]![0]!.GetValue<string>().Should().Be("testFail");
        body["data"]!["testFail"].Should().BeNull();
    }

    [Fact]
    public async Task ResourceExhausted_tells_when_to_retry()
    {
        var (_, body) = await _client.QueryAsync("{ testFail(status: \"ResourceExhausted\") }");

        body!["errors"]![0]!["extensions"]!["retryAfterSeconds"]!.GetValue<int>().Should().Be(30);
    }

    [Theory]
    [InlineData("Internal")]
    [InlineData("Exception")]
    public async Task Unexpected_failures_are_INTERNAL_with_details_only_in_Development(string status)
    {
        var (_, body) = await _client.QueryAsync("query Q($s: String!) { testFail(status: $s) }", new { s = status });

        body.Code().Should().Be("INTERNAL");
        body!["errors"]![0]!["message"]!.GetValue<string>().Should().NotContain("hunter2");
        body["errors"]![0]!["extensions"]!["exception"].Should().NotBeNull("the shared factory runs in Development");
    }

    [Fact]
    public async Task Development_suggests_field_names()
    {
        var (_, body) = await _client.QueryAsync("{ viewr { userId } }");

        body!["errors"]![0]!["message"]!.GetValue<string>().Should().Contain("Did you mean 'viewer'?");
    }
}

/// <summary>A fault no handler expected still answers 500 with a JSON error and the correlation id, in every environment.</summary>
public sealed class UnhandledFaultTests : IAsyncLifetime
{
    private readonly FailingKeysGateway _development = new();
    private readonly FailingKeysGateway _production = new() { Environment = "Production" };

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await _development.DisposeAsync();
        await _production.DisposeAsync();
    }

    [Fact]
    public async Task An_unexpected_exception_is_500_with_a_JSON_body_and_the_correlation_id()
    {
        foreach (var factory in new FailingKeysGateway[] { _development, _production })
        {
            var response = await factory.CreateClient().GetAsync("/.well-known/jwks.json");
            var text = await response.Content.ReadAsStringAsync();

            response.StatusCode.Should().Be(System.Net.HttpStatusCode.InternalServerError, text);
            var correlationId = response.Headers.GetValues("X-Correlation-Id").Single();
            var body = System.Text.Json.Nodes.JsonNode.Parse(text);
            body.Code().Should().Be("INTERNAL");
            body!["errors"]![0]!["extensions"]!["correlationId"]!.GetValue<string>().Should().Be(correlationId);
            text.Should().NotContain("hunter2").And.NotContain("   at ");
            response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        }
    }

    /// <summary>The Users contract fails with an Internal status when asked for signing keys (a fault, not an outage).</summary>
    private sealed class FailingKeysGateway : GatewayFactory
    {
        public FailingKeysGateway()
        {
            WithTestArea = false;
        }

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            Microsoft.AspNetCore.TestHost.WebHostBuilderExtensions.ConfigureTestServices(builder, services =>
                Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<Marketplace.Modules.Users.Contracts.V1.UsersSigningKeys.UsersSigningKeysClient>(services, new FailingUsersClient()));
        }
    }

    private sealed class FailingUsersClient : Marketplace.Modules.Users.Contracts.V1.UsersSigningKeys.UsersSigningKeysClient
    {
        public override Grpc.Core.AsyncUnaryCall<Marketplace.Modules.Users.Contracts.V1.GetSigningKeysResponse> GetSigningKeysAsync(
            Marketplace.Modules.Users.Contracts.V1.GetSigningKeysRequest request, Grpc.Core.CallOptions options) =>
            throw new Grpc.Core.RpcException(new Grpc.Core.Status(Grpc.Core.StatusCode.Internal, "password hunter2 leaked"));
    }
}

/// <summary>Outside Development nothing of an exception leaves the server.</summary>
public sealed class ProductionErrorTests : IAsyncLifetime
{
    private readonly GatewayFactory _factory = new() { Environment = "Production" };

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Theory]
    [InlineData("Internal")]
    [InlineData("Exception")]
    public async Task Unexpected_failures_hide_exception_text_and_stack(string status)
    {
        var (_, body) = await _factory.CreateClient().QueryAsync("query Q($s: String!) { testFail(status: $s) }", new { s = status });

        var json = body.Json();
        body.Code().Should().Be("INTERNAL");
        json.Should().NotContain("hunter2").And.NotContain("InvalidOperationException").And.NotContain("   at ");
        body!["errors"]![0]!["extensions"]!["exception"].Should().BeNull();
        body["errors"]![0]!["extensions"]!["correlationId"].Should().NotBeNull();
    }

    [Fact]
    public async Task Introspection_is_off_by_default()
    {
        var (response, body) = await _factory.CreateClient().QueryAsync("{ __schema { queryType { name } } }");

        response.StatusCode.Should().Be(System.Net.HttpStatusCode.BadRequest);
        body.Code().Should().Be("INTROSPECTION_DISABLED");
    }

    [Fact]
    public async Task Email_link_pages_and_the_sms_inbox_exist_in_Development_only()
    {
        var client = _factory.CreateClient();

        foreach (var path in new[] { "/verify-email?token=x", "/reset-password?token=x", "/account/account-link.js", "/dev/sms" })
            (await client.GetAsync(path)).StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound, path);
    }

    [Fact]
    public async Task GraphiQL_is_off_by_default()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.Add("Accept", "text/html");

        var response = await _factory.CreateClient().SendAsync(request);

        response.Content.Headers.ContentType?.MediaType.Should().NotBe("text/html");
    }
}
