using Marketplace.Modules.Inventory.Domain;
using Marketplace.Modules.Inventory.Persistence;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.UseCases;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Inventory.Stock.ListMovements;

/// <summary>Keyset pages on the movement id (it grows with every movement): no gaps or repeats while movements are added.</summary>
internal sealed class ListMovementsHandler(InventoryDbContext db) : IQueryHandler<ListMovementsQuery, Page<StockMovement>>
{
    public async ValueTask<Page<StockMovement>> Handle(ListMovementsQuery query, CancellationToken cancellationToken)
    {
        var seller = await db.StockLevels.AsNoTracking().Where(s => s.VariantId == query.VariantId).Select(s => (Guid?)s.SellerId).FirstOrDefaultAsync(cancellationToken)
            ?? throw InventoryInput.VariantNotFound();
        if (!query.Viewer.OwnsOrPrivileged(seller))
            throw InventoryInput.NotOwner();

        long? after = null;
        if (query.After.Length > 0)
        {
            after = long.TryParse(query.After, out var key) && key > 0
                ? key
                : throw ContractError.InvalidArgument(CommonErrorCodes.InvalidInput, "The input is not valid.",
                    [new FieldViolation("after", "The cursor is not one this API returned.", CommonErrorCodes.InvalidCursor)]);
        }

        var size = Paging.Size(query.First, InventoryRules.DefaultMovementsPage, InventoryRules.MaxMovementsPage);
        var movements = db.Movements.AsNoTracking().Where(m => m.VariantId == query.VariantId);
        if (after is { } cursor)
            movements = movements.Where(m => m.Id < cursor);
        var rows = await movements.OrderByDescending(m => m.Id).Take(size + 1).ToListAsync(cancellationToken);
        return Paging.FromSlice(rows, size);
    }
}
