using Marketplace.Modules.Ordering.Domain;
using Mediator;

namespace Marketplace.Modules.Ordering.Checkouts.BeginCompletion;

/// <summary>
/// Step 1 of checkoutComplete, one transaction: the idempotency key, the checkout's state, the prices now (Catalog, asked
/// under the checkout's lock) against the total the buyer agreed to, and, when all is well, COMPLETING with everything
/// compensation needs fixed before any payment call.
/// </summary>
internal sealed record BeginCompletionCommand(Guid BuyerId, Guid CheckoutId, string IdempotencyKey, byte[] RequestHash, decimal ExpectedTotal)
    : ICommand<BeginOutcome>;

internal enum BeginResult
{
    /// <summary>COMPLETING was committed: go on with the payment.</summary>
    Proceed,

    /// <summary>This key already completed the checkout: answer its order group.</summary>
    AlreadyCompleted,

    /// <summary>The checkout expired (now marked so): release its hold and say CHECKOUT_EXPIRED.</summary>
    Expired,

    /// <summary>The prices moved away from the expected total (the checkout now carries them): PRICE_CHANGED.</summary>
    PriceChanged,
}

internal sealed record BeginOutcome(BeginResult Result, Checkout Checkout);
