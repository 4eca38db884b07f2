using Marketplace.Modules.Sellers.Stores;
using Mediator;

namespace Marketplace.Modules.Sellers.Following.FollowStore;

/// <summary>A signed-in user follows an ACTIVE store; following it again changes nothing.</summary>
internal sealed record FollowStoreCommand(Guid UserId, Guid StoreId) : ICommand<FollowResult>;

/// <summary>Whether the call created (or removed) a follow, and the store afterwards (null when hidden from the user).</summary>
internal sealed record FollowResult(bool Changed, StoreView? Store);
