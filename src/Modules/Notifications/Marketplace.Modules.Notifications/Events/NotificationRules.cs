using Marketplace.Modules.Notifications.Sending;
using Marketplace.Modules.Notifications.Domain;
using Marketplace.Modules.Notifications.Templates;
using Marketplace.Modules.Inventory.Contracts.Events;
using Marketplace.Modules.Users.Contracts.Events;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.Events;
using Marketplace.Shared.Modules;

namespace Marketplace.Modules.Notifications.Events;

/// <summary>
/// Which event produces which notification: the one table to extend when a module publishes a new event worth
/// telling someone about. A rule names the template (its category decides opt-outs), the channels, and how to
/// read the recipient and the template data from the event. <see cref="NotificationsModule"/> declares one durable
/// consumer per rule; <see cref="NotifyOnEvent{TEvent}"/> does the rest.
/// </summary>
internal static class NotificationRules
{
    public static readonly IReadOnlyList<INotificationRule> All =
    [
        new NotificationRule<SellerEmailVerified>(
            NotificationTemplates.SellerWelcome,
            [Channel.Email, Channel.InApp],
            e => new Recipient(e.UserId, e.Email, null),
            e => new Dictionary<string, string> { ["displayName"] = e.DisplayName }),
        new NotificationRule<BuyerRegistered>(
            NotificationTemplates.BuyerWelcome,
            [Channel.InApp, Channel.Push],
            e => new Recipient(e.UserId, null, null),
            _ => new Dictionary<string, string>()),
        // To the seller (in-app) and the store's contact address (email); once per crossing of the threshold.
        new NotificationRule<LowStock>(
            NotificationTemplates.LowStock,
            [Channel.Email, Channel.InApp],
            e => new Recipient(e.SellerId, string.IsNullOrWhiteSpace(e.NotifyEmail) ? null : e.NotifyEmail, null),
            e => new Dictionary<string, string>
            {
                ["productTitle"] = e.ProductTitle,
                ["sku"] = e.Sku,
                ["available"] = e.Available.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["threshold"] = e.Threshold.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
            e => $"{e.VariantId:N}:{e.OccurredAt.UtcTicks}"),
    ];
}

internal sealed record Recipient(Guid UserId, string? Email, string? Locale);

internal interface INotificationRule
{
    Type EventType { get; }

    void Declare(ModuleBuilder module);
}

internal sealed record NotificationRule<TEvent>(
    string Template,
    IReadOnlyCollection<Channel> Channels,
    Func<TEvent, Recipient> RecipientOf,
    Func<TEvent, IReadOnlyDictionary<string, string>> DataOf,
    Func<TEvent, string>? OccurrenceOf = null) : INotificationRule
    where TEvent : class, IIntegrationEvent
{
    public Type EventType => typeof(TEvent);

    public void Declare(ModuleBuilder module)
    {
        module.Services.AddSingletonRule(this);
        module.AddEventConsumer<NotifyOnEvent<TEvent>, TEvent>();
    }

    /// <summary>
    /// One notification per template and recipient and event kind: a welcome is sent once per user, whatever
    /// the number of deliveries or copies of the event. Rules whose event may concern a user more than once (a low-stock
    /// alert per variant and crossing) name the occurrence, and get one notification per occurrence.
    /// </summary>
    public string IdempotencyKey(TEvent integrationEvent) =>
        OccurrenceOf is null
            ? $"{Template}:{RecipientOf(integrationEvent).UserId:N}"
            : $"{Template}:{RecipientOf(integrationEvent).UserId:N}:{OccurrenceOf(integrationEvent)}";
}

internal static class RuleRegistration
{
    public static void AddSingletonRule<TEvent>(this Microsoft.Extensions.DependencyInjection.IServiceCollection services, NotificationRule<TEvent> rule)
        where TEvent : class, IIntegrationEvent =>
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton(services, rule);
}

/// <summary>The consumer behind every rule: runs in the inbox transaction, so its rows commit with the inbox row.</summary>
internal sealed class NotifyOnEvent<TEvent>(NotificationRule<TEvent> rule, NotificationService notifications) : IEventHandler<TEvent>
    where TEvent : class, IIntegrationEvent
{
    public async Task HandleAsync(TEvent integrationEvent, CancellationToken cancellationToken)
    {
        var key = rule.IdempotencyKey(integrationEvent);
        if (await notifications.FindAsync(key, cancellationToken) is not null)
            return;
        var recipient = rule.RecipientOf(integrationEvent);
        var (_, deliveries) = await notifications.PlanAsync(
            new NotificationRequest(rule.Template, recipient.UserId, recipient.Email, recipient.Locale, rule.DataOf(integrationEvent), key, rule.Channels),
            cancellationToken);
        // Enqueued before the inbox transaction commits (as the consumer contract allows): each job waits for its
        // row; after a failed commit the redelivery plans new rows and the orphaned jobs find none and give up.
        notifications.Enqueue(deliveries);
    }
}
