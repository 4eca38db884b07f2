namespace Marketplace.Modules.Notifications.Domain;

/// <summary>
/// A key the module generated for itself and keeps in its schema, so every replica and every restart uses the same
/// one (e.g. the HMAC key of unsubscribe links when none is configured).
/// </summary>
internal sealed class ModuleKey
{
    public const string UnsubscribeLinks = "unsubscribe-links";

    public string Name { get; set; } = "";

    public byte[] Value { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
}
