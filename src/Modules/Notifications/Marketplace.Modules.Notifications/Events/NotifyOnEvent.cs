using Marketplace.Modules.Notifications.Sending;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.Events;

namespace Marketplace.Modules.Notifications.Events;

/// <summary>
/// The consumer behind every rule of an event (one event may notify several people, e.g. an order's buyer and its
/// seller): runs in the inbox transaction, so its rows commit with the inbox row.
/// </summary>
internal sealed class NotifyOnEvent<TEvent>(IEnumerable<NotificationRule<TEvent>> rules, NotificationService notifications) : IEventHandler<TEvent>
    where TEvent : class, IIntegrationEvent
{
    public async Task HandleAsync(TEvent integrationEvent, CancellationToken cancellationToken)
    {
        foreach (var rule in rules)
        {
            if (rule.When is { } when && !when(integrationEvent))
                continue;
            var key = rule.IdempotencyKey(integrationEvent);
            if (await notifications.FindAsync(key, cancellationToken) is not null)
                continue;
            var recipient = rule.RecipientOf(integrationEvent);
            var (_, deliveries) = await notifications.PlanAsync(
                new NotificationRequest(rule.Template, recipient.UserId, recipient.Email, recipient.Locale, rule.DataOf(integrationEvent), key, rule.Channels),
                cancellationToken);
            // Enqueued before the inbox transaction commits (as the consumer contract allows): each job waits for its
            // row; after a failed commit the redelivery plans new rows and the orphaned jobs find none and give up.
            notifications.Enqueue(deliveries);
        }
    }
}
