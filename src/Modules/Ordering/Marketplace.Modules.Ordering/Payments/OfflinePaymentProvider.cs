using Marketplace.Modules.Ordering.Domain;

namespace Marketplace.Modules.Ordering.Payments;

/// <summary>
/// Paid in person: on delivery or at pickup. Nothing to configure and nothing to call: the order's payment is PENDING until
/// the seller marks it delivered or picked up (PAID).
/// </summary>
internal sealed class OfflinePaymentProvider(string method) : IPaymentProvider
{
    public string Method { get; } = method;

    public bool Enabled => true;

    public Task<PreparedPayment> PrepareAsync(PaymentRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new PreparedPayment(null, null, "offline"));

    public Task<PaymentAuthorization> AuthorizeAsync(PaymentRequest request, string? intentId, CancellationToken cancellationToken) =>
        Task.FromResult(new PaymentAuthorization(PaymentOutcome.Authorized, PaymentStatus.Pending, "offline"));

    public Task VoidAsync(Guid checkoutId, string? intentId, CancellationToken cancellationToken) => Task.CompletedTask;

    // The cash changes hands in person (the seller records it by marking the order delivered or picked up), and a refund
    // of cash is the seller's to hand back (the payout ledger nets it): nothing to call.
    public Task CaptureAsync(OrderPayment payment, long capturedBefore, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<bool> CapturesInPartsAsync(string? intentId, CancellationToken cancellationToken) => Task.FromResult(true);

    public Task CaptureOnceAsync(Guid groupId, string? intentId, long amount, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task RefundAsync(OrderPayment payment, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task ReleaseRemainderAsync(Guid groupId, string? intentId, CancellationToken cancellationToken) => Task.CompletedTask;
}
