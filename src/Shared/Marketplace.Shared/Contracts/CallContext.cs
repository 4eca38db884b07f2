namespace Marketplace.Shared.Contracts;

/// <summary>
/// The ambient facts of the current unit of work: who is calling and which correlation id ties the work together.
/// It flows with the async context: the gateway sets it per request, the contract invoker and the gRPC server
/// set it per call from metadata, event consumers and jobs per message.
/// </summary>
public sealed record CallContext(Caller Caller, string CorrelationId)
{
    private static readonly AsyncLocal<CallContext?> CurrentContext = new();

    /// <summary>The context of the running work, or an anonymous one with a fresh correlation id.</summary>
    public static CallContext Current => CurrentContext.Value ?? new CallContext(Caller.Anonymous, NewCorrelationId());

    /// <summary>True when some caller of this async flow has set a context.</summary>
    public static bool IsSet => CurrentContext.Value is not null;

    /// <summary>Makes <paramref name="context"/> current until the returned scope is disposed.</summary>
    public static IDisposable Push(CallContext context)
    {
        var previous = CurrentContext.Value;
        CurrentContext.Value = context;
        return new Restore(previous);
    }

    public static string NewCorrelationId() => Guid.CreateVersion7().ToString("N");

    private sealed class Restore(CallContext? previous) : IDisposable
    {
        public void Dispose() => CurrentContext.Value = previous;
    }
}
