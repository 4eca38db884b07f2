using System.Security.Cryptography;
using System.Text;
using Marketplace.Modules.Ordering.Carts;
using Marketplace.Modules.Ordering.Domain;
using Marketplace.Modules.Ordering.Orders;
using Mediator;
using V1 = Marketplace.Modules.Ordering.Contracts.V1;

namespace Marketplace.Modules.Ordering.Checkouts.CompleteCheckout;

/// <summary>
/// checkoutComplete: a request, not a command, because it is several transactions by design (docs/ordering.md, "How a
/// checkout completes"): COMPLETING is committed before the payment is touched, and the orders are written only after the
/// payment is held and the stock committed, so a crash at any point leaves something the recovery job can finish.
/// </summary>
internal sealed record CompleteCheckoutCommand(Guid BuyerId, string CheckoutIdText, Guid? CheckoutId, string IdempotencyKey, string ExpectedTotalText, decimal? ExpectedTotal)
    : IRequest<OrderGroupView>
{
    public static CompleteCheckoutCommand From(Guid buyerId, V1.CompleteCheckoutRequest request)
    {
        var total = CartInput.Text(request.ExpectedTotal);
        return new(buyerId, CartInput.Text(request.CheckoutId), CartInput.Id(request.CheckoutId), CartInput.Text(request.IdempotencyKey), total,
            Currencies.TryParse(total, out var value) ? value : null);
    }

    /// <summary>What makes two requests "the same input" for one idempotency key: the checkout and the total agreed to.</summary>
    public byte[] RequestHash() =>
        SHA256.HashData(Encoding.UTF8.GetBytes($"{CheckoutId:N}\n{ExpectedTotal?.ToString("0.############", System.Globalization.CultureInfo.InvariantCulture)}"));
}
