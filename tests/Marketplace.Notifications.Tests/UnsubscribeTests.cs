using System.Net;
using System.Security.Cryptography;
using System.Text;
using Marketplace.Modules.Notifications.Contracts.V1;
using Marketplace.Modules.Notifications.Domain;
using Marketplace.Modules.Notifications.Sending;
using Marketplace.Notifications.Tests.Support;
using Marketplace.Shared.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Marketplace.Notifications.Tests;

[Collection(NotificationsCollection.Name)]
public sealed class UnsubscribeTests(NotificationsHost host)
{
    [Fact]
    public async Task A_one_click_unsubscribe_link_switches_that_category_off_and_a_forged_one_does_nothing()
    {
        var user = Guid.CreateVersion7();
        var link = new Uri(await host.UnsubscribeLinkAsync(user, Channel.Email, Category.Orders));
        using var client = host.Factory.CreateClient();
        var forged = link.PathAndQuery.Replace("c=Orders", "c=FollowedStores", StringComparison.Ordinal);

        var shown = await client.GetAsync(link.PathAndQuery);
        var rejected = await client.PostAsync(forged, new FormUrlEncodedContent([KeyValuePair.Create("List-Unsubscribe", "One-Click")]));
        var done = await client.PostAsync(link.PathAndQuery, new FormUrlEncodedContent([KeyValuePair.Create("List-Unsubscribe", "One-Click")]));

        shown.StatusCode.Should().Be(HttpStatusCode.OK, "GET only shows a button: link scanners must not unsubscribe");
        rejected.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        done.StatusCode.Should().Be(HttpStatusCode.OK);
        var preferences = await NotificationsHost.AsAsync(Caller.User(user.ToString(), [Roles.Buyer]), async () => await host.Settings.GetPreferencesAsync(new GetPreferencesRequest()));
        preferences.Preferences.Single(p => p.Channel == "EMAIL" && p.Category == "ORDERS").Enabled.Should().BeFalse();
        preferences.Preferences.Single(p => p.Channel == "EMAIL" && p.Category == "FOLLOWED_STORES").Enabled.Should().BeTrue();
        preferences.Preferences.Single(p => p.Channel == "PUSH" && p.Category == "ORDERS").Enabled.Should().BeTrue();
    }
}

[Collection(NotificationsCollection.Name)]
public sealed class UnsubscribeKeyTests(NotificationsHost host)
{
    [Fact]
    public async Task Without_a_configured_key_links_are_signed_with_the_key_kept_in_the_schema_so_restarts_and_replicas_verify_them()
    {
        var user = Guid.CreateVersion7();
        var link = new Uri(await host.UnsubscribeLinkAsync(user, Channel.Email, Category.Orders));

        await using var connection = new NpgsqlConnection(host.Database);
        await connection.OpenAsync();
        await using var read = new NpgsqlCommand("SELECT value FROM notifications.module_keys WHERE name = 'unsubscribe-links'", connection);
        var stored = (byte[])(await read.ExecuteScalarAsync())!;

        var signature = System.Web.HttpUtility.ParseQueryString(link.Query)["s"];
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(stored, Encoding.UTF8.GetBytes($"{user:N}.Email.Orders")));
        stored.Should().HaveCount(32);
        signature.Should().Be(expected, "any process reading the stored key signs and verifies the same links");
    }
}

[Collection(NotificationsCollection.Name)]
public sealed class ListUnsubscribeHeaderTests(NotificationsHost host)
{
    [Fact]
    public async Task Non_essential_email_carries_List_Unsubscribe_with_a_one_click_link_that_works()
    {
        var user = Guid.CreateVersion7();
        var to = NotificationsHost.UniqueEmail("marketing");
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var templates = scope.ServiceProvider.GetRequiredService<Marketplace.Modules.Notifications.Templates.TemplateCatalog>();
        var sender = scope.ServiceProvider.GetServices<IChannelSender>().Single(s => s.Channel == Channel.Email);
        var notification = new Notification { Id = Guid.CreateVersion7(), UserId = user, RecipientEmail = to, Template = "buyer_welcome", Category = Category.Marketing, Locale = "en" };
        var delivery = new Delivery { Id = Guid.CreateVersion7(), NotificationId = notification.Id, Channel = Channel.Email };

        var result = await sender.SendAsync(new DeliveryWork(delivery, notification, templates.Definition("buyer_welcome"), new Dictionary<string, string>(), templates), CancellationToken.None);

        result.Outcome.Should().Be(SendOutcome.Sent);
        var mail = (await NotificationsHost.UntilAsync(() => host.Mail.MessagesToAsync(to), m => m.Count > 0, "the marketing email")).Single();
        var header = mail["headers"]!["list-unsubscribe"]!.GetValue<string>();
        mail["headers"]!["list-unsubscribe-post"]!.GetValue<string>().Should().Be("List-Unsubscribe=One-Click");
        header.Should().StartWith("<").And.EndWith(">").And.Contain("/notifications/unsubscribe?");
        var link = new Uri(header.Trim('<', '>'));
        using var client = host.Factory.CreateClient();
        (await client.PostAsync(link.PathAndQuery, new FormUrlEncodedContent([KeyValuePair.Create("List-Unsubscribe", "One-Click")]))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await host.CountAsync("SELECT count(*) FROM notifications.preferences WHERE user_id = @u AND channel = 'Email' AND category = 'Marketing' AND NOT enabled", ("u", user))).Should().Be(1);
    }
}
