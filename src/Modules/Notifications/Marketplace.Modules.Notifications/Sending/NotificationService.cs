using System.Text.Json;
using Marketplace.Modules.Notifications.Domain;
using Marketplace.Modules.Notifications.Persistence;
using Marketplace.Modules.Notifications.Templates;
using Marketplace.Shared.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Notifications.Sending;

/// <summary>What to tell whom: the template decides the category, preferences decide the channels.</summary>
internal sealed record NotificationRequest(
    string Template,
    Guid? UserId,
    string? RecipientEmail,
    string? Locale,
    IReadOnlyDictionary<string, string> Data,
    string IdempotencyKey,
    IReadOnlyCollection<Channel> Channels);

/// <summary>
/// Turns a request into a notification row, one delivery row per allowed outbound channel and, for in-app, a feed
/// entry (whose delivery job is the live signal to subscribers); enqueues one delivery job per delivery. Same idempotency key → the first notification, nothing new.
/// Does not save: the caller's unit of work (the use case's or the event consumer's transaction) does.
/// </summary>
internal sealed class NotificationService(NotificationsDbContext db, TemplateCatalog templates, IJobScheduler jobs, Push.FcmClient fcm, TimeProvider clock)
{
    public async Task<Notification?> FindAsync(string idempotencyKey, CancellationToken cancellationToken) =>
        await db.Notifications.AsNoTracking().FirstOrDefaultAsync(n => n.IdempotencyKey == idempotencyKey, cancellationToken);

    /// <summary>Adds the rows; returns the notification and the deliveries whose jobs to enqueue once saved (or now).</summary>
    public async Task<(Notification Notification, IReadOnlyList<Delivery> Deliveries)> PlanAsync(NotificationRequest request, CancellationToken cancellationToken)
    {
        var definition = templates.Definition(request.Template);
        var allowed = new List<Channel>();
        foreach (var channel in request.Channels.Distinct())
        {
            if (await AllowedAsync(request.UserId, channel, definition.Category, cancellationToken))
                allowed.Add(channel);
        }

        return Add(request, definition, allowed);
    }

    /// <summary>
    /// One notification per user of <paramref name="userIds"/> (one template, the same data), for fan-outs such as a
    /// followed store's new products: the users whose key (<paramref name="keyOf"/>) exists already are skipped, and
    /// the existing keys and everyone's preferences are read in one query each, however many users. Adds the rows;
    /// returns the deliveries whose jobs to enqueue once saved.
    /// </summary>
    public async Task<IReadOnlyList<Delivery>> PlanManyAsync(
        string template, IReadOnlyCollection<Guid> userIds, IReadOnlyDictionary<string, string> data, Func<Guid, string> keyOf,
        IReadOnlyCollection<Channel> channels, CancellationToken cancellationToken)
    {
        var definition = templates.Definition(template);
        var keys = userIds.Select(keyOf).ToList();
        var existing = (await db.Notifications.AsNoTracking().Where(n => n.IdempotencyKey != null && keys.Contains(n.IdempotencyKey)).Select(n => n.IdempotencyKey!).ToListAsync(cancellationToken)).ToHashSet();
        var stored = await db.Preferences.AsNoTracking()
            .Where(p => userIds.Contains(p.UserId) && p.Category == definition.Category)
            .Select(p => new { p.UserId, p.Channel, p.Enabled })
            .ToListAsync(cancellationToken);
        var preferences = stored.ToDictionary(p => (p.UserId, p.Channel), p => p.Enabled);
        var deliveries = new List<Delivery>();
        foreach (var userId in userIds.Distinct())
        {
            var key = keyOf(userId);
            if (existing.Contains(key))
                continue;
            var allowed = channels.Distinct()
                .Where(c => Preference.IsLocked(definition.Category) || preferences.GetValueOrDefault((userId, c), Preference.Default(definition.Category)))
                .ToList();
            deliveries.AddRange(Add(new NotificationRequest(template, userId, null, null, data, key, channels), definition, allowed).Deliveries);
        }

        return deliveries;
    }

    private (Notification Notification, IReadOnlyList<Delivery> Deliveries) Add(NotificationRequest request, TemplateDefinition definition, IReadOnlyCollection<Channel> allowed)
    {
        var now = clock.GetUtcNow();
        var notification = new Notification
        {
            Id = Guid.CreateVersion7(),
            UserId = request.UserId,
            RecipientEmail = request.RecipientEmail,
            Template = request.Template,
            Category = definition.Category,
            Locale = templates.ResolveLocale(request.Template, request.Locale),
            DataJson = request.Data.Count == 0 ? null : JsonSerializer.Serialize(request.Data),
            IdempotencyKey = request.IdempotencyKey,
            CreatedAt = now,
        };

        if (allowed.Contains(Channel.InApp) && request.UserId is not null)
        {
            var rendered = templates.Render(request.Template, notification.Locale, request.Data);
            notification.InFeed = true;
            notification.Title = rendered.Subject;
            notification.Body = rendered.Text.Trim();
        }

        var deliveries = allowed
            .Where(c => c != Channel.Email || !string.IsNullOrWhiteSpace(request.RecipientEmail))
            .Where(c => c == Channel.Email || request.UserId is not null)
            // Push without FCM credentials is off (one line at start-up), not a failed delivery per notification.
            .Where(c => c != Channel.Push || fcm.Enabled)
            .Select(c => new Delivery
            {
                Id = Guid.CreateVersion7(),
                NotificationId = notification.Id,
                Channel = c,
                State = DeliveryState.Queued,
                CreatedAt = now,
                UpdatedAt = now,
            })
            .ToList();

        db.Notifications.Add(notification);
        db.Deliveries.AddRange(deliveries);
        return (notification, deliveries);
    }

    public void Enqueue(IEnumerable<Delivery> deliveries)
    {
        foreach (var delivery in deliveries)
            jobs.Enqueue<DeliveryJob>(job => job.RunAsync(delivery.Id));
    }

    public async Task EnqueueQueuedAsync(Guid notificationId, CancellationToken cancellationToken) =>
        Enqueue(await db.Deliveries.AsNoTracking().Where(d => d.NotificationId == notificationId && d.State == DeliveryState.Queued).ToListAsync(cancellationToken));

    private async Task<bool> AllowedAsync(Guid? userId, Channel channel, Category category, CancellationToken cancellationToken)
    {
        if (Preference.IsLocked(category))
            return true;
        if (userId is null)
            return Preference.Default(category);
        var stored = await db.Preferences.AsNoTracking()
            .Where(p => p.UserId == userId && p.Channel == channel && p.Category == category)
            .Select(p => (bool?)p.Enabled)
            .FirstOrDefaultAsync(cancellationToken);
        return stored ?? Preference.Default(category);
    }
}
