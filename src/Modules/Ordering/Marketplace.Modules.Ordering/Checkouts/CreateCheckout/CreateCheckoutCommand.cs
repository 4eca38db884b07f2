using Marketplace.Modules.Ordering.Carts;
using Marketplace.Modules.Ordering.Domain;
using Mediator;
using V1 = Marketplace.Modules.Ordering.Contracts.V1;

namespace Marketplace.Modules.Ordering.Checkouts.CreateCheckout;

/// <summary>
/// checkoutCreate: price the buyer's cart, check its stores and the address, hold the stock and open a checkout. A
/// request rather than a command: it asks other modules (Users, Catalog, Sellers, Inventory, the payment provider) before
/// it writes anything, so no transaction is held open across those calls; the write itself is
/// <see cref="OpenCheckout.OpenCheckoutCommand"/>, one short transaction.
/// </summary>
internal sealed record CreateCheckoutCommand(Guid BuyerId, string DeliveryAddressText, Guid? DeliveryAddressId, bool Pickup, string PaymentMethod, string? CardPaymentMethodId)
    : IRequest<Checkout>
{
    public static CreateCheckoutCommand From(Guid buyerId, V1.CreateCheckoutRequest request)
    {
        var addressText = CartInput.Text(request.DeliveryAddressId);
        var method = CartInput.Text(request.PaymentMethod).ToUpperInvariant();
        if (method.Length == 0)
            method = request.Pickup ? PaymentMethods.PayAtPickup : PaymentMethods.PayOnDelivery;
        return new(buyerId, addressText, CartInput.Id(addressText), request.Pickup, method, CartInput.Text(request.CardPaymentMethodId) is { Length: > 0 } pm ? pm : null);
    }
}
