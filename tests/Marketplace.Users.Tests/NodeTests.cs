using System.Text;
using Marketplace.Users.Tests.Support;

namespace Marketplace.Users.Tests;

/// <summary>
/// Viewer, Session and Address are Nodes: node(id:) refetches each for its owner only, under the same rule as
/// viewer { … }; to anyone else the id is null, as if it did not exist. Ids given to mutations follow the one id rule.
/// </summary>
public sealed class NodeTests(UsersApp app)
{
    private const string Node = "query($id: ID!) { node(id: $id) { __typename id ... on Address { city } ... on Session { current } ... on Viewer { userId } } }";
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Viewer_session_and_address_are_refetched_by_their_owner_and_null_to_anyone_else()
    {
        var owner = (await _client.SignInBuyerAsync()).Text("accessToken");
        var stranger = (await _client.SignInBuyerAsync()).Text("accessToken");
        var created = (await _client.SendAsync("mutation { addressCreate(input: { address: { recipient: \"Ada\", lines: [\"1 Main St\"], city: \"Leeds\", country: \"GB\" } }) { address { id } userErrors { code } } }", token: owner))
            .Data("addressCreate");
        var viewer = (await _client.SendAsync("{ viewer { id userId sessions { id } } }", token: owner))["data"]!["viewer"]!;
        var ids = new[] { created["address"].Text("id"), viewer["sessions"]![0].Text("id"), viewer.Text("id") };

        foreach (var id in ids)
        {
            var mine = (await _client.SendAsync(Node, new { id }, owner))["data"]!["node"]!;
            var theirs = await _client.SendAsync(Node, new { id }, stranger);
            var anonymous = await _client.SendAsync(Node, new { id });

            mine.Text("id").Should().Be(id);
            theirs["data"]!["node"].Should().BeNull(theirs.ToJsonString());
            theirs["errors"].Should().BeNull();
            anonymous["data"]!["node"].Should().BeNull(anonymous.ToJsonString());
        }

        (await _client.SendAsync(Node, new { id = ids[0] }, owner))["data"]!["node"].Text("city").Should().Be("Leeds");
        (await _client.SendAsync(Node, new { id = ids[1] }, owner))["data"]!["node"]!["current"]!.GetValue<bool>().Should().BeTrue();
        (await _client.SendAsync(Node, new { id = ids[2] }, owner))["data"]!["node"].Text("userId").Should().Be(viewer.Text("userId"));
    }

    [Fact]
    public async Task A_malformed_id_or_one_of_another_type_is_INVALID_ID_on_the_input_field()
    {
        var token = (await _client.SignInBuyerAsync()).Text("accessToken");
        var sessionId = (await _client.SendAsync("{ viewer { sessions { id } } }", token: token))["data"]!["viewer"]!["sessions"]![0].Text("id");
        var addressShaped = Convert.ToBase64String(Encoding.UTF8.GetBytes("Address:" + Guid.NewGuid()));

        foreach (var id in new[] { "not-an-id", sessionId })
        {
            var answer = (await _client.SendAsync("mutation($id: ID!) { addressSetDefault(input: { id: $id }) { address { id } userErrors { field code } } }", new { id }, token))
                .Data("addressSetDefault");
            answer.Codes().Should().Equal("INVALID_ID");
            answer["userErrors"]![0]!["field"]!.AsArray().Select(f => f!.GetValue<string>()).Should().Equal("input", "id");
        }

        (await _client.SendAsync("mutation($id: ID!) { sessionRevoke(input: { id: $id }) { success userErrors { code } } }", new { id = addressShaped }, token))
            .Data("sessionRevoke").Codes().Should().Equal("INVALID_ID");
        (await _client.SendAsync("mutation($id: ID!) { addressDelete(input: { id: $id }) { deletedAddressId userErrors { code } } }", new { id = addressShaped }, token))
            .Data("addressDelete").Codes().Should().Equal(["ADDRESS_NOT_FOUND"], "a well-formed address id that names nothing");
    }
}
