using Marketplace.Modules.Notifications.Domain;
using Marketplace.Modules.Notifications.Persistence;
using Marketplace.Modules.Notifications.Sending;
using Marketplace.Modules.Notifications.Templates;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Marketplace.Modules.Notifications.Transactional.SendTransactionalEmail;

/// <summary>
/// One notification per (calling module, idempotency key) with one email delivery and its job. The request's data may
/// hold a secret link: it is stored only until the email is sent, and never logged. Answers the notification's id.
/// </summary>
internal sealed class SendTransactionalEmailHandler(NotificationsDbContext db, NotificationService notifications, TemplateCatalog templates)
    : ICommandHandler<SendTransactionalEmailCommand, Guid>
{
    public async ValueTask<Guid> Handle(SendTransactionalEmailCommand command, CancellationToken cancellationToken)
    {
        var key = command.ScopedKey;
        if (await notifications.FindAsync(key, cancellationToken) is { } existing)
        {
            // A retry: same notification. Its still-queued deliveries are enqueued again in case the first call
            // stored them but could not reach Redis; the delivery claim makes a second job harmless.
            await notifications.EnqueueQueuedAsync(existing.Id, cancellationToken);
            return existing.Id;
        }

        var definition = templates.Definition(command.Template);
        var data = definition.Variables.ToDictionary(v => v, v => command.Data[v], StringComparer.Ordinal);
        var userId = Guid.TryParse(command.RecipientUserId, out var parsed) ? parsed : (Guid?)null;
        var (notification, deliveries) = await notifications.PlanAsync(
            new NotificationRequest(command.Template, userId, command.RecipientEmail, command.Locale, data, key, [Channel.Email]),
            cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // A concurrent retry with the same key won (EF rolled back to its savepoint): answer with its notification.
            db.ChangeTracker.Clear();
            var winner = await notifications.FindAsync(key, cancellationToken);
            return winner!.Id;
        }

        // Enqueued before the transaction commits: each job waits for its row (as for event consumers).
        notifications.Enqueue(deliveries);
        return notification.Id;
    }
}
