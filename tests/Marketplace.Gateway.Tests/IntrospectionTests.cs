using System.Net;
using System.Text.Json.Nodes;
using Marketplace.Gateway.Tests.Support;
using Marketplace.Testing;

namespace Marketplace.Gateway.Tests;

/// <summary>
/// Tools read the schema with graphql-js's <c>getIntrospectionQuery()</c>: GraphiQL, graphql-codegen, Apollo, Postman,
/// Insomnia. Every variant of it answers the whole schema (exempt from the depth and complexity limits meant for data),
/// while what makes reading the schema expensive stays refused (IntrospectionRules, the document budget).
/// The queries are built by graphql-js itself (js/introspection-queries.mjs), exactly as the tools send them.
/// </summary>
public sealed class IntrospectionTests(SharedGateway gateway)
{
    private static readonly Lazy<Task<IReadOnlyList<JsonNode>>> Variants = new(LoadVariantsAsync);

    private readonly HttpClient _client = gateway.CreateClient();

    [Fact]
    public async Task Every_graphql_js_introspection_variant_answers_the_whole_schema()
    {
        var variants = await Variants.Value;
        variants.Should().HaveCount(66, "64 option combinations, GraphiQL's fallback and graphql-codegen's");

        foreach (var variant in variants)
        {
            var name = variant["name"]!.GetValue<string>();
            var query = variant["query"]!.GetValue<string>();
            var (response, body) = await _client.SendGraphQLAsync(GraphQLClient.Post(new { query, operationName = variant["operationName"]?.GetValue<string>() }));

            response.StatusCode.Should().Be(HttpStatusCode.OK, $"{name}: {body.Json()}");
            body!["errors"].Should().BeNull(name);
            var schema = body["data"]!["__schema"]!;
            schema["queryType"]!["name"]!.GetValue<string>().Should().Be("Query", name);
            var types = schema["types"]!.AsArray();
            types.Should().Contain(t => t!["name"]!.GetValue<string>() == "Store", name);
            var dateTime = types.Single(t => t!["name"]!.GetValue<string>() == "DateTime")!;
            if (query.Contains("specifiedByURL", StringComparison.Ordinal))
                dateTime["specifiedByURL"]!.GetValue<string>().Should().StartWith("https://", name);
            if (query.Contains("isRepeatable", StringComparison.Ordinal))
                schema["directives"]!.AsArray().Should().OnlyContain(d => d!["isRepeatable"] != null, name);
            if (query.Contains("args(includeDeprecated: true)", StringComparison.Ordinal))
            {
                var storesNear = types.Single(t => t!["name"]!.GetValue<string>() == "Query")!["fields"]!.AsArray().Single(f => f!["name"]!.GetValue<string>() == "storesNear")!;
                storesNear["args"]!.AsArray().Should().OnlyContain(a => a!["isDeprecated"]!.GetValue<bool>() == false, name);
            }
        }
    }

    [Fact]
    public async Task The_standard_query_answers_again_from_the_document_cache()
    {
        var query = (await Variants.Value)[^1]["query"]!.GetValue<string>();

        for (var i = 0; i < 2; i++)
        {
            var (response, body) = await _client.QueryAsync(query);
            response.StatusCode.Should().Be(HttpStatusCode.OK, body.Json());
            body!["data"]!["__schema"]!["types"]!.AsArray().Should().NotBeEmpty();
        }
    }

    [Fact]
    public async Task Type_lists_nested_three_deep_are_refused()
    {
        // Each fields { type { fields … } } level multiplies the answer by the schema's size.
        var (ok, okBody) = await _client.QueryAsync("{ __type(name: \"Query\") { fields { type { fields { name } } } } }");
        ok.StatusCode.Should().Be(HttpStatusCode.OK, okBody.Json());

        var (response, body) = await _client.QueryAsync(
            "{ __schema { types { fields { type { ...Members } } } } } fragment Members on __Type { interfaces { possibleTypes { name } } }");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        body.Code().Should().Be("QUERY_TOO_DEEP", body.Json());
    }

    [Fact]
    public async Task Aliases_inside_introspection_are_refused_but_root_aliases_are_fine()
    {
        var (rootAliases, rootBody) = await _client.QueryAsync("{ a: __type(name: \"Query\") { name } b: __type(name: \"Store\") { name } }");
        rootAliases.StatusCode.Should().Be(HttpStatusCode.OK, rootBody.Json());
        rootBody!["data"]!["b"]!["name"]!.GetValue<string>().Should().Be("Store");

        // Without aliases equal fields merge; with them each copy is answered in full.
        var (response, body) = await _client.QueryAsync("{ __schema { types { a: fields { name } b: fields { name } } } }");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        body.Code().Should().Be("TOO_MANY_ALIASES");
    }

    [Fact]
    public async Task Introspection_still_goes_through_the_document_budget()
    {
        var names = string.Join(' ', Enumerable.Repeat("name", 1001));

        var (response, body) = await _client.QueryAsync($"{{ __schema {{ types {{ {names} }} }} }}");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        body.Code().Should().Be("QUERY_TOO_LARGE");
    }

    [Fact]
    public async Task Introspection_beside_data_keeps_the_data_limits()
    {
        var typeRef = "kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } } }";

        var (response, body) = await _client.QueryAsync($"{{ viewer {{ userId }} __schema {{ types {{ fields {{ type {{ {typeRef} }} }} }} }} }}");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        body.Code().Should().Be("QUERY_TOO_DEEP");
    }

    private static async Task<IReadOnlyList<JsonNode>> LoadVariantsAsync()
    {
        var result = await NodeTool.NodeAsync(NodeTool.Folder("tests/Marketplace.Gateway.Tests/js"), "introspection-queries.mjs");
        result.ExitCode.Should().Be(0, result.ToString());
        return [.. JsonNode.Parse(result.Output)!.AsArray().Select(v => v!)];
    }
}
