using Mediator;

namespace Marketplace.Modules.Sellers.Stores.IsStoreOwner;

/// <summary>Whether the seller runs the store (false for ids that are not UUIDs).</summary>
internal sealed record IsStoreOwnerQuery(string StoreId, string SellerId) : IQuery<bool>;
