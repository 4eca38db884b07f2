using System.Globalization;
using Marketplace.Modules.Sellers.Domain;
using Marketplace.Modules.Sellers.Persistence;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.UseCases;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Sellers.Payouts.ListLedgerEntries;

/// <summary>Keyset on the ledger's position (an identity), so pages neither skip nor repeat entries written meanwhile.</summary>
internal sealed class ListLedgerEntriesHandler(SellersDbContext db, TimeProvider clock) : IQueryHandler<ListLedgerEntriesQuery, Page<LedgerEntryView>>
{
    public async ValueTask<Page<LedgerEntryView>> Handle(ListLedgerEntriesQuery query, CancellationToken cancellationToken)
    {
        var size = Paging.Size(query.First, 20, 100);
        var entries = db.LedgerEntries.AsNoTracking().Where(e => e.SellerId == query.SellerId);
        if (query.After.Length > 0)
        {
            if (!long.TryParse(query.After, NumberStyles.None, CultureInfo.InvariantCulture, out var after))
                throw ContractError.InvalidArgument(CommonErrorCodes.InvalidCursor, "Not a cursor of this list.", [new FieldViolation("after", "Not a cursor of this list.", CommonErrorCodes.InvalidCursor)]);
            entries = entries.Where(e => e.Position < after);
        }

        var rows = await entries.OrderByDescending(e => e.Position).Take(size + 1).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return Paging.FromSlice(rows.Select(e => LedgerEntryView.At(e, now)).ToList(), size);
    }
}
