using Marketplace.Testing;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Grpc.Core;
using GraphQL.Types;
using Marketplace.Gateway.Schema;
using Marketplace.Gateway.Tests.Support;
using Marketplace.Modules.Users.Contracts.V1;
using Marketplace.Shared.Contracts;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Gateway.Tests;

/// <summary>JWT validation at the gateway, per-field authorization, and the caller carried to contracts.</summary>
public sealed class AuthTests(SharedGateway gateway) : IAsyncLifetime
{
    private readonly HttpClient _client = gateway.CreateClient();
    private TestSigningKey _tokens = null!;

    public async ValueTask InitializeAsync() => _tokens = await TestSigningKey.CreateAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static string NewUser() => "user-" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task Viewer_is_null_without_a_token()
    {
        var (response, body) = await _client.QueryAsync("{ viewer { userId } }");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        body!["data"]!["viewer"].Should().BeNull();
    }

    [Fact]
    public async Task Valid_token_makes_the_viewer_with_roles_and_session()
    {
        var user = NewUser();

        var (_, body) = await _client.QueryAsync("{ viewer { userId roles sessionId } }", token: _tokens.Issue(user, ["SELLER", "BUYER"], "sess-1"));

        body!["data"]!["viewer"].Json().Should().Be($$"""{"userId":"{{user}}","roles":["BUYER","SELLER"],"sessionId":"sess-1"}""");
    }

    [Fact]
    public async Task The_caller_rides_in_contract_metadata()
    {
        var user = NewUser();

        var (_, body) = await _client.QueryAsync("{ testCallerSeenByContract }", token: _tokens.Issue(user, ["BUYER"]));

        body!["data"]!["testCallerSeenByContract"]!.GetValue<string>().Should().Be(user);
    }

    [Fact]
    public async Task Protected_field_without_a_token_is_UNAUTHENTICATED()
    {
        var (response, body) = await _client.QueryAsync("{ testSignedIn }");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        body.Code().Should().Be("UNAUTHENTICATED");
        body!["data"]!["testSignedIn"].Should().BeNull();
    }

    [Fact]
    public async Task Wrong_role_is_FORBIDDEN()
    {
        var (_, body) = await _client.QueryAsync("{ testBuyerOnly }", token: _tokens.Issue(NewUser(), ["SELLER"]));

        body.Code().Should().Be("FORBIDDEN");
    }

    [Fact]
    public async Task Right_role_is_served()
    {
        var (_, body) = await _client.QueryAsync("{ testBuyerOnly }", token: _tokens.Issue(NewUser(), ["BUYER"]));

        body!["errors"].Should().BeNull();
        body["data"]!["testBuyerOnly"]!.GetValue<string>().Should().Be("for buyers");
    }

    [Fact]
    public async Task Owner_only_field_refuses_another_user_and_serves_the_owner()
    {
        var owner = NewUser();
        const string query = "query Q($o: ID!) { testOwned(ownerId: $o) }";

        var (_, other) = await _client.QueryAsync(query, new { o = owner }, _tokens.Issue(NewUser(), ["BUYER"]));
        var (_, mine) = await _client.QueryAsync(query, new { o = owner }, _tokens.Issue(owner, ["BUYER"]));

        other.Code().Should().Be("FORBIDDEN");
        mine!["data"]!["testOwned"]!.GetValue<string>().Should().Be("owner's secret");
    }

    [Fact]
    public async Task Mutation_declared_for_sellers_is_FORBIDDEN_to_a_buyer()
    {
        var (_, body) = await _client.QueryAsync("mutation { testItemCreate(input: { name: \"x\" }) { userErrors { code } } }", token: _tokens.Issue(NewUser(), ["BUYER"]));

        body.Code().Should().Be("FORBIDDEN");
    }

    [Fact]
    public async Task Mutation_declared_for_sellers_is_UNAUTHENTICATED_without_a_token()
    {
        var (_, body) = await _client.QueryAsync("mutation { testItemCreate(input: { name: \"x\" }) { userErrors { code } } }");

        body.Code().Should().Be("UNAUTHENTICATED");
    }

