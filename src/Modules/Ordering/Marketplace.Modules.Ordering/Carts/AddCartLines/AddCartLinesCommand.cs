using Marketplace.Modules.Ordering.Contracts.V1;
using Cart = Marketplace.Modules.Ordering.Domain.Cart;
using Marketplace.Modules.Ordering.Domain;
using Mediator;

namespace Marketplace.Modules.Ordering.Carts.AddCartLines;

/// <summary>The buyer adds lines to their open cart (created when needed); a variant already there adds to its quantity.</summary>
internal sealed record AddCartLinesCommand(Guid BuyerId, IReadOnlyList<CartLineEdit> Lines) : ICommand<Cart>
{
    public static AddCartLinesCommand From(Guid buyerId, AddCartLinesRequest request) =>
        new(buyerId, request.Lines.Select(l => new CartLineEdit(CartInput.Id(l.VariantId), l.Quantity)).ToList());
}
