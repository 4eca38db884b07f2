using Mediator;

namespace Marketplace.Modules.Sellers.Stores.SuspendStore;

/// <summary>An administrator suspends a store of any status, with a reason its seller sees.</summary>
internal sealed record SuspendStoreCommand(Guid AdminId, Guid StoreId, string Reason) : ICommand<StoreView>;
