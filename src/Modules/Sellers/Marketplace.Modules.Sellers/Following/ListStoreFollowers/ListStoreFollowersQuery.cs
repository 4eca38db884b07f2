using Marketplace.Modules.Sellers.Stores;
using Marketplace.Shared.UseCases;
using Mediator;

namespace Marketplace.Modules.Sellers.Following.ListStoreFollowers;

/// <summary>
/// The users following a store (its own seller left out), in user id order after <paramref name="After"/>; null when
/// the store does not exist. For modules only: followers are never shown to users.
/// </summary>
internal sealed record ListStoreFollowersQuery(Guid StoreId, int First, Guid? After) : IQuery<StoreFollowersPage?>;

/// <summary>One page of a store's followers, and the store (as a module sees it).</summary>
internal sealed record StoreFollowersPage(StoreView Store, Page<Guid> Followers);
