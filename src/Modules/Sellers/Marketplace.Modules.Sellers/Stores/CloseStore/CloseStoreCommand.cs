using Mediator;

namespace Marketplace.Modules.Sellers.Stores.CloseStore;

/// <summary>The seller closes an ACTIVE store: CLOSED stores are hidden from buyers and searches.</summary>
internal sealed record CloseStoreCommand(Guid SellerId, Guid StoreId) : ICommand<StoreView>;
