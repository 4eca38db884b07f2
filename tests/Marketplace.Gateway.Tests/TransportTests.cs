using System.Net;
using System.Text;
using Marketplace.Gateway.Tests.Support;

namespace Marketplace.Gateway.Tests;

/// <summary>GraphQL over HTTP, as the graphql-over-http specification and issue 3 lay it down.</summary>
public sealed class TransportTests(SharedGateway gateway)
{
    private readonly HttpClient _client = gateway.CreateClient();

    [Fact]
    public async Task Post_query_answers_with_graphql_response_json()
    {
        var (response, body) = await _client.QueryAsync("{ __typename }");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/graphql-response+json");
        body!["data"]!["__typename"]!.GetValue<string>().Should().Be("Query");
    }

    [Fact]
    public async Task Missing_Accept_means_application_json()
    {
        var (response, _) = await _client.SendGraphQLAsync(GraphQLClient.Post(new { query = "{ __typename }" }, accept: ""));

        // graphql-over-http: a request without Accept SHOULD be treated as Accept: application/json.
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
    }

    [Fact]
    public async Task Accept_application_json_gets_application_json()
    {
        var (response, _) = await _client.SendGraphQLAsync(GraphQLClient.Post(new { query = "{ __typename }" }, accept: "application/json"));

        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
    }

    [Fact]
    public async Task Accept_prefers_the_higher_quality_type()
    {
        var (response, _) = await _client.SendGraphQLAsync(GraphQLClient.Post(
            new { query = "{ __typename }" }, accept: "application/graphql-response+json;q=0.5, application/json;q=0.9"));

        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
    }

    [Theory]
    [InlineData("*/*", "application/json")]
    [InlineData("application/*", "application/json")]
    [InlineData("*/*, application/graphql-response+json", "application/graphql-response+json")]
    [InlineData("application/graphql-response+json;q=0.5, */*;q=0.5", "application/graphql-response+json")]
    [InlineData("application/*;q=0.2, application/json", "application/json")]
    [InlineData("application/json, application/graphql-response+json", "application/graphql-response+json")]
    [InlineData("text/html, application/json;q=0.9", "application/json")]
    public async Task Accept_ranges_are_negotiated(string accept, string expected)
    {
        var (response, _) = await _client.SendGraphQLAsync(GraphQLClient.Post(new { query = "{ __typename }" }, accept: accept));

        response.Content.Headers.ContentType!.MediaType.Should().Be(expected);
    }

    [Fact]
    public async Task Unacceptable_Accept_is_406()
    {
        var (response, _) = await _client.SendGraphQLAsync(GraphQLClient.Post(new { query = "{ __typename }" }, accept: "text/csv"));

        response.StatusCode.Should().Be(HttpStatusCode.NotAcceptable);
    }

