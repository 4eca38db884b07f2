using Grpc.Core;
using Marketplace.Modules.Notifications.Contracts.V1;
using Marketplace.Modules.Notifications.Sending;
using Marketplace.Modules.Notifications.Domain;
using Preference = Marketplace.Modules.Notifications.Domain.Preference;
using Marketplace.Modules.Notifications.Persistence;
using Marketplace.Shared.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Notifications.Contracts;

/// <summary>
/// A user's own preferences, devices and feed. The user is always <see cref="CallContext"/>'s caller: no request
/// names a user, so nobody reaches another user's rows (feed ids of others simply match nothing).
/// </summary>
internal sealed class NotificationsUserContractService(NotificationsDbContext db, FeedBroadcaster feed, NotificationsOptions options)
    : NotificationsUserContract.NotificationsUserContractBase
{
    private const int MaxPage = 100;
    private const string HeldByAnotherAccount = "HELD_BY_ANOTHER_ACCOUNT";

    public override async Task<PreferencesResponse> GetPreferences(GetPreferencesRequest request, ServerCallContext context) =>
        await PreferencesOfAsync(CurrentUser(), context.CancellationToken);

    public override async Task<PreferencesResponse> UpdatePreferences(UpdatePreferencesRequest request, ServerCallContext context)
    {
        var userId = CurrentUser();
        var violations = new List<FieldViolation>();
        var changes = new List<(Channel, Category, bool)>();
        for (var i = 0; i < request.Preferences.Count; i++)
        {
            var p = request.Preferences[i];
            var channel = FeedMapping.ParseChannel(p.Channel);
            var category = FeedMapping.ParseCategory(p.Category);
            if (channel is null)
                violations.Add(new FieldViolation($"preferences[{i}].channel", "One of EMAIL, PUSH, IN_APP.", "INVALID_CHANNEL"));
            if (category is null)
                violations.Add(new FieldViolation($"preferences[{i}].category", "One of ACCOUNT, ORDERS, FOLLOWED_STORES, MARKETING.", "INVALID_CATEGORY"));
            else if (Preference.IsLocked(category.Value) && !p.Enabled)
                violations.Add(new FieldViolation($"preferences[{i}].enabled", "Account and security notifications cannot be switched off.", "LOCKED"));
            if (channel is not null && category is not null)
                changes.Add((channel.Value, category.Value, p.Enabled));
        }

        if (violations.Count > 0)
            throw ContractError.InvalidArgument("INVALID_PREFERENCES", "Some preferences are invalid.", violations);

        var now = DateTimeOffset.UtcNow;
        foreach (var (channel, category, enabled) in changes)
        {
            var row = await db.Preferences.FindAsync([userId, channel, category], context.CancellationToken);
            if (row is null)
                db.Preferences.Add(new Preference { UserId = userId, Channel = channel, Category = category, Enabled = enabled, UpdatedAt = now });
            else
            {
                row.Enabled = enabled;
                row.UpdatedAt = now;
            }
        }

        await db.SaveChangesAsync(context.CancellationToken);
        return await PreferencesOfAsync(userId, context.CancellationToken);
    }

    public override async Task<DeviceTokenResponse> RegisterDeviceToken(RegisterDeviceTokenRequest request, ServerCallContext context)
    {
        var userId = CurrentUser();
        var platform = request.Platform.ToUpperInvariant();
        var violations = new List<FieldViolation>();
        if (string.IsNullOrWhiteSpace(request.DeviceId) || request.DeviceId.Length > 200)
            violations.Add(new FieldViolation("deviceId", "A device id of at most 200 characters is required.", "REQUIRED"));
        if (platform is not ("ANDROID" or "IOS" or "WEB"))
            violations.Add(new FieldViolation("platform", "One of ANDROID, IOS, WEB.", "INVALID_PLATFORM"));
        if (string.IsNullOrWhiteSpace(request.Token) || request.Token.Length > 4096)
            violations.Add(new FieldViolation("token", "A push token of at most 4096 characters is required.", "REQUIRED"));
        if (violations.Count > 0)
            throw ContractError.InvalidArgument("INVALID_DEVICE_TOKEN", "The device token is invalid.", violations);

        var now = DateTimeOffset.UtcNow;
        // A push token is bearer-like: whoever has it could register it. The platform cannot tell the device's owner from
        // someone who copied the token, so a token active for another user is not taken from them: this binding waits,
        // inactive, until theirs ends (they unregister, e.g. at sign-out; FCM reports the token dead; or they have not
        // re-registered it for DeviceTokenStaleAfter). The user's own other devices holding it simply give it up.
        await db.DeviceTokens.Where(d => d.Token == request.Token && d.UserId == userId && d.DeviceId != request.DeviceId && d.Active)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Active, false).SetProperty(d => d.InvalidReason, "REPLACED"), context.CancellationToken);
        var staleBefore = now - options.DeviceTokenStaleAfter;
        await db.DeviceTokens.Where(d => d.Token == request.Token && d.UserId != userId && d.Active && d.LastSeenAt < staleBefore)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Active, false).SetProperty(d => d.InvalidReason, "REPLACED"), context.CancellationToken);
        var heldElsewhere = await db.DeviceTokens.AnyAsync(d => d.Token == request.Token && d.UserId != userId && d.Active, context.CancellationToken);

        var row = await db.DeviceTokens.FirstOrDefaultAsync(d => d.UserId == userId && d.DeviceId == request.DeviceId, context.CancellationToken);
        if (row is null)
        {
            // At most MaxDevicesPerUser devices: a new one pushes out the least recently seen.
            var surplus = await db.DeviceTokens.Where(d => d.UserId == userId).OrderByDescending(d => d.LastSeenAt)
                .Skip(Math.Max(options.MaxDevicesPerUser - 1, 0)).Select(d => d.Id).ToListAsync(context.CancellationToken);
            if (surplus.Count > 0)
                await db.DeviceTokens.Where(d => surplus.Contains(d.Id)).ExecuteDeleteAsync(context.CancellationToken);
            row = new DeviceToken { Id = Guid.CreateVersion7(), UserId = userId, DeviceId = request.DeviceId, Platform = platform, Token = request.Token, CreatedAt = now };
            db.DeviceTokens.Add(row);
        }

        row.Platform = platform;
        row.Token = request.Token;
        row.Active = !heldElsewhere;
        row.InvalidReason = heldElsewhere ? HeldByAnotherAccount : null;
        row.LastSeenAt = now;
        try
        {
            await db.SaveChangesAsync(context.CancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            // Another user's registration of the same token won a race (one active binding per token): wait like above.
            row.Active = false;
            row.InvalidReason = HeldByAnotherAccount;
            await db.SaveChangesAsync(context.CancellationToken);
        }

        return new DeviceTokenResponse { DeviceId = row.DeviceId, Platform = row.Platform, Active = row.Active };
    }

    public override async Task<UnregisterDeviceTokenResponse> UnregisterDeviceToken(UnregisterDeviceTokenRequest request, ServerCallContext context)
    {
        var userId = CurrentUser();
        var removed = await db.DeviceTokens.Where(d => d.UserId == userId && d.DeviceId == request.DeviceId).ExecuteDeleteAsync(context.CancellationToken);
        return new UnregisterDeviceTokenResponse { Removed = removed > 0 };
    }

    public override async Task<ListFeedResponse> ListFeed(ListFeedRequest request, ServerCallContext context)
    {
        var userId = CurrentUser();
        var first = request.First <= 0 ? 20 : Math.Min(request.First, MaxPage);
        var feedOf = db.Notifications.AsNoTracking().Where(n => n.UserId == userId && n.InFeed);
        var page = feedOf;
        if (!string.IsNullOrEmpty(request.After))
        {
            if (!Guid.TryParse(request.After, out var after))
                throw ContractError.InvalidArgument("INVALID_CURSOR", "The cursor is invalid.", [new FieldViolation("after", "Not a cursor.", "INVALID_CURSOR")]);
            page = page.Where(n => n.Id.CompareTo(after) < 0);
        }

        // Newest first; ids are UUIDv7, so id order is time order.
        var items = await page.OrderByDescending(n => n.Id).Take(first + 1).ToListAsync(context.CancellationToken);
        var response = new ListFeedResponse
        {
            HasNextPage = items.Count > first,
            TotalCount = await feedOf.CountAsync(context.CancellationToken),
            UnreadCount = await feedOf.CountAsync(n => n.ReadAt == null, context.CancellationToken),
        };
        response.Items.AddRange(items.Take(first).Select(FeedMapping.ToItem));
        return response;
    }

    public override async Task<MarkFeedReadResponse> MarkFeedRead(MarkFeedReadRequest request, ServerCallContext context)
    {
        var userId = CurrentUser();
        var ids = request.Ids.Select(id => Guid.TryParse(id, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).ToList();
        var now = DateTimeOffset.UtcNow;
        var unread = db.Notifications.Where(n => n.UserId == userId && n.InFeed && n.ReadAt == null);
        var target = request.All ? unread : unread.Where(n => ids.Contains(n.Id));
        var marked = await target.ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), context.CancellationToken);
        return new MarkFeedReadResponse { Marked = marked, UnreadCount = await unread.CountAsync(context.CancellationToken) };
    }

    public override async Task WatchFeed(WatchFeedRequest request, IServerStreamWriter<FeedItem> responseStream, ServerCallContext context)
    {
        var userId = CurrentUser();
        try
        {
            await foreach (var item in feed.WatchAsync(userId, context.CancellationToken))
                await responseStream.WriteAsync(item);
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The subscriber left.
        }
    }

    public override async Task<ListDeliveriesResponse> ListDeliveries(ListDeliveriesRequest request, ServerCallContext context)
    {
        var caller = CallContext.Current.Caller;
        if (!caller.IsAuthenticated)
            throw ContractError.Unauthenticated("SIGN_IN_REQUIRED", "The delivery log needs a signed-in administrator.");
        if (caller.Kind != CallerKind.Service && !caller.IsInRole(Roles.Admin))
            throw ContractError.PermissionDenied("ADMIN_ONLY", "Only administrators read the delivery log.");

        var first = request.First <= 0 ? 50 : Math.Min(request.First, MaxPage);
        var query = db.Deliveries.AsNoTracking().AsQueryable();
        if (!string.IsNullOrEmpty(request.State))
        {
            if (!Enum.TryParse<DeliveryState>(request.State, ignoreCase: true, out var state))
                throw ContractError.InvalidArgument("INVALID_STATE", "Unknown delivery state.", [new FieldViolation("state", "QUEUED, SENDING, RETRYING, SENT or FAILED.", "INVALID_STATE")]);
            query = query.Where(d => d.State == state);
        }

        if (!string.IsNullOrEmpty(request.NotificationId) && Guid.TryParse(request.NotificationId, out var notificationId))
            query = query.Where(d => d.NotificationId == notificationId);

        var rows = await query.OrderByDescending(d => d.Id).Take(first)
            .Join(db.Notifications, d => d.NotificationId, n => n.Id, (d, n) => new { d, n.Template })
            .ToListAsync(context.CancellationToken);
        var response = new ListDeliveriesResponse();
        response.Entries.AddRange(rows.Select(r => new DeliveryLogEntry
        {
            Id = r.d.Id.ToString(),
            NotificationId = r.d.NotificationId.ToString(),
            Channel = FeedMapping.ChannelName(r.d.Channel),
            Template = r.Template,
            State = r.d.State.ToString().ToUpperInvariant(),
            Attempts = r.d.Attempts,
            LastError = r.d.LastError ?? "",
            CreatedAt = r.d.CreatedAt.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            UpdatedAt = r.d.UpdatedAt.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        }));
        return response;
    }

    private async Task<PreferencesResponse> PreferencesOfAsync(Guid userId, CancellationToken cancellationToken)
    {
        var stored = await db.Preferences.AsNoTracking().Where(p => p.UserId == userId).ToListAsync(cancellationToken);
        var response = new PreferencesResponse();
        foreach (var channel in Enum.GetValues<Channel>())
        {
            foreach (var category in Enum.GetValues<Category>())
            {
                var enabled = Preference.IsLocked(category) || (stored.FirstOrDefault(p => p.Channel == channel && p.Category == category)?.Enabled ?? Preference.Default(category));
                response.Preferences.Add(new Contracts.V1.Preference
                {
                    Channel = FeedMapping.ChannelName(channel),
                    Category = FeedMapping.CategoryName(category),
                    Enabled = enabled,
                    Locked = Preference.IsLocked(category),
                });
            }
        }

        return response;
    }

    private static Guid CurrentUser()
    {
        var caller = CallContext.Current.Caller;
        if (caller.Kind != CallerKind.User || !Guid.TryParse(caller.Id, out var userId))
            throw ContractError.Unauthenticated("SIGN_IN_REQUIRED", "Sign in to manage your notifications.");
        return userId;
    }
}
