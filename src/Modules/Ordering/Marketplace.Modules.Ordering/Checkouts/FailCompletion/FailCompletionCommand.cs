using Mediator;

namespace Marketplace.Modules.Ordering.Checkouts.FailCompletion;

/// <summary>
/// Undoes a completion that cannot finish (declined payment, stock that could not be committed, a crash found by the
/// recovery job): the payment is voided, what was committed to its order ids goes back, the holds end, the checkout is
/// FAILED with <paramref name="Reason"/>. Every step is idempotent, so running it twice (the live request and the recovery
/// job) undoes once. A checkout that is no longer COMPLETING is left as it is.
/// </summary>
internal sealed record FailCompletionCommand(Guid CheckoutId, string Reason) : ICommand<bool>;
