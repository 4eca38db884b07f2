using System.Text.Json.Nodes;
using Marketplace.Users.Tests.Support;

namespace Marketplace.Users.Tests;

public sealed class AddressBookTests(UsersApp app)
{
    private const string AddressFields = "id label recipient phone lines city region postalCode country location { latitude longitude } isDefault";
    private readonly HttpClient _client = app.CreateClient();

    private static object Home(string city = "London") => new
    {
        label = "Home",
        recipient = "Ada Lovelace",
        phone = "+44 7911 123456",
        lines = new[] { "12 St James's Square" },
        city,
        region = "Greater London",
        postalCode = "SW1Y 4JH",
        country = "gb",
        location = new { latitude = 51.5074, longitude = -0.1340 },
    };

    private async Task<JsonNode> CreateAsync(string token, object address) =>
        (await _client.SendAsync($"mutation($a: AddressInput!) {{ addressCreate(input: {{ address: $a }}) {{ address {{ {AddressFields} }} userErrors {{ field code message }} }} }}", new { a = address }, token)).Data("addressCreate");

    private async Task<JsonNode> ListAsync(string token) =>
        (await _client.SendAsync($"{{ viewer {{ addresses(first: 10) {{ totalCount edges {{ node {{ {AddressFields} }} }} }} }} }}", token: token))["data"]!["viewer"]!["addresses"]!;

    [Fact]
    public async Task Buyer_keeps_addresses_with_the_first_as_default_and_can_change_the_default()
    {
        var token = (await _client.SignInBuyerAsync()).Text("accessToken");

        var home = (await CreateAsync(token, Home()))["address"]!;
        var work = (await CreateAsync(token, Home("Cambridge")))["address"]!;

        home["isDefault"]!.GetValue<bool>().Should().BeTrue();
        home.Text("country").Should().Be("GB");
        home.Text("phone").Should().Be("+447911123456");
        home["location"]!["latitude"]!.GetValue<double>().Should().Be(51.5074);
        work["isDefault"]!.GetValue<bool>().Should().BeFalse();

        var set = (await _client.SendAsync("mutation($id: ID!) { addressSetDefault(input: { id: $id }) { address { id isDefault } userErrors { code } } }", new { id = work.Text("id") }, token)).Data("addressSetDefault");
        set["address"]!["isDefault"]!.GetValue<bool>().Should().BeTrue();

        var listed = await ListAsync(token);
        listed["totalCount"]!.GetValue<int>().Should().Be(2);
        var nodes = listed["edges"]!.AsArray().Select(e => e!["node"]!).ToList();
        nodes[0]!.Text("id").Should().Be(work.Text("id"));
        nodes.Count(n => n["isDefault"]!.GetValue<bool>()).Should().Be(1);
    }

    [Fact]
    public async Task Invalid_address_gets_a_userError_per_field_and_is_not_saved()
    {
        var token = (await _client.SignInBuyerAsync()).Text("accessToken");

        var answer = await CreateAsync(token, new { recipient = " ", lines = Array.Empty<string>(), city = "Paris", country = "XX", phone = "123", location = new { latitude = 91.0, longitude = 0.0 } });

        answer["address"].Should().BeNull();
        answer["userErrors"]!.AsArray().Select(e => (string.Join('.', e!["field"]!.AsArray().Select(f => f!.GetValue<string>())), e!["code"]!.GetValue<string>()))
            .Should().BeEquivalentTo(new[]
            {
                ("input.address.recipient", "REQUIRED"),
                ("input.address.phone", "PHONE_INVALID"),
                ("input.address.lines", "LINES_INVALID"),
                ("input.address.country", "COUNTRY_INVALID"),
                ("input.address.location", "LOCATION_INVALID"),
            });
        (await ListAsync(token))["totalCount"]!.GetValue<int>().Should().Be(0);
    }

    [Fact]
    public async Task Another_buyers_address_is_NOT_FOUND_and_never_shown_or_changed()
    {
        var owner = (await _client.SignInBuyerAsync()).Text("accessToken");
        var other = (await _client.SignInBuyerAsync()).Text("accessToken");
        var id = (await CreateAsync(owner, Home()))["address"].Text("id");

        var update = await _client.SendAsync($"mutation($id: ID!, $a: AddressInput!) {{ addressUpdate(input: {{ id: $id, address: $a }}) {{ address {{ {AddressFields} }} userErrors {{ code field }} }} }}", new { id, a = Home("Stolen") }, other);
        var delete = await _client.SendAsync("mutation($id: ID!) { addressDelete(input: { id: $id }) { deletedAddressId userErrors { code field } } }", new { id }, other);
        var setDefault = await _client.SendAsync("mutation($id: ID!) { addressSetDefault(input: { id: $id }) { address { id city } userErrors { code field } } }", new { id }, other);

        // Issue 13: an address that is not yours is an ADDRESS_NOT_FOUND userError on input.id (was a top-level NOT_FOUND).
        foreach (var (answer, field) in new[] { (update, "addressUpdate"), (delete, "addressDelete"), (setDefault, "addressSetDefault") })
        {
            answer.Data(field).Codes().Should().Equal(["ADDRESS_NOT_FOUND"], answer.ToJsonString());
            answer.Data(field)["userErrors"]![0]!["field"]!.AsArray().Select(f => f!.GetValue<string>()).Should().Equal("input", "id");
            answer.ToJsonString().Should().NotContain("Ada Lovelace").And.NotContain("London");
        }

        var mine = (await ListAsync(owner))["edges"]![0]!["node"]!;
        mine.Text("city").Should().Be("London");
        (await ListAsync(other))["totalCount"]!.GetValue<int>().Should().Be(0);
    }

    [Fact]
    public async Task Deleting_the_default_address_makes_another_the_default()
    {
        var token = (await _client.SignInBuyerAsync()).Text("accessToken");
        var first = (await CreateAsync(token, Home()))["address"].Text("id");
        await CreateAsync(token, Home("Cambridge"));

        var deleted = (await _client.SendAsync("mutation($id: ID!) { addressDelete(input: { id: $id }) { deletedAddressId userErrors { code } } }", new { id = first }, token)).Data("addressDelete");

        deleted.Text("deletedAddressId").Should().Be(first);
        var left = (await ListAsync(token))["edges"]!.AsArray().Select(e => e!["node"]!).ToList();
        left.Should().ContainSingle().Which["isDefault"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public async Task Address_book_is_bounded()
    {
        var token = (await _client.SignInBuyerAsync()).Text("accessToken");
        for (var i = 0; i < 20; i++)
            (await CreateAsync(token, Home())).Codes().Should().BeEmpty();

        (await CreateAsync(token, Home())).Codes().Should().Equal("ADDRESS_LIMIT_REACHED");
    }

    [Fact]
    public async Task Sellers_have_no_address_book()
    {
        var seller = await _client.RegisterSellerAsync(Gql.NewEmail());

        var answer = await _client.SendAsync($"mutation($a: AddressInput!) {{ addressCreate(input: {{ address: $a }}) {{ userErrors {{ code }} }} }}", new { a = Home() }, seller.Text("accessToken"));

        answer["errors"]![0]!["extensions"]!["code"]!.GetValue<string>().Should().Be("FORBIDDEN");
    }
}
