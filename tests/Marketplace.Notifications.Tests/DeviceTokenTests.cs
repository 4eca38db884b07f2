using System.Text.Json.Nodes;
using Marketplace.Notifications.Tests.Support;
using Marketplace.Testing;

namespace Marketplace.Notifications.Tests;

/// <summary>
/// Push tokens per user are capped (the least recently seen device gives way), and a token active for one user is not
/// taken from them by someone else registering it: it moves only once their binding ends or goes stale.
/// </summary>
[Collection(NotificationsCollection.Name)]
public sealed class DeviceTokenTests(NotificationsHost host)
{
    private const string Register = "mutation($d: String!, $t: String!) { deviceTokenRegister(input: { deviceId: $d, platform: ANDROID, token: $t }) { deviceToken { deviceId active } userErrors { code } } }";
    private const string Unregister = "mutation($d: String!) { deviceTokenUnregister(input: { deviceId: $d }) { removed } }";

    [Fact]
    public async Task A_user_keeps_at_most_ten_devices_and_the_least_recently_seen_gives_way()
    {
        var tokens = await TestSigningKey.CreateAsync(host.Database);
        var user = Guid.CreateVersion7();
        var token = tokens.Issue(user, "BUYER");
        using var client = host.Factory.CreateClient();

        for (var i = 0; i < 12; i++)
            (await RegisterAsync(client, token, $"device-{i}", $"tok-{Guid.NewGuid():N}"))["active"]!.GetValue<bool>().Should().BeTrue();

        var devices = (await host.QueryAsync("SELECT device_id FROM notifications.device_tokens WHERE user_id = @u", ("u", user))).Select(r => (string)r["device_id"]!).ToList();
        devices.Should().HaveCount(10);
        devices.Should().NotContain(["device-0", "device-1"]);
    }

    [Fact]
    public async Task Registering_a_token_another_user_holds_leaves_it_theirs_until_their_binding_ends()
    {
        var tokens = await TestSigningKey.CreateAsync(host.Database);
        var owner = Guid.CreateVersion7();
        var other = Guid.CreateVersion7();
        var pushToken = $"tok-{Guid.NewGuid():N}";
        using var client = host.Factory.CreateClient();
        (await RegisterAsync(client, tokens.Issue(owner, "BUYER"), "phone", pushToken))["active"]!.GetValue<bool>().Should().BeTrue();

        var claimed = await RegisterAsync(client, tokens.Issue(other, "BUYER"), "copied", pushToken);

        claimed["active"]!.GetValue<bool>().Should().BeFalse("a copied token does not move to whoever registers it");
        (await ActiveAsync(owner)).Should().BeTrue("the owner's device keeps its pushes");

        // The owner signs out on that device: the token is free, and the next registration of it wins.
        (await client.QueryAsync(Unregister, new { d = "phone" }, tokens.Issue(owner, "BUYER")))["data"]!["deviceTokenUnregister"]!["removed"]!.GetValue<bool>().Should().BeTrue();
        (await RegisterAsync(client, tokens.Issue(other, "BUYER"), "copied", pushToken))["active"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public async Task A_binding_not_refreshed_for_thirty_days_gives_the_token_to_the_device_s_new_user()
    {
        var tokens = await TestSigningKey.CreateAsync(host.Database);
        var previous = Guid.CreateVersion7();
        var next = Guid.CreateVersion7();
        var pushToken = $"tok-{Guid.NewGuid():N}";
        using var client = host.Factory.CreateClient();
        await RegisterAsync(client, tokens.Issue(previous, "BUYER"), "tablet", pushToken);
        await host.QueryAsync("UPDATE notifications.device_tokens SET last_seen_at = now() - interval '31 days' WHERE user_id = @u RETURNING id", ("u", previous));

        var taken = await RegisterAsync(client, tokens.Issue(next, "BUYER"), "tablet", pushToken);

        taken["active"]!.GetValue<bool>().Should().BeTrue();
        (await ActiveAsync(previous)).Should().BeFalse();
    }

    private static async Task<JsonNode> RegisterAsync(HttpClient client, string token, string deviceId, string pushToken)
    {
        var body = await client.QueryAsync(Register, new { d = deviceId, t = pushToken }, token);
        return body["data"]?["deviceTokenRegister"]?["deviceToken"] ?? throw new InvalidOperationException(body.ToJsonString());
    }

    private async Task<bool> ActiveAsync(Guid user) =>
        (bool)(await host.QueryAsync("SELECT active FROM notifications.device_tokens WHERE user_id = @u", ("u", user))).Single()["active"]!;
}
