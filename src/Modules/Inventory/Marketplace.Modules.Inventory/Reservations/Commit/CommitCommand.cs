using Marketplace.Modules.Inventory.Stock;
using Mediator;

namespace Marketplace.Modules.Inventory.Reservations.Commit;

/// <summary>Turns a holder's hold into an allocation for an order, once per order id.</summary>
internal sealed record CommitCommand(Actor Actor, string HolderId, string OrderId) : ICommand<AllocationResult>;

/// <summary>What an order operation did, per variant (sorted by variant id); stored as the operation's answer.</summary>
internal sealed record AllocationResult(string OrderId, IReadOnlyList<StockLineResult> Lines);
