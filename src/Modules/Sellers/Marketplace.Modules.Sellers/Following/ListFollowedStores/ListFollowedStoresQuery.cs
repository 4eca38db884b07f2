using Marketplace.Modules.Sellers.Stores;
using Marketplace.Shared.UseCases;
using Mediator;

namespace Marketplace.Modules.Sellers.Following.ListFollowedStores;

/// <summary>The user's followed ACTIVE stores, newest follow first, a page at a time.</summary>
internal sealed record ListFollowedStoresQuery(Guid UserId, int First, string After) : IQuery<Page<FollowedStoreView>>;

/// <summary>A followed store, when the follow began, and its position key.</summary>
internal sealed record FollowedStoreView(StoreView Store, DateTimeOffset FollowedAt, string Key);
