using Mediator;

namespace Marketplace.Modules.Inventory.Reservations.ExpireHolds;

/// <summary>Ends up to <see cref="BatchSize"/> holds past their expiry; the answer is how many it ended.</summary>
internal sealed record ExpireHoldsCommand(int BatchSize) : ICommand<int>;
