using Marketplace.Modules.Notifications.Persistence;
using Marketplace.Shared.Modules;

namespace Marketplace.Modules.Notifications;

/// <summary>The Notifications module's entry type: everything the host needs to load it.</summary>
public sealed class NotificationsModule : IModule
{
    public string Name => "Notifications";

    public string Schema => NotificationsDbContext.SchemaName;

    public void Register(ModuleBuilder module)
    {
        module.AddDbContext<NotificationsDbContext>();
    }
}
