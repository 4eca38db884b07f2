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
}
