namespace Marketplace.Shared.Events;

/// <summary>The event being handled in this async flow: events written meanwhile name it as their causation.</summary>
public static class EventContext
{
    private static readonly AsyncLocal<Guid?> Current = new();

    public static Guid? CurrentEventId => Current.Value;

    internal static IDisposable Push(Guid eventId)
    {
        var previous = Current.Value;
        Current.Value = eventId;
        return new Restore(previous);
    }

    private sealed class Restore(Guid? previous) : IDisposable
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
