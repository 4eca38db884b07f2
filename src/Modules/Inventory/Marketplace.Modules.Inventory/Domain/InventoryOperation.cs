namespace Marketplace.Modules.Inventory.Domain;

/// <summary>
/// An idempotency key: the first Commit, Fulfil or Restock with a reference claims (kind, reference) and stores its
/// answer; a repeat with the same request gets that answer, one with another request <c>REFERENCE_REUSED</c>.
/// </summary>
internal sealed class InventoryOperation
{
    public string Kind { get; set; } = "";

    public string Reference { get; set; } = "";

    /// <summary>SHA-256 of the request message, to tell a repeat from a different request under the same reference.</summary>
    public byte[] RequestHash { get; set; } = [];

    /// <summary>The answer as the contract's protobuf message.</summary>
    public byte[] Response { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
}
