using Marketplace.Modules.Notifications.Contracts.V1;
using Marketplace.Modules.Users.Contracts.Events;
using Marketplace.Notifications.Tests.Support;
using Marketplace.Shared.Contracts;

namespace Marketplace.Notifications.Tests;

[Collection(NotificationsCollection.Name)]
public sealed class EventNotificationTests(NotificationsHost host)
{
    [Fact]
    public async Task SellerEmailVerified_delivered_twice_sends_exactly_one_welcome_email()
    {
        var sellerId = Guid.CreateVersion7();
        var to = NotificationsHost.UniqueEmail("welcome");
        var verified = new SellerEmailVerified(sellerId, to, "Grace's Groceries", DateTimeOffset.UtcNow);
        var firstId = Guid.CreateVersion7();
        var copyId = Guid.CreateVersion7();

        await host.PublishAsync(verified, firstId);
        await host.PublishAsync(verified, firstId);  // a relay re-publish: same message id
        await host.PublishAsync(verified, copyId);   // the same fact again under another id (past the duplicate window)

        await NotificationsHost.UntilAsync(
            () => host.QueryAsync("SELECT event_id FROM notifications.inbox_messages WHERE event_id = ANY(@ids)", ("ids", new[] { firstId, copyId })),
            rows => rows.Count == 2, "both copies handled by the consumer");
        var deliveries = await NotificationsHost.UntilAsync(() => host.DeliveriesToAsync(to), d => d.Count == 2 && d.All(r => (string)r["state"]! == "Sent"), "email and in-app delivered");
        var mail = await NotificationsHost.UntilAsync(() => host.Mail.MessagesToAsync(to), m => m.Count > 0, "the welcome email in maildev");

        mail.Should().ContainSingle().Which["subject"]!.GetValue<string>().Should().Be("Welcome to Marketplace, Grace's Groceries");
        deliveries.Select(d => (string)d["channel"]!).Should().BeEquivalentTo(["Email", "InApp"]);
        var feed = await NotificationsHost.AsAsync(Caller.User(sellerId.ToString(), [Roles.Seller]), async () => await host.Inbox.ListFeedAsync(new ListFeedRequest()));
        feed.Items.Should().ContainSingle().Which.Template.Should().Be("seller_welcome");
        feed.UnreadCount.Should().Be(1);
    }

    [Fact]
    public async Task A_retried_or_duplicated_delivery_job_never_sends_twice()
    {
        var to = NotificationsHost.UniqueEmail("retry");
        var sent = await NotificationsHost.AsAsync(Caller.Service("Users"), async () => await host.Delivery.SendTransactionalEmailAsync(new SendTransactionalEmailRequest
        {
            Template = Marketplace.Modules.Notifications.Contracts.TransactionalTemplates.PasswordReset,
            RecipientEmail = to,
            IdempotencyKey = Guid.NewGuid().ToString(),
            Data = { ["displayName"] = "Lin", ["resetUrl"] = "https://marketplace.test/reset?t=" + Guid.NewGuid().ToString("N") },
        }));
        var deliveryId = (Guid)(await NotificationsHost.UntilAsync(() => host.DeliveriesToAsync(to), d => d.Count == 1, "delivery row"))[0]["id"]!;

        // The enqueued job races two more runs of the same job (a Hangfire retry, a duplicate): one claim wins.
        await Task.WhenAll(host.RunDeliveryJobAsync(deliveryId), host.RunDeliveryJobAsync(deliveryId));
        await NotificationsHost.UntilAsync(() => host.DeliveriesToAsync(to), d => (string)d[0]["state"]! == "Sent", "sent");
        await host.RunDeliveryJobAsync(deliveryId); // and a retry after it was sent

        (await host.Mail.MessagesToAsync(to)).Should().ContainSingle();
        (await host.DeliveriesToAsync(to)).Should().ContainSingle().Which["attempts"].Should().Be(1);
        sent.NotificationId.Should().NotBeEmpty();
    }

    [Fact]
    public async Task BuyerRegistered_welcomes_only_buyers_who_opted_in_to_marketing()
    {
        var optedIn = Guid.CreateVersion7();
        var silent = Guid.CreateVersion7();
        await NotificationsHost.AsAsync(Caller.User(optedIn.ToString(), [Roles.Buyer]), async () => await host.Settings.UpdatePreferencesAsync(new UpdatePreferencesRequest
        {
            Preferences = { new Preference { Channel = "IN_APP", Category = "MARKETING", Enabled = true } },
        }));
        var optedInEvent = Guid.CreateVersion7();
        var silentEvent = Guid.CreateVersion7();

        await host.PublishAsync(new BuyerRegistered(optedIn, DateTimeOffset.UtcNow), optedInEvent);
        await host.PublishAsync(new BuyerRegistered(silent, DateTimeOffset.UtcNow), silentEvent);

        await NotificationsHost.UntilAsync(
            () => host.QueryAsync("SELECT event_id FROM notifications.inbox_messages WHERE event_id = ANY(@ids)", ("ids", new[] { optedInEvent, silentEvent })),
            rows => rows.Count == 2, "both events handled");
        var welcomed = await NotificationsHost.AsAsync(Caller.User(optedIn.ToString(), [Roles.Buyer]), async () => await host.Inbox.ListFeedAsync(new ListFeedRequest()));
        var ignored = await NotificationsHost.AsAsync(Caller.User(silent.ToString(), [Roles.Buyer]), async () => await host.Inbox.ListFeedAsync(new ListFeedRequest()));
        welcomed.Items.Should().ContainSingle().Which.Title.Should().Be("Welcome to Marketplace");
        ignored.Items.Should().BeEmpty("marketing is off until the buyer opts in");
        (await host.DeliveriesToAsync(silent.ToString())).Should().BeEmpty();
    }

    [Fact]
    public async Task A_sign_in_after_the_first_tells_the_owner_once_without_quoting_the_client()
    {
        var userId = Guid.CreateVersion7();
        var first = new UserSignedIn(userId, Guid.CreateVersion7(), SignInMethods.SmsCode, "Mozilla/5.0 (Linux; Android 14) Chrome/130.0 Mobile Safari/537.36", FirstSession: true, DateTimeOffset.UtcNow);
        // The User-Agent is the signing-in client's to choose: nothing of it but known names reaches the owner.
        var later = new UserSignedIn(userId, Guid.CreateVersion7(), SignInMethods.SmsCode, "EvilApp/1.0 (Call +1 555 0100 to keep your account)", FirstSession: false, DateTimeOffset.UtcNow);
        var ids = new[] { Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7() };

        await host.PublishAsync(first, ids[0]);
        await host.PublishAsync(later, ids[1]);
        await host.PublishAsync(later, ids[2]); // the same fact again under another id

        await NotificationsHost.UntilAsync(
            () => host.QueryAsync("SELECT event_id FROM notifications.inbox_messages WHERE event_id = ANY(@ids)", ("ids", ids)),
            rows => rows.Count == 3, "every event handled");
        var feed = await NotificationsHost.AsAsync(Caller.User(userId.ToString(), [Roles.Buyer]), async () => await host.Inbox.ListFeedAsync(new ListFeedRequest()));
        var notice = feed.Items.Should().ContainSingle("the account's first session is no news; the later one is told once").Subject;
        notice.Template.Should().Be("new_sign_in");
        notice.Category.Should().Be("ACCOUNT");
        notice.Title.Should().Be("New sign-in to your account");
        notice.Body.Should().StartWith("Your account was signed in with a code texted to your phone on EvilApp.").And.NotContain("555");
    }
}
