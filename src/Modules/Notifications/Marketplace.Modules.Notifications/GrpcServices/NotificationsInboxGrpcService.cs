using Grpc.Core;
using Marketplace.Modules.Notifications.Contracts.V1;
using Marketplace.Modules.Notifications.Feed;
using Marketplace.Modules.Notifications.Feed.GetFeedItem;
using Marketplace.Modules.Notifications.Feed.ListFeed;
using Marketplace.Modules.Notifications.Feed.MarkFeedRead;
using Marketplace.Modules.Notifications.Feed.WatchFeed;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.Contracts.V1;
using Mediator;

namespace Marketplace.Modules.Notifications.GrpcServices;

/// <summary>
/// The <c>NotificationsInbox</c> contract: the caller's own in-app feed. The user is always the caller
/// (<see cref="CallerRequirements.User"/>): no request names a user, so nobody reaches another user's notifications.
/// </summary>
internal sealed class NotificationsInboxGrpcService(ISender mediator) : NotificationsInbox.NotificationsInboxBase
{
    public override async Task<ListFeedResponse> ListFeed(ListFeedRequest request, ServerCallContext context)
    {
        var userId = CallerRequirements.User();
        var page = request.Page ?? new PageRequest();
        var result = await mediator.Send(new ListFeedQuery(userId, page.First, page.After), context.CancellationToken);
        return new ListFeedResponse
        {
            Items = { result.Page.Items.Select(e => e.ToContract()) },
            PageInfo = result.Page.PageInfo(),
            TotalCount = result.TotalCount,
            UnreadCount = result.UnreadCount,
        };
    }

    public override async Task<FeedItem> GetFeedItem(GetFeedItemRequest request, ServerCallContext context)
    {
        var userId = CallerRequirements.User();
        var entry = await mediator.Send(new GetFeedItemQuery(userId, FeedRows.ParseId(request.Id)), context.CancellationToken) ?? throw FeedRows.NotFound();
        return entry.ToContract();
    }

    public override async Task<MarkFeedReadResponse> MarkFeedRead(MarkFeedReadRequest request, ServerCallContext context)
    {
        var userId = CallerRequirements.User();
        var result = await mediator.Send(MarkFeedReadCommand.From(userId, request), context.CancellationToken);
        return new MarkFeedReadResponse { Marked = result.Marked, UnreadCount = result.UnreadCount };
    }

    /// <summary>
    /// The caller is checked before the stream opens; the subscription itself is a use case (a Mediator stream query),
    /// and only the loop writing its entries stays here.
    /// </summary>
    public override async Task WatchFeed(WatchFeedRequest request, IServerStreamWriter<FeedItem> responseStream, ServerCallContext context)
    {
        var userId = CallerRequirements.User();
        try
        {
            await foreach (var entry in mediator.CreateStream(new WatchFeedQuery(userId), context.CancellationToken))
                await responseStream.WriteAsync(entry.ToContract());
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The subscriber left.
        }
    }
}
