using Npgsql;

namespace Marketplace.Inventory.Tests.Support;

/// <summary>
/// The conservation checks (Saleor's test_stock_invariants, commerce.md §3) over every row of the given variants, read
/// in one statement (one snapshot): each counter equals the sum of its movements' deltas; reserved equals the active
/// holds and allocated the open allocations; nothing is negative; a tracked variant that does not allow backorders never
/// promises more than it has on hand.
/// </summary>
public static class StockInvariants
{
    public static async Task AssertHoldAsync(IReadOnlyCollection<string> variantIds)
    {
        if (variantIds.Count == 0)
            return;
        await using var connection = new NpgsqlConnection(TestServices.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT s.variant_id, s.on_hand, s.reserved, s.allocated, s.tracked, s.policy,
                   coalesce(m.on_hand, 0), coalesce(m.reserved, 0), coalesce(m.allocated, 0), coalesce(r.held, 0), coalesce(a.open, 0), coalesce(a.bad, 0)
            FROM inventory.stock_levels s
            LEFT JOIN (SELECT variant_id, sum(on_hand_delta) AS on_hand, sum(reserved_delta) AS reserved, sum(allocated_delta) AS allocated
                       FROM inventory.stock_movements WHERE variant_id = ANY($1) GROUP BY variant_id) m ON m.variant_id = s.variant_id
            LEFT JOIN (SELECT variant_id, sum(quantity) AS held FROM inventory.reservations WHERE status = 'ACTIVE' AND variant_id = ANY($1) GROUP BY variant_id) r ON r.variant_id = s.variant_id
            LEFT JOIN (SELECT variant_id, sum(quantity - fulfilled - cancelled) AS open,
                              count(*) FILTER (WHERE fulfilled < 0 OR cancelled < 0 OR returned < 0 OR fulfilled + cancelled > quantity OR returned > fulfilled) AS bad
                       FROM inventory.allocations WHERE variant_id = ANY($1) GROUP BY variant_id) a ON a.variant_id = s.variant_id
            WHERE s.variant_id = ANY($1)
            """,
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = variantIds.Select(Guid.Parse).ToArray() });
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var variant = reader.GetGuid(0);
            var (onHand, reserved, allocated) = (reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3));
            var denies = reader.GetBoolean(4) && reader.GetString(5) == "DENY";
            var because = $"variant {variant}";
            onHand.Should().Be((int)reader.GetInt64(6), $"on_hand is the sum of its movements ({because})");
            reserved.Should().Be((int)reader.GetInt64(7), $"reserved is the sum of its movements ({because})");
            allocated.Should().Be((int)reader.GetInt64(8), $"allocated is the sum of its movements ({because})");
            reserved.Should().Be((int)reader.GetInt64(9), $"reserved is the sum of the active holds ({because})");
            allocated.Should().Be((int)reader.GetInt64(10), $"allocated is the sum of the open allocations ({because})");
            reader.GetInt64(11).Should().Be(0, $"allocation parts add up ({because})");
            onHand.Should().BeGreaterThanOrEqualTo(0, because);
            reserved.Should().BeGreaterThanOrEqualTo(0, because);
            allocated.Should().BeGreaterThanOrEqualTo(0, because);
            if (denies)
                (reserved + allocated).Should().BeLessThanOrEqualTo(onHand, $"a DENY variant never promises more than it holds ({because})");
        }
    }
}

/// <summary>
/// Every inventory test derives from this: the variants a test touches are checked against <see cref="StockInvariants"/>
/// after it, whatever it asserted itself.
/// </summary>
public abstract class InventoryTest(InventoryApp app) : IAsyncLifetime
{
    private readonly List<string> _variants = [];

    protected InventoryApp App { get; } = app;

    protected Listing Track(Listing listing)
    {
        lock (_variants)
            _variants.AddRange(listing.VariantIds);
        return listing;
    }

    protected async Task<Listing> ListingAsync(int variants = 1, bool publish = true) => Track(await App.ListingAsync(variants, publish));

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        List<string> variants;
        lock (_variants)
            variants = [.. _variants];
        await StockInvariants.AssertHoldAsync(variants);
        GC.SuppressFinalize(this);
    }
}
