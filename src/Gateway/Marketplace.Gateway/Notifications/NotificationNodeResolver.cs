using GraphQL;
using Marketplace.Gateway.Errors;
using Marketplace.Gateway.Execution;
using Marketplace.Gateway.Relay;
using Marketplace.Modules.Notifications.Contracts.V1;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Notifications;

/// <summary>
/// <c>node(id:)</c> for notifications: only their recipient gets one (the module looks in the caller's own feed);
/// anyone else, signed in or not, gets null, as for a notification that does not exist.
/// </summary>
internal sealed class NotificationNodeResolver : INodeResolver
{
    public string TypeName => NotificationsArea.NotificationTypeName;

    public Type ClrType => typeof(FeedItem);

    public async Task<object?> ResolveAsync(string id, IResolveFieldContext context) =>
        context.GetCaller().Kind == CallerKind.User
            ? await ContractCalls.OrNullAsync(async () => await NotificationsArea.Inbox(context).GetFeedItemAsync(new GetFeedItemRequest { Id = id }, cancellationToken: context.CancellationToken))
            : null;
}
