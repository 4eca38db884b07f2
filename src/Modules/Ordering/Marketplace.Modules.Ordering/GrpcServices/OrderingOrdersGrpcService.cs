using Grpc.Core;
using Marketplace.Modules.Ordering.Contracts;
using Marketplace.Modules.Ordering.Contracts.V1;
using Marketplace.Modules.Ordering.Orders.GetOrder;
using Marketplace.Modules.Ordering.Orders.GetOrderGroup;
using Marketplace.Modules.Ordering.Orders.ListOrders;
using Marketplace.Shared.Contracts;
using Mediator;

namespace Marketplace.Modules.Ordering.GrpcServices;

/// <summary>The <c>OrderingOrders</c> contract: who may read an order is decided by the queries (a Viewer each).</summary>
internal sealed class OrderingOrdersGrpcService(ISender mediator) : OrderingOrders.OrderingOrdersBase
{
    public override async Task<ListOrdersResponse> ListBuyerOrders(ListBuyerOrdersRequest request, ServerCallContext context)
    {
        var buyerId = CallerRequirements.Buyer();
        var page = await mediator.Send(
            new ListOrdersQuery(new Viewer(buyerId, false), null, Status(request.Status), request.Page?.First ?? 0, After(request.Page?.After)), context.CancellationToken);
        return OrderingMapping.ToContract(page);
    }

    public override async Task<ListOrdersResponse> ListStoreOrders(ListStoreOrdersRequest request, ServerCallContext context)
    {
        var viewer = CallerRequirements.Viewer();
        if (viewer.UserId is null && !viewer.IsPrivileged)
            throw ContractError.Unauthenticated(CommonErrorCodes.SignInRequired, "Sign in to see a store's orders.");
        if (!Guid.TryParse(request.StoreId, out var storeId))
            return new ListOrdersResponse { PageInfo = new() };
        var page = await mediator.Send(
            new ListOrdersQuery(viewer, storeId, Status(request.Status), request.Page?.First ?? 0, After(request.Page?.After)), context.CancellationToken);
        return OrderingMapping.ToContract(page);
    }

    public override async Task<Order> GetOrder(GetOrderRequest request, ServerCallContext context)
    {
        var viewer = CallerRequirements.Viewer();
        var order = Guid.TryParse(request.Id, out var id) ? await mediator.Send(new GetOrderQuery(viewer, id), context.CancellationToken) : null;
        return OrderingMapping.ToContract(order ?? throw ContractError.NotFound(OrderingErrorCodes.OrderNotFound, "No such order."));
    }

    public override async Task<OrderGroup> GetOrderGroup(GetOrderGroupRequest request, ServerCallContext context)
    {
        var viewer = CallerRequirements.Viewer();
        var group = Guid.TryParse(request.Id, out var id) ? await mediator.Send(new GetOrderGroupQuery(viewer, id), context.CancellationToken) : null;
        return OrderingMapping.ToContract(group ?? throw ContractError.NotFound(OrderingErrorCodes.OrderGroupNotFound, "No such order group."));
    }

    private static string? Status(string status) => status.Length == 0 ? null : status;

    private static Guid? After(string? after)
    {
        if (string.IsNullOrEmpty(after))
            return null;
        return Guid.TryParse(after, out var id)
            ? id
            : throw ContractError.InvalidArgument(CommonErrorCodes.InvalidInput, "The input is not valid.", [new FieldViolation("after", "Not a cursor of this list.", CommonErrorCodes.InvalidCursor)]);
    }
}
