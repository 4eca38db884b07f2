using Marketplace.Modules.Inventory.Domain;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.UseCases;
using Mediator;

namespace Marketplace.Modules.Inventory.Stock.ListMovements;

/// <summary>A variant's movements newest first, for its store's seller (administrators, modules).</summary>
internal sealed record ListMovementsQuery(Viewer Viewer, Guid VariantId, int First, string After) : IQuery<Page<StockMovement>>;