    [Fact]
    public async Task Get_runs_a_query()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("query Q($id: ID!) { testGlobalId(id: $id) }") + "&variables=" + Uri.EscapeDataString("{\"id\":\"7\"}"));
        request.Headers.Add("Accept", GraphQLClient.GraphQLResponse);

        var (response, body) = await _client.SendGraphQLAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        body!["data"]!["testGlobalId"]!.GetValue<string>().Should().Be(Convert.ToBase64String(Encoding.UTF8.GetBytes("TestItem:7")));
    }

    [Theory]
    [InlineData("variables=%7Bnot-json")]
    [InlineData("variables=%5B1%5D")]
    [InlineData("extensions=42")]
    [InlineData("query=")]
    public async Task Malformed_GET_is_400(string parameters)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?" + (parameters.StartsWith("query=", StringComparison.Ordinal) ? parameters : "query=%7B__typename%7D&" + parameters));
        request.Headers.Add("Accept", GraphQLClient.GraphQLResponse);

        var (response, body) = await _client.SendGraphQLAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        body.Code().Should().Be("BAD_REQUEST");
    }

    [Fact]
    public async Task Introspection_is_on_in_Development()
    {
        var (response, body) = await _client.QueryAsync("{ __schema { queryType { name } } }");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        body!["data"]!["__schema"]!["queryType"]!["name"]!.GetValue<string>().Should().Be("Query");
    }

    [Fact]
    public async Task Mutation_over_GET_is_405()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("mutation { testPing }"));
        request.Headers.Add("Accept", GraphQLClient.GraphQLResponse);

        var (response, _) = await _client.SendGraphQLAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
        response.Content.Headers.Allow.Should().Contain("POST");
    }

    [Fact]
    public async Task Mutation_over_POST_runs()
    {
        var (response, body) = await _client.QueryAsync("mutation { testPing }");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        body!["data"]!["testPing"]!.GetValue<string>().Should().Be("pong");
    }

    [Fact]
    public async Task Other_methods_are_405()
    {
        var response = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Put, "/graphql") { Content = new StringContent("{}", Encoding.UTF8, "application/json") });

        response.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task Syntax_error_is_400_with_graphql_response_json()
    {
        var (response, body) = await _client.QueryAsync("{ __typename ");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        body.Code().Should().Be("GRAPHQL_PARSE_FAILED");
        body!["data"].Should().BeNull();
    }

    [Fact]
    public async Task Validation_error_is_400_with_graphql_response_json()
    {
        var (response, body) = await _client.QueryAsync("{ noSuchField }");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        body.Code().Should().Be("GRAPHQL_VALIDATION_FAILED");
    }

    [Fact]
    public async Task Validation_error_is_200_with_application_json()
    {
        var (response, body) = await _client.SendGraphQLAsync(GraphQLClient.Post(new { query = "{ noSuchField }" }, accept: "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        body.Code().Should().Be("GRAPHQL_VALIDATION_FAILED");
    }

    [Fact]
    public async Task Bad_variable_is_400_BAD_USER_INPUT()
    {
        var (response, body) = await _client.QueryAsync("query Q($id: ID!) { testGlobalId(id: $id) }", new { id = new { nested = 1 } });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        body.Code().Should().Be("BAD_USER_INPUT");
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("{}")]
    [InlineData("{\"query\": 42}")]
    [InlineData("{\"query\": \"{ __typename }\", \"variables\": [1]}")]
    [InlineData("{\"query\": \"{ __typename }\", \"operationName\": 5}")]
    [InlineData("\"just a string\"")]
    public async Task Malformed_request_is_400(string json)
    {
        foreach (var accept in new[] { "application/json", GraphQLClient.GraphQLResponse })
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            request.Headers.Add("Accept", accept);

            var (response, body) = await _client.SendGraphQLAsync(request);

            response.StatusCode.Should().Be(HttpStatusCode.BadRequest, because: $"{json} with {accept}");
            body.Code().Should().Be("BAD_REQUEST");
        }
    }

    [Fact]
    public async Task Batch_array_is_400_with_a_clear_message()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("[{\"query\":\"{ __typename }\"},{\"query\":\"{ __typename }\"}]", Encoding.UTF8, "application/json"),
        };

        var (response, body) = await _client.SendGraphQLAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        body!["errors"]![0]!["message"]!.GetValue<string>().Should().Contain("Batched requests");
    }

    [Fact]
    public async Task Post_without_json_content_type_is_415()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent("{ __typename }", Encoding.UTF8, "text/plain") };

        var (response, _) = await _client.SendGraphQLAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Body_over_the_limit_is_413()
    {
        var padding = new string(' ', 300 * 1024);
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("{\"query\":\"{ __typename " + padding + "}\"}", Encoding.UTF8, "application/json"),
        };

        var (response, _) = await _client.SendGraphQLAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Every_error_carries_the_request_correlation_id()
    {
        var request = GraphQLClient.Post(new { query = "{ noSuchField }" });
        request.Headers.Add("X-Correlation-Id", "corr-" + Guid.NewGuid().ToString("N")[..12]);

        var (response, body) = await _client.SendGraphQLAsync(request);

        var sent = request.Headers.GetValues("X-Correlation-Id").Single();
        response.Headers.GetValues("X-Correlation-Id").Single().Should().Be(sent);
        body!["errors"]![0]!["extensions"]!["correlationId"]!.GetValue<string>().Should().Be(sent);
    }

    [Fact]
    public async Task Subscription_over_POST_is_refused_with_a_pointer_to_WebSocket()
    {
        var (response, body) = await _client.QueryAsync("subscription { testTicks(topic: \"x\") }");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        body!["errors"]![0]!["message"]!.GetValue<string>().Should().Contain("WebSocket");
    }

    [Fact]
    public async Task Operation_name_selects_the_operation()
    {
        var (_, body) = await _client.SendGraphQLAsync(GraphQLClient.Post(new
        {
            query = "query A { a: testGlobalId(id: \"1\") } query B { b: testGlobalId(id: \"2\") }",
            operationName = "B",
        }));

        body!["data"]!["b"].Should().NotBeNull();
        body["data"]!["a"].Should().BeNull();
    }
}

