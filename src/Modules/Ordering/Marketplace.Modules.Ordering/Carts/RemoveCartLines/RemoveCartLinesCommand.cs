using Marketplace.Modules.Ordering.Contracts.V1;
using Cart = Marketplace.Modules.Ordering.Domain.Cart;
using Marketplace.Modules.Ordering.Domain;
using Mediator;

namespace Marketplace.Modules.Ordering.Carts.RemoveCartLines;

/// <summary>The buyer removes lines of their open cart by variant.</summary>
internal sealed record RemoveCartLinesCommand(Guid BuyerId, IReadOnlyList<Guid?> VariantIds) : ICommand<Cart>
{
    public static RemoveCartLinesCommand From(Guid buyerId, RemoveCartLinesRequest request) =>
        new(buyerId, request.VariantIds.Select(CartInput.Id).ToList());
}
