using Mediator;

namespace Marketplace.Modules.Inventory.Stock.GetAvailability;

/// <summary>Whether each variant can be bought now and how many; for everyone.</summary>
internal sealed record GetAvailabilityQuery(IReadOnlyList<string> VariantIds) : IQuery<IReadOnlyList<AvailabilityView>>;

/// <summary>One variant's availability; <see cref="QuantityAvailable"/> is null for an untracked variant.</summary>
internal sealed record AvailabilityView(string VariantId, bool AvailableForSale, int? QuantityAvailable);
