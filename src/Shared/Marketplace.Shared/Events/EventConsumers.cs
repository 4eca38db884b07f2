using Marketplace.Shared.Contracts;

namespace Marketplace.Shared.Events;

/// <summary>
/// Handles one integration event for the consuming module. It runs inside a transaction on the module's DbContext
/// together with the inbox row, with <see cref="CallContext"/> = the module as service caller + the event's
/// correlation id. Changes go through the module's DbContext (the consumer saves it; do not commit yourself).
/// Throwing means "try again later": the message is redelivered with backoff and parked after MaxDeliver.
/// </summary>
public interface IEventHandler<in TEvent>
    where TEvent : class, IIntegrationEvent
{
    Task HandleAsync(TEvent integrationEvent, CancellationToken cancellationToken);
}

/// <summary>A durable consumer declared by a module with <c>AddEventConsumer</c>.</summary>
public sealed class EventConsumerRegistration
{
    internal EventConsumerRegistration(string module, Type dbContextType, Type eventType, Type handlerType, Func<object, object, CancellationToken, Task> invoke)
    {
        Module = module;
        DbContextType = dbContextType;
        EventType = eventType;
        HandlerType = handlerType;
        Subject = EventSubjects.Of(eventType);
        PublisherModule = EventSubjects.ModuleOf(Subject);
        Durable = EventSubjects.DurableName(module, Subject);
        Invoke = invoke;
    }

    /// <summary>The consuming module.</summary>
    public string Module { get; }

    public Type DbContextType { get; }

    public Type EventType { get; }

    public Type HandlerType { get; }

    /// <summary>Canonical subject of the event.</summary>
    public string Subject { get; }

    /// <summary>The module whose stream carries the event (the subject's second segment).</summary>
    public string PublisherModule { get; }

    /// <summary>Durable consumer name, also the inbox's consumer key.</summary>
    public string Durable { get; }

    internal Func<object, object, CancellationToken, Task> Invoke { get; }

    internal static EventConsumerRegistration Create<THandler, TEvent>(string module, Type dbContextType)
        where THandler : class, IEventHandler<TEvent>
        where TEvent : class, IIntegrationEvent =>
        new(module, dbContextType, typeof(TEvent), typeof(THandler),
            static (handler, integrationEvent, cancellationToken) => ((THandler)handler).HandleAsync((TEvent)integrationEvent, cancellationToken));
}
