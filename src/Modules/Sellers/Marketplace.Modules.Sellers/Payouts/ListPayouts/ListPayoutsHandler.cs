using System.Globalization;
using Marketplace.Modules.Sellers.Domain;
using Marketplace.Modules.Sellers.Persistence;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.UseCases;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Sellers.Payouts.ListPayouts;

/// <summary>Keyset on (created_at, id) descending (the index on (seller_id, created_at, id) serves a seller's pages).</summary>
internal sealed class ListPayoutsHandler(SellersDbContext db) : IQueryHandler<ListPayoutsQuery, Page<Payout>>
{
    public async ValueTask<Page<Payout>> Handle(ListPayoutsQuery query, CancellationToken cancellationToken)
    {
        var size = Paging.Size(query.First, 20, 100);
        var (at, id) = query.After.Length > 0 ? ParseKey(query.After) : (new DateTimeOffset(9000, 1, 1, 0, 0, 0, TimeSpan.Zero), Guid.Empty);
        var everySeller = query.SellerId is null;
        var sellerId = query.SellerId ?? Guid.Empty;
        var rows = await db.Payouts.FromSql(
                $"""
                SELECT * FROM sellers.payouts
                WHERE ({everySeller} OR seller_id = {sellerId}) AND ({query.Status} = '' OR status = {query.Status})
                  AND ({query.CurrencyCode} = '' OR currency_code = {query.CurrencyCode}) AND (created_at, id) < ({at}, {id})
                ORDER BY created_at DESC, id DESC LIMIT {size + 1}
                """)
            .AsNoTracking().ToListAsync(cancellationToken);
        return Paging.FromSlice(rows, size);
    }

    public static string KeyOf(Payout payout) => $"{payout.CreatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}:{payout.Id}";

    private static (DateTimeOffset At, Guid Id) ParseKey(string key)
    {
        var parts = key.Split(':');
        if (parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks <= DateTimeOffset.MaxValue.UtcTicks && Guid.TryParse(parts[1], out var id))
            return (new DateTimeOffset(ticks, TimeSpan.Zero), id);
        throw ContractError.InvalidArgument(CommonErrorCodes.InvalidCursor, "Not a cursor of this list.", [new FieldViolation("after", "Not a cursor of this list.", CommonErrorCodes.InvalidCursor)]);
    }
}
