using Marketplace.Modules.Notifications.Contracts.V1;
using Mediator;

namespace Marketplace.Modules.Notifications.Transactional.SendTransactionalEmail;

/// <summary>
/// A module hands over one transactional email. <see cref="RecipientEmail"/> is the bare address read from the request
/// (null when it is not one); the idempotency key is scoped to <see cref="CallerModule"/>, so two modules cannot collide.
/// </summary>
internal sealed record SendTransactionalEmailCommand(
    string CallerModule,
    string Template,
    string? RecipientEmail,
    string RecipientUserId,
    string Locale,
    IReadOnlyDictionary<string, string> Data,
    string IdempotencyKey) : ICommand<Guid>
{
    public static SendTransactionalEmailCommand From(string callerModule, SendTransactionalEmailRequest request) => new(
        callerModule,
        request.Template.Trim(),
        Address(request.RecipientEmail),
        request.RecipientUserId.Trim(),
        request.Locale.Trim(),
        new Dictionary<string, string>(request.Data, StringComparer.Ordinal),
        request.IdempotencyKey);

    /// <summary>The scoped key the notification row keeps.</summary>
    public string ScopedKey => $"tx:{CallerModule}:{IdempotencyKey}";

    private static string? Address(string text) =>
        MimeKit.MailboxAddress.TryParse(text, out var address) && address.Address.Contains('@', StringComparison.Ordinal) ? address.Address : null;
}
