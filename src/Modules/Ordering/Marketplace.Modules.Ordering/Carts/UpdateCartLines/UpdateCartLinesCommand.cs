using Marketplace.Modules.Ordering.Contracts.V1;
using Cart = Marketplace.Modules.Ordering.Domain.Cart;
using Marketplace.Modules.Ordering.Domain;
using Mediator;

namespace Marketplace.Modules.Ordering.Carts.UpdateCartLines;

/// <summary>The buyer sets the quantity of lines of their open cart (0 removes the line).</summary>
internal sealed record UpdateCartLinesCommand(Guid BuyerId, IReadOnlyList<CartLineEdit> Lines) : ICommand<Cart>
{
    public static UpdateCartLinesCommand From(Guid buyerId, UpdateCartLinesRequest request) =>
        new(buyerId, request.Lines.Select(l => new CartLineEdit(CartInput.Id(l.VariantId), l.Quantity)).ToList());
}
