namespace Marketplace.Modules.Notifications.Domain;

/// <summary>A notification as its user's feed shows it (and as the live feed carries it between replicas).</summary>
internal sealed record FeedEntry(Guid Id, string Template, Category Category, string Title, string Body, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt)
{
    public static FeedEntry Of(Notification notification) => new(
        notification.Id,
        notification.Template,
        notification.Category,
        notification.Title ?? "",
        notification.Body ?? "",
        notification.CreatedAt,
        notification.ReadAt);
}
