using Marketplace.Modules.Ordering.Domain;

namespace Marketplace.Modules.Ordering.Payments;

/// <summary>
/// Paid in person: on delivery or at pickup. Nothing to configure and nothing to call: the order's payment is PENDING until
/// the seller records it (issue 17).
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
}
