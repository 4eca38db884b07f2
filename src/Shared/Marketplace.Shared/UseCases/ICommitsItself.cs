namespace Marketplace.Shared.UseCases;

/// <summary>
/// A command whose handler opens, commits and rolls back its own transaction, so <see cref="TransactionBehavior{TMessage,TResponse}"/>
/// leaves it alone. For the rare handler that must send its last statement and COMMIT in one round trip, because the
/// statement locks a row every caller waits for (Inventory's Reserve on a hot variant): the lock is then held for one
/// round trip instead of two. The handler owns the rest of the contract too: events recorded with
/// <c>AddEvent</c> are saved before it commits.
/// </summary>
public interface ICommitsItself;
