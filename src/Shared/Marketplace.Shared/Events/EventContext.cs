namespace Marketplace.Shared.Events;

/// <summary>
/// The event being handled in this async flow: events written meanwhile name it as their causation, and a handler
/// may read when it occurred (e.g. to measure how far a projection lags behind).
/// </summary>
public static class EventContext
{
    private static readonly AsyncLocal<HandledEvent?> Current = new();

    public static Guid? CurrentEventId => Current.Value?.Id;

    /// <summary>The envelope's occurred-at of the event being handled (when the publishing use case added it).</summary>
    public static DateTimeOffset? CurrentOccurredAt => Current.Value?.OccurredAt;

    internal static IDisposable Push(Guid eventId, DateTimeOffset occurredAt)
    {
        var previous = Current.Value;
        Current.Value = new HandledEvent(eventId, occurredAt);
        return new Restore(previous);
    }

    private sealed record HandledEvent(Guid Id, DateTimeOffset OccurredAt);

    private sealed class Restore(HandledEvent? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}

/// <summary>
/// Process-wide nudge from <c>SaveChanges</c> to the outbox relay, so a fresh event goes out at once rather than
/// at the next poll. Purely an optimisation: the relay polls anyway, and a spurious wake-up costs one query.
/// </summary>
internal static class OutboxSignal
{
    private static event Action? Written;

    public static void Notify() => Written?.Invoke();

    public static IDisposable Subscribe(Action onWritten)
    {
        Written += onWritten;
        return new Unsubscribe(onWritten);
    }

    private sealed class Unsubscribe(Action handler) : IDisposable
    {
        public void Dispose() => Written -= handler;
    }
}
