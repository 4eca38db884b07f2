using Grpc.Core;
using Marketplace.Modules.Notifications.Contracts;
using Marketplace.Modules.Notifications.Contracts.V1;
using Marketplace.Notifications.Tests.Support;
using Marketplace.Shared.Contracts;
using Marketplace.Testing;

namespace Marketplace.Notifications.Tests;

[Collection(NotificationsCollection.Name)]
public sealed class TransactionalEmailTests(NotificationsHost host)
{
    [Fact]
    public async Task SendTransactionalEmail_delivers_the_verification_email_with_its_link_once_per_idempotency_key()
    {
        var to = NotificationsHost.UniqueEmail("seller");
        var link = $"https://marketplace.test/verify?token={Guid.NewGuid():N}";
        var request = new SendTransactionalEmailRequest
        {
            Template = TransactionalTemplates.SellerEmailVerification,
            RecipientEmail = to,
            RecipientUserId = Guid.CreateVersion7().ToString(),
            Locale = "en-GB",
            IdempotencyKey = "verify-" + Guid.NewGuid(),
            Data = { ["displayName"] = "Ada <Shop>", ["verificationUrl"] = link },
        };

        var first = await NotificationsHost.AsAsync(Caller.Service("Users"), async () => await host.Delivery.SendTransactionalEmailAsync(request));
        var retry = await NotificationsHost.AsAsync(Caller.Service("Users"), async () => await host.Delivery.SendTransactionalEmailAsync(request));

        retry.NotificationId.Should().Be(first.NotificationId);
        var mail = await NotificationsHost.UntilAsync(() => host.Mail.MessagesToAsync(to), m => m.Count > 0, "the verification email in maildev");
        var deliveries = await NotificationsHost.UntilAsync(() => host.DeliveriesToAsync(to), d => d.Count > 0 && d.All(r => (string)r["state"]! == "Sent"), "delivery logged as sent");
        (await host.Mail.MessagesToAsync(to)).Should().ContainSingle();
        var message = mail[0];
        message["subject"]!.GetValue<string>().Should().Be("Confirm your email address");
        message["text"]!.GetValue<string>().Should().Contain(link);
        message["html"]!.GetValue<string>().Should().Contain(link.Replace("&", "&amp;", StringComparison.Ordinal)).And.Contain("Ada &lt;Shop&gt;");
        message["from"]![0]!["address"]!.GetValue<string>().Should().Be("no-reply@marketplace.test");
        message["replyTo"]?.ToJsonString().Should().Contain("support@marketplace.test");
        message["headers"]!["list-unsubscribe"].Should().BeNull("account mail is essential: no unsubscribe");
        deliveries.Should().ContainSingle().Which["attempts"].Should().Be(1);
        // The secret link was needed only to send: it is purged once the delivery is done.
        await Eventually.AssertAsync(async () => await host.CountAsync(
            "SELECT count(*) FROM notifications.notifications WHERE id = @id AND data_json IS NULL", ("id", Guid.Parse(first.NotificationId))) == 1, NotificationsHost.Patience, "data purged");
    }

    [Fact]
    public async Task Concurrent_retries_with_one_idempotency_key_get_one_notification_and_one_email()
    {
        var to = NotificationsHost.UniqueEmail("race");
        var request = new SendTransactionalEmailRequest
        {
            Template = TransactionalTemplates.EmailChangeVerification,
            RecipientEmail = to,
            IdempotencyKey = "change-" + Guid.NewGuid(),
            Data = { ["displayName"] = "Rae", ["verificationUrl"] = "https://marketplace.test/verify-change?t=" + Guid.NewGuid().ToString("N") },
        };

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ =>
            NotificationsHost.AsAsync(Caller.Service("Users"), async () => await host.Delivery.SendTransactionalEmailAsync(request))));

        responses.Select(r => r.NotificationId).Distinct().Should().ContainSingle();
        await NotificationsHost.UntilAsync(() => host.DeliveriesToAsync(to), d => d.Count == 1 && (string)d[0]["state"]! == "Sent", "sent");
        (await host.Mail.MessagesToAsync(to)).Should().ContainSingle();
    }

    // Callers are checked with CallerRequirements (issue 13): a signed-in user (even an administrator) is PermissionDenied
    // SERVICES_ONLY (was SERVICE_CALLERS_ONLY), an anonymous caller Unauthenticated SIGN_IN_REQUIRED (was PermissionDenied).
    [Theory]
    [InlineData(CallerKind.User, StatusCode.PermissionDenied, CommonErrorCodes.ServicesOnly)]
    [InlineData(CallerKind.Anonymous, StatusCode.Unauthenticated, CommonErrorCodes.SignInRequired)]
    public async Task SendTransactionalEmail_refuses_callers_that_are_not_modules(CallerKind kind, StatusCode status, string reason)
    {
        var caller = kind == CallerKind.User ? Caller.User(Guid.CreateVersion7().ToString(), [Roles.Admin]) : Caller.Anonymous;
        var to = NotificationsHost.UniqueEmail("victim");
        var act = () => NotificationsHost.AsAsync(caller, async () => await host.Delivery.SendTransactionalEmailAsync(new SendTransactionalEmailRequest
        {
            Template = TransactionalTemplates.PasswordReset,
            RecipientEmail = to,
            IdempotencyKey = Guid.NewGuid().ToString(),
            Data = { ["displayName"] = "x", ["resetUrl"] = "https://evil.test" },
        }));

        var error = (await act.Should().ThrowAsync<RpcException>()).Which;
        error.StatusCode.Should().Be(status);
        error.Reason().Should().Be(reason);
        (await host.CountAsync("SELECT count(*) FROM notifications.notifications WHERE recipient_email = @r", ("r", to))).Should().Be(0);
    }

    [Fact]
    public async Task SendTransactionalEmail_names_each_invalid_field()
    {
        var act = () => NotificationsHost.AsAsync(Caller.Service("Users"), async () => await host.Delivery.SendTransactionalEmailAsync(new SendTransactionalEmailRequest
        {
            Template = "no_such_template",
            RecipientEmail = "not-an-address",
        }));

        var error = (await act.Should().ThrowAsync<RpcException>()).Which;
        error.StatusCode.Should().Be(StatusCode.InvalidArgument);
        error.FieldViolations().Select(v => v.Field).Should().Contain(["template", "recipientEmail", "idempotencyKey"]);
    }

    [Fact]
    public async Task SendTransactionalEmail_reports_every_fault_with_its_code_and_sends_nothing()
    {
        var to = NotificationsHost.UniqueEmail("faults");
        var act = () => NotificationsHost.AsAsync(Caller.Service("Users"), async () => await host.Delivery.SendTransactionalEmailAsync(new SendTransactionalEmailRequest
        {
            Template = TransactionalTemplates.PasswordReset,
            RecipientEmail = to,
            RecipientUserId = "not-a-user-id",
            IdempotencyKey = new string('k', 151),
            Data = { ["displayName"] = "Kim" },
        }));

        var error = (await act.Should().ThrowAsync<RpcException>()).Which;

        error.Reason().Should().Be(CommonErrorCodes.InvalidInput);
        error.FieldViolations().Select(v => (v.Field, v.Code)).Should().BeEquivalentTo(new[]
        {
            ("recipientUserId", CommonErrorCodes.InvalidId),
            ("idempotencyKey", CommonErrorCodes.TooLong),
            ("data.resetUrl", CommonErrorCodes.Required),
        });
        (await host.CountAsync("SELECT count(*) FROM notifications.notifications WHERE recipient_email = @r", ("r", to))).Should().Be(0);
    }
}
