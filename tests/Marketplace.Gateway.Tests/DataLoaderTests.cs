using Marketplace.Gateway.Tests.Support;

namespace Marketplace.Gateway.Tests;

/// <summary>Hydrating N objects from a module costs one batched contract call per request, not N.</summary>
public sealed class DataLoaderTests(SharedGateway gateway)
{
    [Fact]
    public async Task Fifty_items_cost_one_contract_call()
    {
        var tag = "dl-" + Guid.NewGuid().ToString("N");
        var ids = Enumerable.Range(1, 50).Select(i => "item" + i).ToArray();

        var (_, body) = await gateway.CreateClient().QueryAsync("query Q($ids: [ID!]!, $tag: String!) { testItems(ids: $ids, tag: $tag) { localId name } }", new { ids, tag });

        body!["errors"].Should().BeNull();
        body["data"]!["testItems"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()).Should().Equal(ids.Select(i => "Item " + i));
        TestContractService.CallsByTag[tag].Should().Be(1);
        TestContractService.KeysByTag[tag].Should().Be(50);
    }

    [Fact]
    public async Task Repeated_keys_are_fetched_once_and_missing_ones_are_null()
    {
        var tag = "dl-" + Guid.NewGuid().ToString("N");
        string[] ids = ["a", "b", "a", "missing", "b"];

        var (_, body) = await gateway.CreateClient().QueryAsync("query Q($ids: [ID!]!, $tag: String!) { testItems(ids: $ids, tag: $tag) { name } }", new { ids, tag });

        body!["data"]!["testItems"].Json().Should().Be("""[{"name":"Item a"},{"name":"Item b"},{"name":"Item a"},{"name":null},{"name":"Item b"}]""");
        TestContractService.CallsByTag[tag].Should().Be(1);
        TestContractService.KeysByTag[tag].Should().Be(3);
    }

    [Fact]
    public async Task Each_request_has_its_own_loader()
    {
        var tag = "dl-" + Guid.NewGuid().ToString("N");
        var client = gateway.CreateClient();

        await client.QueryAsync("query Q($tag: String!) { testItems(ids: [\"x\"], tag: $tag) { name } }", new { tag });
        await client.QueryAsync("query Q($tag: String!) { testItems(ids: [\"x\"], tag: $tag) { name } }", new { tag });

        TestContractService.CallsByTag[tag].Should().Be(2, "nothing is cached across requests");
    }
}
