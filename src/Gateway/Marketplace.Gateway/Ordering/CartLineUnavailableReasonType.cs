using GraphQL.Types;

namespace Marketplace.Gateway.Ordering;

/// <summary><c>CartLineUnavailableReason</c>: why a line cannot be checked out as it is.</summary>
internal sealed class CartLineUnavailableReasonType : EnumerationGraphType
{
    public const string ProductUnavailable = "PRODUCT_UNAVAILABLE";
    public const string StoreUnavailable = "STORE_UNAVAILABLE";
    public const string CurrencyChanged = "CURRENCY_CHANGED";
    public const string OutOfStock = "OUT_OF_STOCK";
    public const string InsufficientStock = "INSUFFICIENT_STOCK";

    public CartLineUnavailableReasonType()
    {
        Name = "CartLineUnavailableReason";
        Description = "Why a cart line cannot be checked out as it is. The line stays in the cart until you remove it.";
        Add(ProductUnavailable, ProductUnavailable, "The product is no longer on sale (archived or withdrawn).");
        Add(StoreUnavailable, StoreUnavailable, "The store is closed or suspended.");
        Add(CurrencyChanged, CurrencyChanged, "The product is now priced in another currency than the cart.");
        Add(OutOfStock, OutOfStock, "Nothing is available now.");
        Add(InsufficientStock, InsufficientStock, "Fewer are available than the line's quantity (see quantityAvailable).");
    }
}
