using Mediator;

namespace Marketplace.Modules.Sellers.Stores.ReinstateStore;

/// <summary>An administrator lifts a suspension: the store returns to the status it had before (ACTIVE or CLOSED).</summary>
internal sealed record ReinstateStoreCommand(Guid AdminId, Guid StoreId) : ICommand<StoreView>;
