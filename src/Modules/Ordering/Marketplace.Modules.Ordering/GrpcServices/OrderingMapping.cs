using Marketplace.Modules.Ordering.Carts;
using Marketplace.Shared.Contracts;
using V1 = Marketplace.Modules.Ordering.Contracts.V1;

namespace Marketplace.Modules.Ordering.GrpcServices;

/// <summary>The module's results as contract messages.</summary>
internal static partial class OrderingMapping
{
    /// <summary>The buyer's cart; a cart without id when there is none.</summary>
    public static V1.Cart ToContract(Domain.Cart? cart, Guid buyerId)
    {
        if (cart is null)
            return new V1.Cart { BuyerId = buyerId.ToString() };
        return new V1.Cart
        {
            Id = cart.Id.ToString(),
            BuyerId = cart.BuyerId.ToString(),
            CurrencyCode = cart.Lines.Count == 0 ? "" : cart.CurrencyCode ?? "",
            Lines =
            {
                cart.Ordered().Select(l => new V1.CartLine
                {
                    VariantId = l.VariantId.ToString(),
                    ProductId = l.ProductId.ToString(),
                    StoreId = l.StoreId.ToString(),
                    Quantity = l.Quantity,
                    AddedAt = Timestamps.Format(l.AddedAt),
                    UpdatedAt = Timestamps.Format(l.UpdatedAt),
                }),
            },
            CreatedAt = Timestamps.Format(cart.CreatedAt),
            UpdatedAt = Timestamps.Format(cart.UpdatedAt),
        };
    }
}
