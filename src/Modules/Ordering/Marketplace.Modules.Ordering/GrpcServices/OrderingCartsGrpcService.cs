using Grpc.Core;
using Marketplace.Modules.Ordering.Carts.AddCartLines;
using Marketplace.Modules.Ordering.Carts.GetCart;
using Marketplace.Modules.Ordering.Carts.RemoveCartLines;
using Marketplace.Modules.Ordering.Carts.UpdateCartLines;
using Marketplace.Modules.Ordering.Contracts.V1;
using Marketplace.Shared.Contracts;
using Mediator;

namespace Marketplace.Modules.Ordering.GrpcServices;

/// <summary>The <c>OrderingCarts</c> contract: the signed-in buyer's own cart only (no request names a buyer).</summary>
internal sealed class OrderingCartsGrpcService(ISender mediator) : OrderingCarts.OrderingCartsBase
{
    public override async Task<Cart> GetCart(GetCartRequest request, ServerCallContext context)
    {
        var buyerId = CallerRequirements.Buyer();
        return OrderingMapping.ToContract(await mediator.Send(new GetCartQuery(buyerId), context.CancellationToken), buyerId);
    }

    public override async Task<Cart> AddCartLines(AddCartLinesRequest request, ServerCallContext context)
    {
        var buyerId = CallerRequirements.Buyer();
        return OrderingMapping.ToContract(await mediator.Send(AddCartLinesCommand.From(buyerId, request), context.CancellationToken), buyerId);
    }

    public override async Task<Cart> UpdateCartLines(UpdateCartLinesRequest request, ServerCallContext context)
    {
        var buyerId = CallerRequirements.Buyer();
        return OrderingMapping.ToContract(await mediator.Send(UpdateCartLinesCommand.From(buyerId, request), context.CancellationToken), buyerId);
    }

    public override async Task<Cart> RemoveCartLines(RemoveCartLinesRequest request, ServerCallContext context)
    {
        var buyerId = CallerRequirements.Buyer();
        return OrderingMapping.ToContract(await mediator.Send(RemoveCartLinesCommand.From(buyerId, request), context.CancellationToken), buyerId);
    }
}
