using Marketplace.Modules.Notifications.Domain;
using Marketplace.Modules.Notifications.Persistence;
using Marketplace.Modules.Notifications.Sending;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Marketplace.Modules.Notifications.Devices.RegisterDeviceToken;

/// <summary>
/// A push token is bearer-like: whoever has it could register it. The platform cannot tell the device's owner from
/// someone who copied the token, so a token active for another user is not taken from them: this binding waits,
/// inactive, until theirs ends (they unregister, e.g. at sign-out; FCM reports the token dead; or they have not
/// re-registered it for <see cref="NotificationsOptions.DeviceTokenStaleAfter"/>). The user's own other devices holding
/// it simply give it up. A user keeps at most <see cref="NotificationsOptions.MaxDevicesPerUser"/> devices: a new one
/// pushes out the least recently seen.
/// </summary>
internal sealed class RegisterDeviceTokenHandler(NotificationsDbContext db, NotificationsOptions options, TimeProvider clock)
    : ICommandHandler<RegisterDeviceTokenCommand, DeviceTokenView>
{
    public async ValueTask<DeviceTokenView> Handle(RegisterDeviceTokenCommand command, CancellationToken cancellationToken)
    {
        var (userId, deviceId, token) = (command.UserId, command.DeviceId, command.Token);
        var now = clock.GetUtcNow();
        await db.DeviceTokens.Where(d => d.Token == token && d.UserId == userId && d.DeviceId != deviceId && d.Active)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Active, false).SetProperty(d => d.InvalidReason, DeviceToken.Replaced), cancellationToken);
        var staleBefore = now - options.DeviceTokenStaleAfter;
        await db.DeviceTokens.Where(d => d.Token == token && d.UserId != userId && d.Active && d.LastSeenAt < staleBefore)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Active, false).SetProperty(d => d.InvalidReason, DeviceToken.Replaced), cancellationToken);
        var heldElsewhere = await db.DeviceTokens.AnyAsync(d => d.Token == token && d.UserId != userId && d.Active, cancellationToken);

        var row = await db.DeviceTokens.FirstOrDefaultAsync(d => d.UserId == userId && d.DeviceId == deviceId, cancellationToken);
        if (row is null)
        {
            var surplus = await db.DeviceTokens.Where(d => d.UserId == userId).OrderByDescending(d => d.LastSeenAt)
                .Skip(Math.Max(options.MaxDevicesPerUser - 1, 0)).Select(d => d.Id).ToListAsync(cancellationToken);
            if (surplus.Count > 0)
                await db.DeviceTokens.Where(d => surplus.Contains(d.Id)).ExecuteDeleteAsync(cancellationToken);
            row = new DeviceToken { Id = Guid.CreateVersion7(), UserId = userId, DeviceId = deviceId, Platform = command.Platform, Token = token, CreatedAt = now };
            db.DeviceTokens.Add(row);
        }

        row.Platform = command.Platform;
        row.Token = token;
        row.Active = !heldElsewhere;
        row.InvalidReason = heldElsewhere ? DeviceToken.HeldByAnotherAccount : null;
        row.LastSeenAt = now;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another user's registration of the same token won a race (one active binding per token; EF rolled back to
            // its savepoint): wait like above.
            row.Active = false;
            row.InvalidReason = DeviceToken.HeldByAnotherAccount;
            await db.SaveChangesAsync(cancellationToken);
        }

        return new DeviceTokenView(row.DeviceId, row.Platform, row.Active);
    }
}
