using Marketplace.Shared.Contracts;
using Mediator;

namespace Marketplace.Modules.Inventory.Stock.GetStockLevels;

/// <summary>The whole stock level of the variants the reader may see: their store's seller, administrators, modules.</summary>
internal sealed record GetStockLevelsQuery(IReadOnlyList<string> VariantIds, Viewer Viewer) : IQuery<IReadOnlyList<StockView>>;
