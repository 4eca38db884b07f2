using GraphQL;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Execution;

/// <summary>Per-operation facts resolvers need: who is calling and the correlation id of the request.</summary>
public sealed class GatewayUserContext(CallContext callContext) : Dictionary<string, object?>
{
    public CallContext CallContext { get; } = callContext;

    public Caller Caller => CallContext.Caller;
}

public static class ResolveFieldContextExtensions
{
    /// <summary>The caller of this operation (anonymous when no token was presented).</summary>
    public static Caller GetCaller(this IResolveFieldContext context) =>
        (context.UserContext as GatewayUserContext)?.Caller ?? Caller.Anonymous;

    public static CallContext GetCallContext(this IResolveFieldContext context) =>
        (context.UserContext as GatewayUserContext)?.CallContext ?? CallContext.Current;
}
