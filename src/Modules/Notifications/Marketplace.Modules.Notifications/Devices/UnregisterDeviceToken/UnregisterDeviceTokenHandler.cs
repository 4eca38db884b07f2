using Marketplace.Modules.Notifications.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Notifications.Devices.UnregisterDeviceToken;

internal sealed class UnregisterDeviceTokenHandler(NotificationsDbContext db) : ICommandHandler<UnregisterDeviceTokenCommand, bool>
{
    public async ValueTask<bool> Handle(UnregisterDeviceTokenCommand command, CancellationToken cancellationToken) =>
        await db.DeviceTokens.Where(d => d.UserId == command.UserId && d.DeviceId == command.DeviceId).ExecuteDeleteAsync(cancellationToken) > 0;
}
