using System.ComponentModel;

namespace Marketplace.Modules.Ordering.Contracts;

/// <summary>
/// The reasons the Ordering contract reports beside <see cref="Marketplace.Shared.Contracts.CommonErrorCodes"/>: as
/// <c>ErrorInfo.reason</c> and as field-violation codes. The gateway publishes them as the <c>CartErrorCode</c>,
/// <c>CheckoutErrorCode</c> and <c>OrderErrorCode</c> enums.
/// </summary>
public static class OrderingErrorCodes
{
    [Description("No such variant, or it is not on sale (a draft, archived, or its store is not open).")]
    public const string VariantNotFound = "VARIANT_NOT_FOUND";

    [Description("A quantity is a whole number within the allowed range (see the field's description).")]
    public const string InvalidQuantity = "INVALID_QUANTITY";

    [Description("The line would hold more than a line may (99).")]
    public const string QuantityLimit = "QUANTITY_LIMIT";

    [Description("Too many lines: a cart holds at most 100 different variants.")]
    public const string TooManyLines = "TOO_MANY_LINES";

    [Description("A cart holds one currency; this variant is priced in another.")]
    public const string CurrencyMismatch = "CURRENCY_MISMATCH";

    [Description("The cart has no line for this variant.")]
    public const string LineNotFound = "LINE_NOT_FOUND";

    [Description("The cart is empty: add lines before checking out.")]
    public const string CartEmpty = "CART_EMPTY";

    [Description("The cart changed while the checkout was being prepared; try again.")]
    public const string CartChanged = "CART_CHANGED";

    [Description("No such address in your address book.")]
    public const string AddressNotFound = "ADDRESS_NOT_FOUND";

    [Description("Not a payment method: PAY_ON_DELIVERY (delivery), PAY_AT_PICKUP (pickup) or CARD.")]
    public const string InvalidPaymentMethod = "INVALID_PAYMENT_METHOD";

    [Description("This payment method is not available here (e.g. cards are not configured).")]
    public const string PaymentMethodUnavailable = "PAYMENT_METHOD_UNAVAILABLE";

    [Description("A line's product is no longer on sale (archived, or its store closed); remove it from the cart.")]
    public const string LineUnavailable = "LINE_UNAVAILABLE";

    [Description("A store of the cart is not open for orders.")]
    public const string StoreUnavailable = "STORE_UNAVAILABLE";

    [Description("A store of the cart does not deliver to this address (outside its service radius).")]
    public const string OutsideDeliveryArea = "OUTSIDE_DELIVERY_AREA";

    [Description("Not enough stock for a line; the message says how many are available.")]
    public const string InsufficientStock = "INSUFFICIENT_STOCK";

    [Description("No such checkout (or not yours).")]
    public const string CheckoutNotFound = "CHECKOUT_NOT_FOUND";

    [Description("The checkout expired and its stock was released: create a new one.")]
    public const string CheckoutExpired = "CHECKOUT_EXPIRED";

    [Description("The checkout was already completed (with another idempotency key).")]
    public const string CheckoutCompleted = "CHECKOUT_COMPLETED";

    [Description("The checkout was replaced by a newer one or failed: create a new one.")]
    public const string CheckoutClosed = "CHECKOUT_CLOSED";

    [Description("Another request is completing this checkout right now; retry in a moment.")]
    public const string CheckoutInProgress = "CHECKOUT_IN_PROGRESS";

    [Description("Prices changed since the checkout was shown: nothing was charged; confirm the new total.")]
    public const string PriceChanged = "PRICE_CHANGED";

    [Description("The payment was declined or could not be taken: nothing was charged and the stock was released.")]
    public const string PaymentFailed = "PAYMENT_FAILED";

    [Description("The payment needs the buyer's action (e.g. 3-D Secure) in the client before the checkout can complete.")]
    public const string PaymentActionRequired = "PAYMENT_ACTION_REQUIRED";

    [Description("This idempotency key was already used with a different request.")]
    public const string IdempotencyKeyReused = "IDEMPOTENCY_KEY_REUSED";

    [Description("No such order (or not one you may see).")]
    public const string OrderNotFound = "ORDER_NOT_FOUND";

    [Description("No such order group (or not one you may see).")]
    public const string OrderGroupNotFound = "ORDER_GROUP_NOT_FOUND";

    [Description("No such store (or not one whose orders you may watch).")]
    public const string StoreNotFound = "STORE_NOT_FOUND";

    [Description("Not an order status.")]
    public const string InvalidStatus = "INVALID_STATUS";

    [Description("The order cannot move from its status to that one (the message names both), or not by you: nothing changed.")]
    public const string InvalidTransition = "INVALID_TRANSITION";
}