    public static TheoryData<string> BadTokens => ["expired", "not-yet-valid", "wrong-audience", "wrong-issuer", "bad-signature", "alg-none", "hs256", "wrong-typ", "garbage", "basic-scheme"];

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Invalid_token_is_401_with_WWW_Authenticate_even_for_anonymous_fields(string kind)
    {
        var user = NewUser();
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var token = kind switch
        {
            "expired" => _tokens.Issue(user, ["BUYER"], expires: DateTime.UtcNow.AddMinutes(-5)),
            "not-yet-valid" => _tokens.Issue(user, ["BUYER"], expires: DateTime.UtcNow.AddMinutes(30), notBefore: DateTime.UtcNow.AddMinutes(10)),
            "wrong-audience" => _tokens.Issue(user, ["BUYER"], audience: "someone-else"),
            "wrong-issuer" => _tokens.Issue(user, ["BUYER"], issuer: "https://evil.example"),
            "bad-signature" => _tokens.Issue(user, ["BUYER"], signWith: otherKey),
            "alg-none" => _tokens.IssueUnsigned(user),
            "hs256" => _tokens.IssueHs256(user),
            "wrong-typ" => _tokens.Issue(user, ["BUYER"], type: "JWT"),
            _ => "not.a.jwt",
        };
        var request = GraphQLClient.Post(new { query = "{ viewer { userId } }" });
        if (kind == "basic-scheme")
            request.Headers.TryAddWithoutValidation("Authorization", "Basic dXNlcjpwYXNz");
        else
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);

        var (response, body) = await _client.SendGraphQLAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized, because: kind);
        response.Headers.WwwAuthenticate.ToString().Should().StartWith("Bearer error=\"invalid_token\"");
        body.Code().Should().Be("UNAUTHENTICATED");
        body!["data"].Should().BeNull();
    }

    [Fact]
    public async Task Jwks_endpoint_publishes_the_stored_keys()
    {
        // The gateway refetches on a kid it does not know; a request with our token teaches it our key.
        await _client.QueryAsync("{ viewer { userId } }", token: _tokens.Issue(NewUser(), ["BUYER"]));

        var response = await _client.GetAsync("/.well-known/jwks.json");
        var jwks = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        response.Content.Headers.ContentType!.MediaType.Should().Be("application/jwk-set+json");
        jwks["keys"]!.AsArray().Select(k => k!["kid"]!.GetValue<string>()).Should().Contain(_tokens.KeyId);
        jwks["keys"]!.AsArray().Should().OnlyContain(k => k!["d"] == null, "private parts are never published");
    }

    [Fact]
    public async Task Users_contract_rotates_keys_and_keeps_the_old_one_published()
    {
        var users = gateway.Services.GetRequiredService<UsersSigningKeys.UsersSigningKeysClient>();
        using var scope = CallContext.Push(new CallContext(Caller.Service("Tests"), CallContext.NewCorrelationId()));
        var before = await users.GetSigningKeysAsync(new GetSigningKeysRequest());

        var rotated = await users.RotateSigningKeyAsync(new RotateSigningKeyRequest());
        var after = await users.GetSigningKeysAsync(new GetSigningKeysRequest());

        rotated.ActiveKeyId.Should().NotBe(before.ActiveKeyId);
        after.ActiveKeyId.Should().Be(rotated.ActiveKeyId);
        after.JwksJson.Should().Contain(before.ActiveKeyId).And.Contain(rotated.ActiveKeyId);
    }

    [Fact]
    public async Task Users_contract_refuses_rotation_to_anonymous_callers()
    {
        var users = gateway.Services.GetRequiredService<UsersSigningKeys.UsersSigningKeysClient>();
        using var scope = CallContext.Push(new CallContext(Caller.Anonymous, CallContext.NewCorrelationId()));

        var act = async () => await users.RotateSigningKeyAsync(new RotateSigningKeyRequest());

        (await act.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.Unauthenticated);
    }

    [Fact]
    public void A_mutation_without_an_access_rule_stops_schema_construction()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddGateway(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(), new TestEnvironment());
        services.AddSchemaContribution<UndeclaredMutation>();
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<MarketplaceSchema>();

        act.Should().Throw<InvalidOperationException>().WithMessage("*Mutation fields without an access rule*testUndeclared*");
    }

    private sealed class TestEnvironment : Microsoft.Extensions.Hosting.IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";

        public string ApplicationName { get; set; } = "Tests";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }

    private sealed class UndeclaredMutation : ISchemaContribution
    {
        public void ConfigureMutation(ObjectGraphType mutation) => mutation.Field<StringGraphType>("testUndeclared").Resolve(_ => "oops");
    }
}
