using System.Diagnostics.Metrics;
using Hangfire;
using Hangfire.Storage;
using Marketplace.Inventory.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using static Marketplace.Inventory.Tests.Support.InventoryFlows;

namespace Marketplace.Inventory.Tests;

/// <summary>The background work: the sweeper that ends expired holds, and the nightly reconciliation.</summary>
public sealed class ExpiryAndReconciliationTests(InventoryApp app) : InventoryTest(app)
{
    [Fact]
    public async Task Overlapping_sweeps_end_each_expired_hold_once_while_reservations_run()
    {
        var listing = await ListingAsync();
        await App.StockAsync(listing, listing.VariantId, 100);
        var expiring = Enumerable.Range(0, 40).Select(_ => NewHolder()).ToList();
        var held = await Task.WhenAll(expiring.Select(h => Task.Run(() => App.ReserveAsync(h, 1, (listing.VariantId, 1)))));
        held.Should().OnlyContain(h => h.Reserved);
        await Eventually.AssertAsync(async () => (await App.LevelAsync(listing.VariantId)).Available == 100, TimeSpan.FromSeconds(10), "the holds expire");

        // Four sweeps at once (the schedule never overlaps them; this shows it would not matter) beside 30 new holds.
        var fresh = Enumerable.Range(0, 30).Select(_ => NewHolder()).ToList();
        var sweeps = Enumerable.Range(0, 4).Select(_ => Task.Run(() => ModuleJobs.RunAsync(App, "ExpireHoldsJob")));
        var reservations = fresh.Select(h => Task.Run(() => App.ReserveAsync(h, 600, (listing.VariantId, 1))));
        await Task.WhenAll(sweeps);
        (await Task.WhenAll(reservations)).Should().OnlyContain(r => r.Reserved);
        await ModuleJobs.RunAsync(App, "ExpireHoldsJob");

        var level = await App.LevelAsync(listing.VariantId);
        (level.Reserved, level.Available).Should().Be((30, 70));
        var expired = await ScalarAsync<long>(
            "SELECT count(*) FROM inventory.stock_movements WHERE variant_id = $1 AND kind = 'EXPIRED' AND reference = ANY($2)",
            Guid.Parse(listing.VariantId), expiring.ToArray());
        expired.Should().Be(40, "each expired hold is ended exactly once, by whichever sweep (or reservation) got it first");
        (await ScalarAsync<long>("SELECT count(*) FROM inventory.reservations WHERE holder_id = ANY($1) AND status = 'ACTIVE'", (object)expiring.ToArray())).Should().Be(0);
    }

    [Fact]
    public async Task Reconciliation_reports_a_corrupted_counter_as_a_metric_and_a_log_line()
    {
        var listing = await ListingAsync();
        await App.StockAsync(listing, listing.VariantId, 7);
        long drifted = -1;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "marketplace.inventory.reconciliation.drifted")
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Exchange(ref drifted, value));
        listener.Start();

        // A hand edit behind the module's back: on_hand no longer equals the sum of its movements.
        await ExecuteAsync("UPDATE inventory.stock_levels SET on_hand = on_hand + 5 WHERE variant_id = $1", Guid.Parse(listing.VariantId));
        try
        {
            await ModuleJobs.RunAsync(App, "ReconcileCountersJob");
            listener.RecordObservableInstruments();
            drifted.Should().BeGreaterThanOrEqualTo(1);
            App.Logs.Lines.Should().Contain(l => l.Level == LogLevel.Warning && l.Message.Contains(listing.VariantId, StringComparison.Ordinal)
                && l.Message.Contains("on_hand 12", StringComparison.Ordinal) && l.Message.Contains("sum to 7/", StringComparison.Ordinal));
        }
        finally
        {
            await ExecuteAsync("UPDATE inventory.stock_levels SET on_hand = on_hand - 5 WHERE variant_id = $1", Guid.Parse(listing.VariantId));
        }

        await ModuleJobs.RunAsync(App, "ReconcileCountersJob");
        var before = App.Logs.Lines.Count;
        await ModuleJobs.RunAsync(App, "ReconcileCountersJob");
        App.Logs.Lines.Skip(before).Should().NotContain(l => l.Message.Contains(listing.VariantId, StringComparison.Ordinal), "repaired, it no longer drifts");
    }

    [Fact]
    public async Task The_database_itself_refuses_an_oversold_row_and_a_changed_movement()
    {
        var listing = await ListingAsync();
        await App.StockAsync(listing, listing.VariantId, 2);
        var variant = Guid.Parse(listing.VariantId);

        foreach (var sql in new[]
        {
            "UPDATE inventory.stock_levels SET reserved = 3 WHERE variant_id = $1",
            "UPDATE inventory.stock_levels SET on_hand = -1 WHERE variant_id = $1",
            "UPDATE inventory.stock_levels SET allocated = -1 WHERE variant_id = $1",
            "UPDATE inventory.stock_movements SET quantity = 5 WHERE variant_id = $1",
            "DELETE FROM inventory.stock_movements WHERE variant_id = $1",
        })
        {
            var act = () => ExecuteAsync(sql, variant);
            (await act.Should().ThrowAsync<PostgresException>()).Which.SqlState.Should().BeOneOf(PostgresErrorCodes.CheckViolation, PostgresErrorCodes.InsufficientPrivilege);
        }

        (await App.LevelAsync(listing.VariantId)).OnHand.Should().Be(2);
    }

    [Fact]
    public void The_sweeper_and_the_reconciliation_are_scheduled_with_hangfire()
    {
        using var connection = App.Services.GetRequiredService<JobStorage>().GetConnection();
        var recurring = connection.GetRecurringJobs().ToDictionary(j => j.Id);

        recurring["inventory:expire-holds"].Cron.Should().Be("* * * * *");
        recurring["inventory:expire-holds"].Job.Type.Name.Should().Be("ExpireHoldsJob");
        recurring["inventory:expire-holds"].Job.Queue.Should().Be("inventory", "it runs on the module's queue");
        recurring["inventory:reconcile-counters"].Cron.Should().Be("30 3 * * *");
    }

    private static async Task ExecuteAsync(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(TestServices.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        await command.ExecuteNonQueryAsync();
    }

    private static Task<T?> ScalarAsync<T>(string sql, params object[] parameters) => Gql.ScalarAsync<T>(sql, parameters);
}
