namespace Marketplace.Modules.Notifications.Domain;

/// <summary>A person's choice for one channel and category; without a row the default applies.</summary>
internal sealed class Preference
{
    public Guid UserId { get; set; }

    public Channel Channel { get; set; }

    public Category Category { get; set; }

    public bool Enabled { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Account mail is always sent; marketing is off until opted in; the rest is on.</summary>
    public static bool Default(Category category) => category != Category.Marketing;

    public static bool IsLocked(Category category) => category == Category.Account;
}

/// <summary>A push token of one device (installation) of a user.</summary>
internal sealed class DeviceToken
{
    /// <summary><see cref="InvalidReason"/>: the user's other device registered the same token.</summary>
    public const string Replaced = "REPLACED";

    /// <summary><see cref="InvalidReason"/>: another user's device holds the token; this binding waits for theirs to end.</summary>
    public const string HeldByAnotherAccount = "HELD_BY_ANOTHER_ACCOUNT";

    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public required string DeviceId { get; set; }

    public required string Platform { get; set; }

    public required string Token { get; set; }

    /// <summary>False once FCM said the token is dead (UNREGISTERED / invalid) or the device unregistered.</summary>
    public bool Active { get; set; }

    public string? InvalidReason { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A device a push delivery already reached: a retried job skips it.</summary>
internal sealed class PushSend
{
    public Guid DeliveryId { get; set; }

    public Guid DeviceTokenId { get; set; }

    public DateTimeOffset SentAt { get; set; }
}
