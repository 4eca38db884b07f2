using System.Runtime.CompilerServices;
using System.Text.Json;
using Marketplace.Modules.Notifications.Domain;
using Marketplace.Shared.Events;
using Microsoft.Extensions.Options;
using NATS.Client.Core;

namespace Marketplace.Modules.Notifications.Sending;

/// <summary>
/// Live feed: after a feed entry commits, its item is published on the NATS core subject
/// <c>[prefix.]live.notifications.feed.&lt;userId&gt;</c> (outside the JetStream streams, so nothing is stored), and every
/// replica's <c>WatchFeed</c> calls for that user receive it. At most once: a subscriber that was offline catches up
/// by listing the feed, which is the source of truth.
/// </summary>
internal sealed class FeedBroadcaster(INatsConnection nats, IOptions<EventBackboneOptions> events)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Publish(Notification notification)
    {
        if (!notification.InFeed || notification.UserId is not { } userId)
            return;
        // Fire and forget: the entry is stored; a lost live signal only delays the client until its next list.
        _ = nats.PublishAsync(SubjectOf(userId), JsonSerializer.Serialize(FeedEntry.Of(notification), Json)).AsTask();
    }

    public async IAsyncEnumerable<FeedEntry> WatchAsync(Guid userId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var message in nats.SubscribeAsync<string>(SubjectOf(userId), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (message.Data is { } json && JsonSerializer.Deserialize<FeedEntry>(json, Json) is { } entry)
                yield return entry;
        }
    }

    private string SubjectOf(Guid userId) => EventSubjects.OnWire($"live.notifications.feed.{userId:N}", events.Value.SubjectPrefix);
}
