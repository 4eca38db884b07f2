namespace Marketplace.Modules.Notifications.Domain;

/// <summary>What can reach a person.</summary>
internal enum Channel
{
    Email,
    Push,
    InApp,
}

/// <summary>Why we write: decides whether the person may opt out.</summary>
internal enum Category
{
    /// <summary>Account and security: always sent, cannot be switched off.</summary>
    Account,
    Orders,
    FollowedStores,

    /// <summary>Off until the person opts in.</summary>
    Marketing,
}

/// <summary>One thing to tell one person, delivered on one or more channels.</summary>
internal sealed class Notification
{
    public Guid Id { get; set; }

    public Guid? UserId { get; set; }

    public string? RecipientEmail { get; set; }

    public required string Template { get; set; }

    public Category Category { get; set; }

    public required string Locale { get; set; }

    /// <summary>
    /// Template variables until every delivery is done, then purged (null): they may hold a secret link.
    /// Never logged, never put in an event.
    /// </summary>
    public string? DataJson { get; set; }

    /// <summary>A caller's or an event's key: the same key makes the same notification, once.</summary>
    public string? IdempotencyKey { get; set; }

    /// <summary>Rendered for the in-app feed (no secrets: feed templates never use secret variables).</summary>
    public string? Title { get; set; }

    public string? Body { get; set; }

    /// <summary>Shown in the user's in-app feed.</summary>
    public bool InFeed { get; set; }

    public DateTimeOffset? ReadAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
