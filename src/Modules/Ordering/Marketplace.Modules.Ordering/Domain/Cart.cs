namespace Marketplace.Modules.Ordering.Domain;

/// <summary>
/// A buyer's cart: variant ids and quantities only (everything else is read from its owner when shown). One OPEN cart per
/// buyer (a partial unique index); a completed checkout marks it CHECKED_OUT and the next line starts a new one, so each
/// cart is one purchase and its id is the Inventory holder of that purchase's stock.
/// </summary>
internal sealed class Cart
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid BuyerId { get; set; }

    public string Status { get; set; } = CartStatus.Open;

    /// <summary>The currency of every line (from the first line's price); null while the cart is empty.</summary>
    public string? CurrencyCode { get; set; }

    /// <summary>+1 with every change of the lines: a checkout prepared from one version refuses to open on another.</summary>
    public int Version { get; set; } = 1;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? CheckedOutAt { get; set; }

    public List<CartLine> Lines { get; set; } = [];

    /// <summary>The Inventory holder of this cart's checkout holds (one hold per purchase; a new checkout replaces it).</summary>
    public static string HolderOf(Guid cartId) => $"ordering:cart:{cartId:N}";
}

internal static class CartStatus
{
    public const string Open = "OPEN";
    public const string CheckedOut = "CHECKED_OUT";
}

internal sealed class CartLine
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CartId { get; set; }

    public Guid VariantId { get; set; }

    /// <summary>The variant's product and store when added: a variant never moves, and the cart groups by store even when
    /// the store is no longer visible.</summary>
    public Guid ProductId { get; set; }

    public Guid StoreId { get; set; }

    public int Quantity { get; set; }

    /// <summary>Where the line shows: lines keep the order in which their variants were first added.</summary>
    public int Position { get; set; }

    public DateTimeOffset AddedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
