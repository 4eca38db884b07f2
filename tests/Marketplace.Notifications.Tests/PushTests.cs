using Marketplace.Modules.Notifications.Contracts.V1;
using Marketplace.Modules.Users.Contracts.Events;
using Marketplace.Notifications.Tests.Support;
using Marketplace.Shared.Contracts;

namespace Marketplace.Notifications.Tests;

[Collection(NotificationsCollection.Name)]
public sealed class PushTests(NotificationsHost host)
{
    /// <summary>A buyer who opted in to marketing push, with one device per token.</summary>
    private async Task<Guid> BuyerWithDevicesAsync(params string[] deviceTokens)
    {
        var buyer = Guid.CreateVersion7();
        await NotificationsHost.AsAsync(Caller.User(buyer.ToString(), [Roles.Buyer]), async () =>
        {
            await host.Settings.UpdatePreferencesAsync(new UpdatePreferencesRequest
            {
                Preferences = { new Preference { Channel = "PUSH", Category = "MARKETING", Enabled = true } },
            });
            foreach (var token in deviceTokens)
                await host.Settings.RegisterDeviceTokenAsync(new RegisterDeviceTokenRequest { DeviceId = "device-" + token, Platform = "ANDROID", Token = token });
            return true;
        });
        return buyer;
    }

    private async Task<List<Dictionary<string, object?>>> PushDeliveryDoneAsync(Guid buyer)
    {
        const string Sql = "SELECT d.id, d.channel, d.state, d.attempts, d.last_error FROM notifications.deliveries d JOIN notifications.notifications n ON n.id = d.notification_id WHERE n.user_id = @u";
        try
        {
            return (await NotificationsHost.UntilAsync(
                () => host.QueryAsync(Sql, ("u", buyer)),
                rows => rows.Count(r => (string)r["channel"]! == "Push" && (string)r["state"]! is "Sent" or "Failed") == 1,
                "the push delivery finished")).Where(r => (string)r["channel"]! == "Push").ToList();
        }
        catch (TimeoutException exception)
        {
            var rows = await host.QueryAsync(Sql, ("u", buyer));
            throw new TimeoutException($"{exception.Message}; deliveries: {string.Join(" | ", rows.Select(r => string.Join(",", r.Select(kv => $"{kv.Key}={kv.Value}"))))}", exception);
        }
    }

    [Fact]
    public async Task An_event_delivered_twice_pushes_once_to_each_device_even_when_the_job_is_retried()
    {
        string[] tokens = [$"ok-{Guid.NewGuid():N}", $"ok-{Guid.NewGuid():N}"];
        var buyer = await BuyerWithDevicesAsync(tokens);

        await host.PublishAsync(new BuyerRegistered(buyer, DateTimeOffset.UtcNow), Guid.CreateVersion7());
        await host.PublishAsync(new BuyerRegistered(buyer, DateTimeOffset.UtcNow), Guid.CreateVersion7());
        var delivery = (await PushDeliveryDoneAsync(buyer)).Single();
        await host.RunDeliveryJobAsync((Guid)delivery["id"]!);

        delivery["state"].Should().Be("Sent");
        foreach (var token in tokens)
        {
            var request = host.Fcm.RequestsFor(token).Should().ContainSingle().Subject;
            request.Message["notification"]!["title"]!.GetValue<string>().Should().Be("Welcome to Marketplace");
            request.Message["data"]!["kind"]!.GetValue<string>().Should().Be("buyer_welcome");
        }
    }

    [Fact]
    public async Task A_dead_or_invalid_token_is_deactivated_and_the_live_one_still_gets_the_push()
    {
        var dead = $"dead-{Guid.NewGuid():N}";
        var invalid = $"invalid-{Guid.NewGuid():N}";
        var live = $"ok-{Guid.NewGuid():N}";
        var buyer = await BuyerWithDevicesAsync(dead, invalid, live);

        await host.PublishAsync(new BuyerRegistered(buyer, DateTimeOffset.UtcNow), Guid.CreateVersion7());
        (await PushDeliveryDoneAsync(buyer)).Single()["state"].Should().Be("Sent");

        var devices = await host.QueryAsync("SELECT token, active, invalid_reason FROM notifications.device_tokens WHERE user_id = @u", ("u", buyer));
        devices.Single(d => (string)d["token"]! == dead)["invalid_reason"].Should().Be("UNREGISTERED");
        devices.Single(d => (string)d["token"]! == invalid)["invalid_reason"].Should().Be("INVALID_ARGUMENT");
        devices.Where(d => (string)d["token"]! != live).Should().OnlyContain(d => (bool)d["active"]! == false);
        devices.Single(d => (string)d["token"]! == live)["active"].Should().Be(true);
        host.Fcm.RequestsFor(live).Should().ContainSingle();
    }

    [Theory]
    [InlineData("busy", 429)]
    [InlineData("flaky", 503)]
    public async Task Throttled_or_unavailable_FCM_is_retried_until_the_push_is_sent(string prefix, int firstStatus)
    {
        var token = $"{prefix}-{Guid.NewGuid():N}";
        var buyer = await BuyerWithDevicesAsync(token);

        await host.PublishAsync(new BuyerRegistered(buyer, DateTimeOffset.UtcNow), Guid.CreateVersion7());
        (await PushDeliveryDoneAsync(buyer)).Single()["state"].Should().Be("Sent");

        host.Fcm.RequestsFor(token).Select(r => r.Status).Should().Equal(firstStatus, 200);
    }
}
