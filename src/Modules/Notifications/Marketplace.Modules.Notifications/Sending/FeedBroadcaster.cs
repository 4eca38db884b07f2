using System.Runtime.CompilerServices;
using Marketplace.Modules.Notifications.Contracts.V1;
using Marketplace.Modules.Notifications.Domain;
using Marketplace.Shared.Events;
using NATS.Client.Core;

namespace Marketplace.Modules.Notifications.Sending;

/// <summary>
/// Live feed: after a feed entry commits, its item is published on the NATS core subject
/// <c>[prefix.]live.notifications.feed.&lt;userId&gt;</c> (outside the JetStream streams, so nothing is stored), and every
/// replica's <c>WatchFeed</c> calls for that user receive it. At most once: a subscriber that was offline catches up
/// by listing the feed, which is the source of truth.
/// </summary>
internal sealed class FeedBroadcaster(INatsConnection nats, Microsoft.Extensions.Options.IOptions<EventBackboneOptions> events)
{
    public void Publish(Notification notification)
    {
        if (!notification.InFeed || notification.UserId is not { } userId)
            return;
        var item = FeedMapping.ToItem(notification);
        // Fire and forget: the entry is stored; a lost live signal only delays the client until its next list.
        _ = nats.PublishAsync(SubjectOf(userId), Google.Protobuf.JsonFormatter.Default.Format(item)).AsTask();
    }

    public async IAsyncEnumerable<FeedItem> WatchAsync(Guid userId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var message in nats.SubscribeAsync<string>(SubjectOf(userId), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (message.Data is { } json)
                yield return FeedItem.Parser.ParseJson(json);
        }
    }

    private string SubjectOf(Guid userId) => EventSubjects.OnWire($"live.notifications.feed.{userId:N}", events.Value.SubjectPrefix);
}

internal static class FeedMapping
{
    public static FeedItem ToItem(Notification n) => new()
    {
        Id = n.Id.ToString(),
        Template = n.Template,
        Category = CategoryName(n.Category),
        Title = n.Title ?? "",
        Body = n.Body ?? "",
        CreatedAt = n.CreatedAt.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        ReadAt = n.ReadAt?.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };

    public static string CategoryName(Category category) => category switch
    {
        Category.Account => "ACCOUNT",
        Category.Orders => "ORDERS",
        Category.FollowedStores => "FOLLOWED_STORES",
        _ => "MARKETING",
    };

    public static string ChannelName(Channel channel) => channel switch
    {
        Channel.Email => "EMAIL",
        Channel.Push => "PUSH",
        _ => "IN_APP",
    };

    public static Category? ParseCategory(string value) => value.ToUpperInvariant() switch
    {
        "ACCOUNT" => Category.Account,
        "ORDERS" => Category.Orders,
        "FOLLOWED_STORES" => Category.FollowedStores,
        "MARKETING" => Category.Marketing,
        _ => null,
    };

    public static Channel? ParseChannel(string value) => value.ToUpperInvariant() switch
    {
        "EMAIL" => Channel.Email,
        "PUSH" => Channel.Push,
        "IN_APP" => Channel.InApp,
        _ => null,
    };
}
