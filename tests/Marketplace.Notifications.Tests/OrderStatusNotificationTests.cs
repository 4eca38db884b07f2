using Marketplace.Modules.Notifications.Contracts.V1;
using Marketplace.Modules.Ordering.Contracts.Events;
using Marketplace.Notifications.Tests.Support;
using Marketplace.Shared.Contracts;

namespace Marketplace.Notifications.Tests;

/// <summary>
/// order_status_changed.v1 → the buyer hears of every step that concerns them, the seller of an order taken away from
/// them; in-app and push, under the ORDERS preference; once per transition however often the event arrives.
/// </summary>
[Collection(NotificationsCollection.Name)]
public sealed class OrderStatusNotificationTests(NotificationsHost host)
{
    [Theory]
    [InlineData("PLACED", "ACCEPTED", "SELLER", "order_accepted", null)]
    [InlineData("ACCEPTED", "READY_FOR_PICKUP", "SELLER", "order_ready_for_pickup", null)]
    [InlineData("ACCEPTED", "OUT_FOR_DELIVERY", "SELLER", "order_out_for_delivery", null)]
    [InlineData("OUT_FOR_DELIVERY", "DELIVERED", "SELLER", "order_delivered", null)]
    [InlineData("READY_FOR_PICKUP", "PICKED_UP", "SELLER", "order_picked_up", null)]
    [InlineData("PLACED", "REJECTED", "SELLER", "order_rejected", null)]
    [InlineData("PLACED", "EXPIRED", "SYSTEM", "order_expired", null)]
    [InlineData("DELIVERED", "CANCELLED", "ADMIN", "order_cancelled_by_marketplace", "order_cancelled_seller")]
    [InlineData("PLACED", "CANCELLED", "BUYER", null, "order_cancelled_seller")]
    [InlineData("DELIVERED", "COMPLETED", "SYSTEM", null, null)]
    public async Task Each_transition_notifies_the_right_people_once_despite_copies(string from, string to, string actor, string? buyerTemplate, string? sellerTemplate)
    {
        var (buyerId, sellerId) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var changed = Change(buyerId, sellerId, from, to, actor, sequence: 3, reason: to is "REJECTED" or "CANCELLED" ? "Out of flour" : "");
        var ids = new[] { Guid.CreateVersion7(), Guid.CreateVersion7() };

        await host.PublishAsync(changed, ids[0]);
        await host.PublishAsync(changed, ids[0]); // a relay re-publish: same message id
        await host.PublishAsync(changed, ids[1]); // the same transition again under another id

        await HandledAsync(ids);
        var buyerFeed = await FeedAsync(buyerId, Roles.Buyer, buyerTemplate is null ? 0 : 1);
        var sellerFeed = await FeedAsync(sellerId, Roles.Seller, sellerTemplate is null ? 0 : 1);
        buyerFeed.Select(i => i.Template).Should().BeEquivalentTo(buyerTemplate is null ? [] : new[] { buyerTemplate });
        sellerFeed.Select(i => i.Template).Should().BeEquivalentTo(sellerTemplate is null ? [] : new[] { sellerTemplate });
        foreach (var item in buyerFeed.Concat(sellerFeed))
        {
            item.Category.Should().Be("ORDERS");
            item.Title.Should().Contain(changed.Number);
        }

        // In-app and push (the FCM stand-in is configured), nothing by email: the event carries no address.
        if (buyerTemplate is not null)
            (await host.DeliveriesToAsync(buyerId.ToString())).Select(d => (string)d["channel"]!).Should().BeEquivalentTo(["InApp", "Push"]);
        if (sellerTemplate is not null)
            (await host.DeliveriesToAsync(sellerId.ToString())).Select(d => (string)d["channel"]!).Should().BeEquivalentTo(["InApp", "Push"]);
    }

    [Fact]
    public async Task Texts_name_the_order_the_store_and_the_reason()
    {
        var (buyerId, sellerId) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var rejected = Change(buyerId, sellerId, "PLACED", "REJECTED", "SELLER", sequence: 2, reason: "Closed for a family emergency");
        var cancelled = Change(Guid.CreateVersion7(), sellerId, "PLACED", "CANCELLED", "BUYER", sequence: 2, reason: "");
        var ids = new[] { Guid.CreateVersion7(), Guid.CreateVersion7() };

        await host.PublishAsync(rejected, ids[0]);
        await host.PublishAsync(cancelled, ids[1]);

        await HandledAsync(ids);
        var toBuyer = (await FeedAsync(buyerId, Roles.Buyer, 1)).Single();
        toBuyer.Title.Should().Be($"Order {rejected.Number} declined by Corner Bakery");
        toBuyer.Body.Should().Be($"Corner Bakery could not take your order {rejected.Number}. Reason: Closed for a family emergency. Nothing is charged.");
        var toSeller = (await FeedAsync(sellerId, Roles.Seller, 1)).Single();
        toSeller.Title.Should().Be($"Order {cancelled.Number} cancelled by the buyer");
        toSeller.Body.Should().Be($"Order {cancelled.Number} (12.50 EUR) at Corner Bakery was cancelled by the buyer. Do not prepare it; its stock is back on sale.");
    }

