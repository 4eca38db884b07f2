using Marketplace.Modules.Notifications.Domain;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.Modules;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Modules.Notifications.Events;

/// <summary>Who a notification made from an event goes to: the user, their address (for email) and their language.</summary>
internal sealed record Recipient(Guid UserId, string? Email, string? Locale);

internal interface INotificationRule
{
    Type EventType { get; }

    void Declare(ModuleBuilder module);
}

/// <summary>
/// One line of <see cref="NotificationRules"/>: the template, the channels (preferences may drop some), and how to read
/// the recipient and the template data from <typeparamref name="TEvent"/>. <paramref name="OccurrenceOf"/> tells one
/// occurrence from another when a user may get this notification more than once (e.g. the order id for
/// "order shipped"); without it the notification is sent once per template and user (a welcome). <paramref name="When"/>
/// picks the events worth a notification (all of them when null), e.g. sign-ins other than the account's first.
/// </summary>
internal sealed record NotificationRule<TEvent>(
    string Template,
    IReadOnlyCollection<Channel> Channels,
    Func<TEvent, Recipient> RecipientOf,
    Func<TEvent, IReadOnlyDictionary<string, string>> DataOf,
    Func<TEvent, string>? OccurrenceOf = null,
    Func<TEvent, bool>? When = null) : INotificationRule
    where TEvent : class, IIntegrationEvent
{
    public Type EventType => typeof(TEvent);

    public void Declare(ModuleBuilder module)
    {
        module.Services.AddSingleton(this);
        // One consumer per event: it runs every rule of the event (the first rule declares it).
        if (!module.Services.Any(d => d.ServiceType == typeof(NotifyOnEvent<TEvent>)))
            module.AddEventConsumer<NotifyOnEvent<TEvent>, TEvent>();
    }

    /// <summary>
    /// The notification's idempotency key: <c>&lt;template&gt;:&lt;user&gt;</c>, or <c>&lt;template&gt;:&lt;user&gt;:&lt;occurrence&gt;</c>.
    /// However many times the event (or a copy of it under another id) is delivered, one notification is made.
    /// </summary>
    public string IdempotencyKey(TEvent integrationEvent) =>
        OccurrenceOf is null
            ? $"{Template}:{RecipientOf(integrationEvent).UserId:N}"
            : $"{Template}:{RecipientOf(integrationEvent).UserId:N}:{OccurrenceOf(integrationEvent)}";
}
