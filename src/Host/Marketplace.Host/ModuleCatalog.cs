using Marketplace.Modules.Catalog;
using Marketplace.Modules.Inventory;
using Marketplace.Modules.Media;
using Marketplace.Modules.Notifications;
using Marketplace.Modules.Ordering;
using Marketplace.Modules.Sellers;
using Marketplace.Modules.Users;
using Marketplace.Shared.Modules;

namespace Marketplace.Host;

/// <summary>
/// Every module of the marketplace, in load order. Explicit on purpose: adding a module is one line here,
/// and nothing is discovered by scanning.
/// </summary>
internal static class ModuleCatalog
{
    public static IReadOnlyList<IModule> All { get; } =
    [
        new UsersModule(),
        new SellersModule(),
        new CatalogModule(),
        new InventoryModule(),
        new OrderingModule(),
        new NotificationsModule(),
        new MediaModule(),
    ];
}
