using Mediator;

namespace Marketplace.Modules.Sellers.Stores.ReopenStore;

/// <summary>The seller reopens a CLOSED store (ACTIVE again).</summary>
internal sealed record ReopenStoreCommand(Guid SellerId, Guid StoreId) : ICommand<StoreView>;
