using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.Errors;
using Marketplace.Modules.Notifications.Contracts.V1;

namespace Marketplace.Gateway.Notifications;

/// <summary>What <c>notificationsMarkRead</c> answers: how many were marked and how many stay unread, or the userErrors.</summary>
internal sealed record NotificationsMarkReadPayload(int MarkedCount, int UnreadCount, IReadOnlyList<UserError> UserErrors)
{
    /// <summary>A malformed id, or the id of something else than a notification, becomes an <c>INVALID_ID</c> userError.</summary>
    public static async Task<NotificationsMarkReadPayload> RunAsync(Func<Task<MarkFeedReadResponse>> call) =>
        await ContractCalls.PayloadAsync(
            async () =>
            {
                var response = await call();
                return new NotificationsMarkReadPayload(response.Marked, response.UnreadCount, []);
            },
            errors => new NotificationsMarkReadPayload(0, 0, errors));
}
