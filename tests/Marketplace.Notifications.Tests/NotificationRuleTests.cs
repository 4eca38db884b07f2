using Marketplace.Modules.Notifications.Domain;
using Marketplace.Modules.Notifications.Events;
using Marketplace.Modules.Users.Contracts.Events;

namespace Marketplace.Notifications.Tests;

/// <summary>The idempotency keys of event rules (docs/notifications.md, "How to add a notification for a new event").</summary>
public sealed class NotificationRuleTests
{
    [Fact]
    public void A_rule_without_an_occurrence_makes_one_notification_per_template_and_user()
    {
        var rule = new NotificationRule<BuyerRegistered>("buyer_welcome", [Channel.InApp], e => new Recipient(e.UserId, null, null), _ => new Dictionary<string, string>());
        var user = Guid.CreateVersion7();

        var first = rule.IdempotencyKey(new BuyerRegistered(user, DateTimeOffset.UtcNow));
        var again = rule.IdempotencyKey(new BuyerRegistered(user, DateTimeOffset.UtcNow.AddDays(1)));

        first.Should().Be($"buyer_welcome:{user:N}").And.Be(again);
    }

    [Fact]
    public void A_rule_with_an_occurrence_makes_one_notification_per_occurrence()
    {
        var rule = new NotificationRule<BuyerRegistered>(
            "buyer_welcome", [Channel.InApp], e => new Recipient(e.UserId, null, null), _ => new Dictionary<string, string>(), e => e.RegisteredAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        var user = Guid.CreateVersion7();
        var at = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);

        var first = rule.IdempotencyKey(new BuyerRegistered(user, at));
        var copy = rule.IdempotencyKey(new BuyerRegistered(user, at));
        var other = rule.IdempotencyKey(new BuyerRegistered(user, at.AddSeconds(1)));

        first.Should().Be($"buyer_welcome:{user:N}:1800000000").And.Be(copy);
        other.Should().NotBe(first);
    }

    [Theory]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36", "Chrome on Linux")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36 Edg/130.0", "Edge on Windows")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1", "Safari on iOS")]
    [InlineData("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36", "Chrome on Android")]
    [InlineData("curl/8.5.0", "curl")]
    [InlineData("Hello, this is your bank: call +1 555 0100", "Hello")]
    [InlineData("  ", "an unnamed device")]
    [InlineData(null, "an unnamed device")]
    public void A_sign_in_names_its_device_without_quoting_what_the_client_sent(string? userAgent, string expected) =>
        DeviceNames.Describe(userAgent).Should().Be(expected);
}
