using Grpc.Core;
using Marketplace.Modules.Notifications.Contracts.V1;
using Marketplace.Modules.Notifications.Sending;
using Marketplace.Modules.Notifications.Domain;
using Marketplace.Modules.Notifications.Persistence;
using Marketplace.Modules.Notifications.Templates;
using Marketplace.Shared.Contracts;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Marketplace.Modules.Notifications.Contracts;

/// <summary>
/// <c>SendTransactionalEmail</c>: for other modules only (service callers). The request's data may hold a secret
/// link: it is stored only until the email is sent, and never logged.
/// </summary>
internal sealed class NotificationsContractService(NotificationsDbContext db, NotificationService notifications, TemplateCatalog templates, UnsubscribeLinks links)
    : NotificationsContract.NotificationsContractBase
{
    public override async Task<SendTransactionalEmailResponse> SendTransactionalEmail(SendTransactionalEmailRequest request, ServerCallContext context)
    {
        var caller = CallContext.Current.Caller;
        if (caller.Kind != CallerKind.Service)
            throw ContractError.PermissionDenied("SERVICE_CALLERS_ONLY", "Only other modules may send transactional email.");

        var violations = new List<FieldViolation>();
        var definition = templates.Find(request.Template);
        if (definition is null || definition.Category != Category.Account || !definition.HasEmail)
            violations.Add(new FieldViolation("template", $"'{request.Template}' is not a transactional email template.", "UNKNOWN_TEMPLATE"));
        if (!MimeKit.MailboxAddress.TryParse(request.RecipientEmail, out var address) || !address.Address.Contains('@', StringComparison.Ordinal))
            violations.Add(new FieldViolation("recipientEmail", "Not an email address.", "INVALID_EMAIL"));
        if (string.IsNullOrWhiteSpace(request.IdempotencyKey) || request.IdempotencyKey.Length > 150)
            violations.Add(new FieldViolation("idempotencyKey", "An idempotency key of at most 150 characters is required.", "REQUIRED"));
        Guid? userId = null;
        if (!string.IsNullOrEmpty(request.RecipientUserId))
        {
            if (Guid.TryParse(request.RecipientUserId, out var parsed))
                userId = parsed;
            else
                violations.Add(new FieldViolation("recipientUserId", "Not a user id.", "INVALID_ID"));
        }

        if (definition is not null)
        {
            foreach (var variable in definition.Variables.Where(v => string.IsNullOrEmpty(request.Data.GetValueOrDefault(v))))
                violations.Add(new FieldViolation($"data.{variable}", $"The template needs '{variable}'.", "REQUIRED"));
        }

        if (violations.Count > 0)
            throw ContractError.InvalidArgument("INVALID_TRANSACTIONAL_EMAIL", "The transactional email request is invalid.", violations);

        // Scoped per caller module, so two modules cannot collide on a key.
        var key = $"tx:{caller.Id}:{request.IdempotencyKey}";
        if (await notifications.FindAsync(key, context.CancellationToken) is { } existing)
        {
            // A retry: same notification. Its still-queued deliveries are enqueued again in case the first call
            // stored them but could not reach Redis; the delivery claim makes a second job harmless.
            await notifications.EnqueueQueuedAsync(existing.Id, context.CancellationToken);
            return new SendTransactionalEmailResponse { NotificationId = existing.Id.ToString() };
        }

        var data = definition!.Variables.ToDictionary(v => v, v => request.Data[v], StringComparer.Ordinal);
        var (notification, deliveries) = await notifications.PlanAsync(
            new NotificationRequest(request.Template, userId, address!.Address, request.Locale, data, key, [Channel.Email]),
            context.CancellationToken);
        try
        {
            await db.SaveChangesAsync(context.CancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // A concurrent retry with the same key won: answer with its notification.
            db.ChangeTracker.Clear();
            var winner = await notifications.FindAsync(key, context.CancellationToken);
            return new SendTransactionalEmailResponse { NotificationId = winner!.Id.ToString() };
        }

        notifications.Enqueue(deliveries);
        return new SendTransactionalEmailResponse { NotificationId = notification.Id.ToString() };
    }

    public override async Task<UnsubscribeByLinkResponse> UnsubscribeByLink(UnsubscribeByLinkRequest request, ServerCallContext context)
    {
        if (!Guid.TryParse(request.User, out var userId)
            || !Enum.TryParse<Channel>(request.Channel, ignoreCase: false, out var channel)
            || !Enum.TryParse<Category>(request.Category, ignoreCase: false, out var category)
            || !await links.VerifyAsync(userId, channel, category, request.Signature, context.CancellationToken))
            throw ContractError.PermissionDenied("INVALID_UNSUBSCRIBE_LINK", "This unsubscribe link is not valid.");
        if (Domain.Preference.IsLocked(category))
            throw ContractError.FailedPrecondition("CATEGORY_LOCKED", "Account and security notifications cannot be switched off.");

        var row = await db.Preferences.FindAsync([userId, channel, category], context.CancellationToken);
        if (row is null)
            db.Preferences.Add(new Domain.Preference { UserId = userId, Channel = channel, Category = category, Enabled = false, UpdatedAt = DateTimeOffset.UtcNow });
        else
        {
            row.Enabled = false;
            row.UpdatedAt = DateTimeOffset.UtcNow;
        }

        await db.SaveChangesAsync(context.CancellationToken);
        return new UnsubscribeByLinkResponse { Channel = FeedMapping.ChannelName(channel), Category = FeedMapping.CategoryName(category) };
    }
}