    [Fact]
    public async Task Successive_transitions_of_one_order_each_notify_once_and_preferences_are_respected()
    {
        var buyerId = Guid.CreateVersion7();
        var quietBuyerId = Guid.CreateVersion7();
        var sellerId = Guid.CreateVersion7();
        // The quiet buyer switched order push off: in-app only.
        await NotificationsHost.AsAsync(Caller.User(quietBuyerId.ToString(), [Roles.Buyer]), async () => await host.Settings.UpdatePreferencesAsync(new UpdatePreferencesRequest
        {
            Preferences = { new Preference { Channel = "PUSH", Category = "ORDERS", Enabled = false }, new Preference { Channel = "IN_APP", Category = "ORDERS", Enabled = false } },
        }));
        var steps = new[] { ("PLACED", "ACCEPTED"), ("ACCEPTED", "OUT_FOR_DELIVERY"), ("OUT_FOR_DELIVERY", "DELIVERED") };
        var ids = new List<Guid>();
        var order = Guid.CreateVersion7();
        for (var i = steps.Length - 1; i >= 0; i--)
        {
            foreach (var buyer in new[] { buyerId, quietBuyerId })
            {
                var changed = Change(buyer, sellerId, steps[i].Item1, steps[i].Item2, "SELLER", sequence: i + 2, orderId: buyer == buyerId ? order : null);
                // Out of order and twice each (consumers must not assume they see an order's transitions in order).
                foreach (var copy in new[] { Guid.CreateVersion7(), Guid.CreateVersion7() })
                {
                    ids.Add(copy);
                    await host.PublishAsync(changed, copy);
                }
            }
        }

        await HandledAsync(ids);
        (await FeedAsync(buyerId, Roles.Buyer, 3)).Select(i => i.Template).Should().BeEquivalentTo(["order_accepted", "order_out_for_delivery", "order_delivered"]);
        (await FeedAsync(quietBuyerId, Roles.Buyer, 0)).Should().BeEmpty("the buyer switched ORDERS off on both channels");
        (await host.DeliveriesToAsync(quietBuyerId.ToString())).Should().BeEmpty();
        (await FeedAsync(sellerId, Roles.Seller, 0)).Should().BeEmpty("a seller is not told of their own steps");
        (await host.CountAsync("SELECT count(*) FROM notifications.notifications WHERE user_id = @u", ("u", buyerId))).Should().Be(3);
    }

    private static OrderStatusChanged Change(Guid buyerId, Guid sellerId, string from, string to, string actor, int sequence, string reason = "", Guid? orderId = null) => new(
        orderId ?? Guid.CreateVersion7(),
        Guid.CreateVersion7(),
        $"MP-{Random.Shared.Next(10_000, 99_999)}-1",
        buyerId,
        Guid.CreateVersion7(),
        sellerId,
        "Corner Bakery",
        from,
        to,
        sequence,
        "PAY_ON_DELIVERY",
        to is "DELIVERED" or "PICKED_UP" ? "PAID" : "PENDING",
        to == "READY_FOR_PICKUP" || to == "PICKED_UP" ? "PICKUP" : "DELIVERY",
        "EUR",
        "12.50",
        actor,
        actor == "SYSTEM" ? null : Guid.CreateVersion7(),
        reason,
        DateTimeOffset.UtcNow);

    private Task HandledAsync(IReadOnlyCollection<Guid> ids) => NotificationsHost.UntilAsync(
        () => host.QueryAsync("SELECT event_id FROM notifications.inbox_messages WHERE event_id = ANY(@ids)", ("ids", ids.ToArray())),
        rows => rows.Count == ids.Count, "every copy handled by the consumer");

    private async Task<IReadOnlyList<FeedItem>> FeedAsync(Guid userId, string role, int expected)
    {
        // Rows commit with the inbox row, so once the events are handled the feed is complete: no waiting for deliveries.
        var feed = await NotificationsHost.AsAsync(Caller.User(userId.ToString(), [role]), async () => await host.Inbox.ListFeedAsync(new ListFeedRequest()));
        feed.Items.Should().HaveCount(expected, string.Join(", ", feed.Items.Select(i => i.Template)));
        return feed.Items;
    }

}
