namespace Marketplace.Modules.Notifications.Domain;

/// <summary>
/// One window of a store's new products, told to its followers as one notification each when it closes ("Bakery added
/// 12 new products"): the first product a store publishes opens it, every product published until its job runs joins
/// it. At most one OPEN window per store (a partial unique index), so two consumers on two hosts meet on it.
/// </summary>
internal sealed class FollowerDigest
{
    public const string Open = "OPEN";
    public const string Sending = "SENDING";
    public const string Sent = "SENT";

    public Guid Id { get; set; }

    public Guid StoreId { get; set; }

    /// <summary><see cref="Open"/> (collecting) → <see cref="Sending"/> (closed; followers being told, page by page) → <see cref="Sent"/>.</summary>
    public string State { get; set; } = Open;

    public int ProductCount { get; set; }

    /// <summary>The first product's title: named in the notification.</summary>
    public string ProductTitle { get; set; } = "";

    public DateTimeOffset OpenedAt { get; set; }

    public DateTimeOffset ClosesAt { get; set; }

    /// <summary>The last follower told (user id order), so a retried job resumes after them.</summary>
    public Guid? Cursor { get; set; }

    /// <summary>How many followers were notified, and why it ended without any when it did (store gone or not ACTIVE).</summary>
    public int NotifiedCount { get; set; }

    public string? Outcome { get; set; }

    public DateTimeOffset? SentAt { get; set; }
}

/// <summary>A product counted in a digest: once per product, ever (a redelivered or re-published product_published.v1 counts once).</summary>
internal sealed class FollowerDigestProduct
{
    public Guid ProductId { get; set; }

    public Guid StoreId { get; set; }

    public Guid DigestId { get; set; }

    public DateTimeOffset PublishedAt { get; set; }
}