/// <summary>GraphiQL in the browser: on in Development, served with its own assets (no CDN).</summary>
public sealed class GraphiQLTests(SharedGateway gateway)
{
    [Fact]
    public async Task Browser_gets_GraphiQL_with_local_assets_only()
    {
        var client = gateway.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.Add("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");

        var response = await client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        html.Should().Contain("/graphql/assets/graphiql.min.js").And.NotContain("https://");
        foreach (var asset in new[] { "graphiql.min.js", "graphiql.min.css", "react.production.min.js", "react-dom.production.min.js", "graphql-ws.min.js", "start.js", "walkthrough.graphql", "walkthrough.json" })
        {
            var assetResponse = await client.GetAsync("/graphql/assets/" + asset);
            assetResponse.StatusCode.Should().Be(HttpStatusCode.OK, asset);
            (await assetResponse.Content.ReadAsByteArrayAsync()).Length.Should().BeGreaterThan(100, asset);
        }
    }

    [Fact]
    public async Task The_page_policy_admits_what_GraphiQL_loads()
    {
        var client = gateway.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.Add("Accept", "text/html");

        var response = await client.SendAsync(request);
        var css = await client.GetStringAsync("/graphql/assets/graphiql.min.css");

        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        // GraphiQL's stylesheet carries its fonts inline: without font-src data: each is a console error.
        var urls = System.Text.RegularExpressions.Regex.Matches(css, @"url\((?<u>[^)]{0,12})").Select(m => m.Groups["u"].Value.Trim('"', '\'')).ToList();
        urls.Should().NotBeEmpty().And.OnlyContain(u => u.StartsWith("data:", StringComparison.Ordinal));
        policy.Should().Contain("font-src 'self' data:").And.Contain("default-src 'self'").And.NotContain("unsafe-eval");
    }

    [Fact]
    public async Task Favicon_is_served_with_GraphiQL()
    {
        var response = await gateway.CreateClient().GetAsync("/favicon.ico");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("image/x-icon");
        (await response.Content.ReadAsByteArrayAsync())[..4].Should().Equal(0, 0, 1, 0);
    }

    [Fact]
    public async Task GraphiQL_can_be_switched_off()
    {
        await using var factory = (GatewayFactory)new GatewayFactory().With("Gateway:GraphiQL", "false");
        var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.Add("Accept", "text/html");

        var response = await factory.CreateClient().SendAsync(request);
        var asset = await factory.CreateClient().GetAsync("/graphql/assets/graphiql.min.js");

        response.Content.Headers.ContentType?.MediaType.Should().NotBe("text/html");
        asset.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await factory.CreateClient().GetAsync("/favicon.ico")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}

/// <summary>The pages the links in account emails open in Development (Users/AccountLinkPages).</summary>
public sealed class AccountLinkPageTests(SharedGateway gateway)
{
    [Theory]
    [InlineData("/verify-email", "verify-email")]
    [InlineData("/reset-password", "reset-password")]
    public async Task An_email_link_opens_a_page_whose_policy_admits_only_its_own_script_and_style(string path, string page)
    {
        var client = gateway.CreateClient();

        var response = await client.GetAsync(path + "?token=" + Guid.NewGuid().ToString("N"));
        var html = await response.Content.ReadAsStringAsync();
        var script = await client.GetAsync("/account/account-link.js");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        html.Should().Contain($"data-page=\"{page}\"").And.Contain("<script src=\"/account/account-link.js\"></script>").And.NotContain("http");
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        policy.Should().Contain("script-src 'self'").And.Contain("default-src 'none'").And.NotContain("unsafe-inline");
        // The page's one inline style is admitted by its hash.
        var style = System.Text.RegularExpressions.Regex.Match(html, "<style>(.*?)</style>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
        policy.Should().Contain("'sha256-" + Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(style))) + "'");
        response.Headers.GetValues("Referrer-Policy").Single().Should().Be("no-referrer", "the token in the address must not travel on");
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        script.StatusCode.Should().Be(HttpStatusCode.OK);
        (await script.Content.ReadAsStringAsync()).Should().Contain("sellerEmailVerify").And.Contain("passwordResetComplete");
    }
}

