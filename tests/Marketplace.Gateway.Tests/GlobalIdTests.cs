using System.Text;
using Marketplace.Gateway.Relay;

namespace Marketplace.Gateway.Tests;

public sealed class GlobalIdTests
{
    [Fact]
    public void Encode_and_decode_round_trip()
    {
        var id = GlobalId.Encode("Product", "0193f2a4-7c1e-7000-8000-000000000001");

        GlobalId.TryDecode(id, out var type, out var local).Should().BeTrue();
        type.Should().Be("Product");
        local.Should().Be("0193f2a4-7c1e-7000-8000-000000000001");
    }

    [Theory]
    [InlineData("")]
    [InlineData("%%%")]
    [InlineData("UHJvZHVjdA==")] // "Product" without ':id'
    [InlineData("OjEyMw==")] // ":123" without a type
    [InlineData("UHJvZHVjdDo=")] // "Product:" without an id
    [InlineData("UHJvZCB1Y3Q6MQ==")] // "Prod uct:1", not a type name
    public void Malformed_ids_do_not_decode(string id) =>
        GlobalId.TryDecode(id, out _, out _).Should().BeFalse();

    [Fact]
    public void Ids_longer_than_the_limit_do_not_decode() =>
        GlobalId.TryDecode(Convert.ToBase64String(Encoding.UTF8.GetBytes("Product:" + new string('1', 600))), out _, out _).Should().BeFalse();
}
