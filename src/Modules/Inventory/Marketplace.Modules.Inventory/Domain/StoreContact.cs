namespace Marketplace.Modules.Inventory.Domain;

/// <summary>
/// A local copy of a store's contact address (from the Sellers contract, refreshed whenever one of its products
/// changes): where low-stock emails go.
/// </summary>
internal sealed class StoreContact
{
    public Guid StoreId { get; set; }

    public Guid SellerId { get; set; }

    public string ContactEmail { get; set; } = "";

    public DateTimeOffset RefreshedAt { get; set; }
}
