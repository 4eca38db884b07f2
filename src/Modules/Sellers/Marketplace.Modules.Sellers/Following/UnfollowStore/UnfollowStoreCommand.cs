using Marketplace.Modules.Sellers.Following.FollowStore;
using Mediator;

namespace Marketplace.Modules.Sellers.Following.UnfollowStore;

/// <summary>A signed-in user stops following a store, whatever its status; unfollowing again changes nothing.</summary>
internal sealed record UnfollowStoreCommand(Guid UserId, Guid StoreId) : ICommand<FollowResult>;
