using Grpc.Core;
using Marketplace.Modules.Sellers.Contracts.V1;
using Marketplace.Modules.Sellers.Following.ListStoreFollowers;
using Marketplace.Modules.Sellers.Stores;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.Contracts.V1;
using Mediator;

namespace Marketplace.Modules.Sellers.GrpcServices;

/// <summary>
/// The <c>SellersFollowers</c> contract: who follows a store, for modules only (<see cref="CallerRequirements.Service"/>):
/// users, sellers included, never learn who follows a store.
/// </summary>
internal sealed class SellersFollowersGrpcService(ISender mediator) : SellersFollowers.SellersFollowersBase
{
    public override async Task<ListStoreFollowersResponse> ListStoreFollowers(ListStoreFollowersRequest request, ServerCallContext context)
    {
        CallerRequirements.Service();
        if (!Guid.TryParse(request.StoreId, out var storeId))
            throw ContractError.InvalidArgument(CommonErrorCodes.InvalidInput, "The input is not valid.", [new FieldViolation("storeId", "Not a store id.", CommonErrorCodes.InvalidId)]);
        var page = request.Page ?? new PageRequest();
        Guid? after = null;
        if (page.After.Length > 0)
        {
            after = Guid.TryParse(page.After, out var last)
                ? last
                : throw ContractError.InvalidArgument(CommonErrorCodes.InvalidInput, "The input is not valid.", [new FieldViolation("after", "Not a cursor of this list.", CommonErrorCodes.InvalidCursor)]);
        }

        var result = await mediator.Send(new ListStoreFollowersQuery(storeId, page.First, after), context.CancellationToken) ?? throw StoreRows.NotFound();
        return new ListStoreFollowersResponse
        {
            UserIds = { result.Followers.Items.Select(id => id.ToString()) },
            PageInfo = new PageInfo { HasNextPage = result.Followers.HasNextPage },
            Store = result.Store.ToContract(),
        };
    }
}
