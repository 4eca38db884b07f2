namespace Marketplace.Shared.UseCases;

/// <summary>
/// A use case's answer that may be a refusal <em>returned</em> rather than thrown: a command whose failed attempt
/// recorded facts that must commit (a sign-in's reserved try, a failure count) cannot throw, since
/// <see cref="TransactionBehavior{TMessage, TResponse}"/> rolls back on a throw. <see cref="LoggingBehavior{TMessage, TResponse}"/>
/// logs such an answer as refused, with its reason, not as a success.
/// </summary>
public interface IRefusable
{
    /// <summary>The machine-readable reason (e.g. <c>CODE_INVALID</c>), or null when the use case succeeded.</summary>
    string? RefusalReason { get; }
}
