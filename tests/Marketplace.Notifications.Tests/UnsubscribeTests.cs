using System.Net;
using Marketplace.Modules.Notifications.Contracts.V1;
using Marketplace.Modules.Notifications.Domain;
using Marketplace.Modules.Notifications.Sending;
using Marketplace.Notifications.Tests.Support;
using Marketplace.Shared.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Notifications.Tests;

[Collection(NotificationsCollection.Name)]
public sealed class UnsubscribeTests(NotificationsHost host)
{
    [Fact]
    public async Task A_one_click_unsubscribe_link_switches_that_category_off_and_a_forged_one_does_nothing()
    {
        var user = Guid.CreateVersion7();
        var links = host.Factory.Services.GetRequiredService<UnsubscribeLinks>();
        var link = new Uri(links.Create(user, Channel.Email, Category.Orders));
        using var client = host.Factory.CreateClient();
        var forged = link.PathAndQuery.Replace("c=Orders", "c=FollowedStores", StringComparison.Ordinal);

        var shown = await client.GetAsync(link.PathAndQuery);
        var rejected = await client.PostAsync(forged, new FormUrlEncodedContent([KeyValuePair.Create("List-Unsubscribe", "One-Click")]));
        var done = await client.PostAsync(link.PathAndQuery, new FormUrlEncodedContent([KeyValuePair.Create("List-Unsubscribe", "One-Click")]));

        shown.StatusCode.Should().Be(HttpStatusCode.OK, "GET only shows a button: link scanners must not unsubscribe");
        rejected.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        done.StatusCode.Should().Be(HttpStatusCode.OK);
        var preferences = await NotificationsHost.AsAsync(Caller.User(user.ToString(), [Roles.Buyer]), async () => await host.UserContract.GetPreferencesAsync(new GetPreferencesRequest()));
        preferences.Preferences.Single(p => p.Channel == "EMAIL" && p.Category == "ORDERS").Enabled.Should().BeFalse();
        preferences.Preferences.Single(p => p.Channel == "EMAIL" && p.Category == "FOLLOWED_STORES").Enabled.Should().BeTrue();
        preferences.Preferences.Single(p => p.Channel == "PUSH" && p.Category == "ORDERS").Enabled.Should().BeTrue();
    }
}
