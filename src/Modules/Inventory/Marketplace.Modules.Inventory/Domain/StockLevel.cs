namespace Marketplace.Modules.Inventory.Domain;

/// <summary>
/// The stock of one variant (a variant belongs to one store). The counters change only together with a
/// <see cref="StockMovement"/> whose deltas they sum, and CHECK constraints hold the invariant in the database:
/// nothing negative, and for a tracked variant that does not allow backorders, never more promised (reserved +
/// allocated) than on hand. The variant's product, store, seller and SKU are a local copy fed by Catalog's events.
/// </summary>
internal sealed class StockLevel
{
    public Guid VariantId { get; set; }

    public Guid ProductId { get; set; }

    public Guid StoreId { get; set; }

    /// <summary>The seller who runs the store (copied from Catalog's product): the only user who may see and change it.</summary>
    public Guid SellerId { get; set; }

    public string Sku { get; set; } = "";

    public string ProductTitle { get; set; } = "";

    public int OnHand { get; set; }

    /// <summary>Σ active holds (<see cref="Reservation"/> rows with status ACTIVE), expired ones until the sweeper ends them.</summary>
    public int Reserved { get; set; }

    /// <summary>Σ over allocations of what is neither handed over nor cancelled.</summary>
    public int Allocated { get; set; }

    public int SafetyStock { get; set; }

    public int? LowStockThreshold { get; set; }

    public bool Tracked { get; set; } = true;

    public string Policy { get; set; } = InventoryPolicy.Deny;

    /// <summary>The availability last published in <c>stock_changed.v1</c>.</summary>
    public bool AvailableForSale { get; set; }

    /// <summary>Grows by one with every <c>stock_changed.v1</c> of this variant.</summary>
    public long AvailabilityVersion { get; set; }

    /// <summary>A <c>low_stock.v1</c> went out since availability was last above the threshold.</summary>
    public bool LowStockAlerted { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

internal static class InventoryPolicy
{
    /// <summary>Never sell more than is available (the default).</summary>
    public const string Deny = "DENY";

    /// <summary>Backorders allowed: sells on when available reaches zero.</summary>
    public const string Continue = "CONTINUE";

    public static bool IsValid(string policy) => policy is Deny or Continue;
}
