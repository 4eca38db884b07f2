using Marketplace.Modules.Inventory.Stock;
using Mediator;

namespace Marketplace.Modules.Inventory.Reservations.Release;

/// <summary>Ends a holder's hold; the answer is the units released by this call (0 when nothing was held).</summary>
internal sealed record ReleaseCommand(Actor Actor, string HolderId) : ICommand<int>;
