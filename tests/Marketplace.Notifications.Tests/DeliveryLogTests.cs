using System.Net;
using System.Net.Sockets;
using Marketplace.Modules.Notifications.Contracts;
using Marketplace.Modules.Notifications.Domain;
using Marketplace.Modules.Notifications.Email;
using Marketplace.Modules.Notifications.Persistence;
using Marketplace.Modules.Notifications.Sending;
using Marketplace.Modules.Notifications.Templates;
using Marketplace.Notifications.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Marketplace.Notifications.Tests;

[Collection(NotificationsCollection.Name)]
public sealed class DeliveryLogTests(NotificationsHost host)
{
    [Fact]
    public async Task An_unreachable_SMTP_server_is_retried_then_logged_failed_with_reason_and_attempts()
    {
        // An SMTP "server" that hangs up on every connection: a transient failure, every time.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var hangUp = new CancellationTokenSource();
        var hangingUp = Task.Run(async () =>
        {
            while (!hangUp.IsCancellationRequested)
            {
                using var connection = await listener.AcceptTcpClientAsync(hangUp.Token);
                connection.Client.Close();
            }
        });
        var to = NotificationsHost.UniqueEmail("unreachable");
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<NotificationsDbContext>();
        // Planned and saved without enqueueing, so only the job runs below touch it.
        var (notification, deliveries) = await services.GetRequiredService<NotificationService>().PlanAsync(
            new NotificationRequest(TransactionalTemplates.PasswordReset, null, to, "en",
                new Dictionary<string, string> { ["displayName"] = "Kim", ["resetUrl"] = "https://marketplace.test/reset?t=secret" },
                "test:" + Guid.NewGuid(), [Channel.Email]),
            CancellationToken.None);
        await db.SaveChangesAsync();
        var email = new EmailSender(
            new EmailOptions { Host = "127.0.0.1", Port = ((IPEndPoint)listener.LocalEndpoint).Port, Security = SmtpSecurity.None, Timeout = TimeSpan.FromSeconds(5) },
            services.GetRequiredService<UnsubscribeLinks>(),
            db);
        var job = new DeliveryJob(db, services.GetRequiredService<TemplateCatalog>(), [email], new NotificationsOptions { MaxAttempts = 3 }, TimeProvider.System, NullLogger<DeliveryJob>.Instance);
        var deliveryId = deliveries.Single().Id;

        var first = () => job.RunAsync(deliveryId);
        await first.Should().ThrowAsync<DeliveryRetryException>("Hangfire retries it with exponential backoff");
        var afterFirst = (await host.DeliveriesToAsync(to)).Single();
        await first.Should().ThrowAsync<DeliveryRetryException>();
        await job.RunAsync(deliveryId); // the last attempt gives up: nothing left to retry

        afterFirst["state"].Should().Be("Retrying");
        afterFirst["attempts"].Should().Be(1);
        var logged = (await host.DeliveriesToAsync(to)).Single();
        logged["state"].Should().Be("Failed");
        logged["attempts"].Should().Be(3);
        ((string)logged["last_error"]!).Should().StartWith("SMTP: ");
        logged["data_json"].Should().BeNull("a failed delivery no longer needs the secret link");
        (await host.Mail.MessagesToAsync(to)).Should().BeEmpty();
        await hangUp.CancelAsync();
        await hangingUp.ContinueWith(_ => { }, TaskScheduler.Default);
        notification.Id.Should().NotBeEmpty();
    }
}
