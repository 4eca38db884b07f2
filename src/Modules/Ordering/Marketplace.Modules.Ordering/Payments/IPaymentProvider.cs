namespace Marketplace.Modules.Ordering.Payments;

/// <summary>
/// A way to pay (docs/ordering.md, "Payment"). Every call is idempotent by the checkout id: a retry after a crash or a
/// timeout never takes money twice, and voiding what was never taken changes nothing.
/// </summary>
internal interface IPaymentProvider
{
    /// <summary>PAY_ON_DELIVERY, PAY_AT_PICKUP or CARD.</summary>
    string Method { get; }

    /// <summary>False when the provider is not configured (CARD without keys): choosing it is PAYMENT_METHOD_UNAVAILABLE.</summary>
    bool Enabled { get; }

    /// <summary>checkoutCreate: prepares the payment (CARD: a PaymentIntent with manual capture) for the amount.</summary>
    Task<PreparedPayment> PrepareAsync(PaymentRequest request, CancellationToken cancellationToken);

    /// <summary>checkoutComplete: the amount must now be held (CARD: the intent is requires_capture, confirmed here when it can be).</summary>
    Task<PaymentAuthorization> AuthorizeAsync(PaymentRequest request, string? intentId, CancellationToken cancellationToken);

    /// <summary>Compensation: lets go of a held amount (CARD: cancels the intent). Nothing held: nothing happens.</summary>
    Task VoidAsync(Guid checkoutId, string? intentId, CancellationToken cancellationToken);

    /// <summary>
    /// The seller accepted: the order's share of the group's held payment is taken. <paramref name="capturedBefore"/> is
    /// what the group's earlier captures took (minor units): a capture the provider already shows is not repeated.
    /// </summary>
    Task CaptureAsync(OrderPayment payment, long capturedBefore, CancellationToken cancellationToken);

    /// <summary>Whether the group's payment can be captured in several parts (CARD: Stripe reports multicapture per charge).</summary>
    Task<bool> CapturesInPartsAsync(string? intentId, CancellationToken cancellationToken);

    /// <summary>
    /// Without captures in parts: once every order of the group is decided, one capture of <paramref name="amount"/> (minor
    /// units: the accepted orders' totals) lets the rest go. One already made is not repeated.
    /// </summary>
    Task CaptureOnceAsync(Guid groupId, string? intentId, long amount, CancellationToken cancellationToken);

    /// <summary>Gives the order's total back (an administrator cancelled it after it was paid); once per order.</summary>
    Task RefundAsync(OrderPayment payment, CancellationToken cancellationToken);

    /// <summary>Every order of the group is decided and captured: what is still held of its payment is let go.</summary>
    Task ReleaseRemainderAsync(Guid groupId, string? intentId, CancellationToken cancellationToken);
}

/// <summary>
/// One order's part of its group's payment: the order (the idempotency key at the provider), the group's intent, the
/// order's total, and whether the order is the group's only one (then no partial capture is needed).
/// </summary>
internal sealed record OrderPayment(Guid OrderId, Guid GroupId, string? IntentId, decimal Amount, string CurrencyCode, bool OnlyOrderOfGroup);

/// <summary>What is paid for: the checkout (the idempotency key at the provider), the amount and its currency.</summary>
internal sealed record PaymentRequest(Guid CheckoutId, Guid BuyerId, decimal Amount, string CurrencyCode, string? ProviderMethodId);

/// <summary>A prepared payment: the provider's id, what the client needs to confirm it (never logged), its status.</summary>
internal sealed record PreparedPayment(string? IntentId, string? ClientSecret, string Status);

/// <summary>The outcome of authorising: held (the order's payment status), refused, or waiting for the buyer.</summary>
internal sealed record PaymentAuthorization(PaymentOutcome Outcome, string OrderPaymentStatus, string ProviderStatus, string? Message = null);

internal enum PaymentOutcome
{
    Authorized,
    Declined,
    ActionRequired,
}
