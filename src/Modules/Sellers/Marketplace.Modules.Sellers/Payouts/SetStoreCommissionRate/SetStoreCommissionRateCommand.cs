using Mediator;

namespace Marketplace.Modules.Sellers.Payouts.SetStoreCommissionRate;

/// <summary>An administrator sets a store's own commission rate (<paramref name="Rate"/> null: back to the default).</summary>
internal sealed record SetStoreCommissionRateCommand(Guid AdminId, Guid StoreId, string? Rate) : ICommand<CommissionRateView>;

internal sealed record CommissionRateView(Guid StoreId, decimal Rate, bool Overridden);
