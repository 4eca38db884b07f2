using Mediator;

namespace Marketplace.Modules.Sellers.Stores.ListMyStores;

/// <summary>The seller's own stores, any status, oldest first.</summary>
internal sealed record ListMyStoresQuery(Guid SellerId) : IQuery<List<StoreView>>;
