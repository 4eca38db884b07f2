namespace Marketplace.Modules.Inventory.Stock;

/// <summary>
/// A variant's stock as readers see it: holds past their expiry no longer count as reserved (the sweeper ends them
/// later), so nobody waits on a hold nobody keeps.
/// </summary>
internal sealed record StockView(StockRow Row, int ExpiredReserved)
{
    public int Reserved => Row.Reserved - ExpiredReserved;

    public long RawAvailable => Row.RawAvailable + ExpiredReserved;

    /// <summary>Never negative: a backorder variant reports 0 when it promised more than it holds.</summary>
    public int Available => (int)Math.Clamp(RawAvailable, 0, int.MaxValue);

    public bool AvailableForSale => Row.SellsAnyway || RawAvailable > 0;

    /// <summary>Null for untracked variants (there is no count).</summary>
    public int? QuantityAvailable => Row.Tracked ? Available : null;
}
