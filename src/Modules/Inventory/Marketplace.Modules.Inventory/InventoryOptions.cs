namespace Marketplace.Modules.Inventory;

/// <summary>Settings under <c>Modules:Inventory</c> (docs/inventory.md).</summary>
internal sealed class InventoryOptions
{
    public ReservationOptions Reservations { get; set; } = new();

    public SweeperOptions Sweeper { get; set; } = new();

    public ReconciliationOptions Reconciliation { get; set; } = new();
}

internal sealed class ReservationOptions
{
    /// <summary>Shortest hold a checkout may ask for.</summary>
    public TimeSpan MinTtl { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest hold a checkout may ask for.</summary>
    public TimeSpan MaxTtl { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Most lines in one Reserve (and in one Fulfil or Restock).</summary>
    public int MaxLines { get; set; } = 100;

    /// <summary>
    /// Reservations of one variant that may wait on its row at once in this process; the others queue in memory
    /// (0 = no gate). Keeps a hot variant from collapsing under many callers (docs/inventory.md, benchmark).
    /// </summary>
    public int ConcurrencyPerVariant { get; set; } = 4;
}

internal sealed class SweeperOptions
{
    /// <summary>Cron of the recurring job that ends expired holds (Hangfire's smallest interval is a minute).</summary>
    public string Cron { get; set; } = "* * * * *";

    /// <summary>Holds ended per transaction.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>Batches per run at most (the next run goes on).</summary>
    public int MaxBatchesPerRun { get; set; } = 200;
}

internal sealed class ReconciliationOptions
{
    /// <summary>Cron of the nightly job that recomputes counters from movements (UTC).</summary>
    public string Cron { get; set; } = "30 3 * * *";
}
