using Marketplace.Modules.Notifications.Contracts;
using Marketplace.Modules.Notifications.Domain;
using Marketplace.Modules.Notifications.Persistence;
using Marketplace.Modules.Notifications.Sending;
using Marketplace.Shared.Contracts;
using Mediator;

namespace Marketplace.Modules.Notifications.Preferences.UnsubscribeByLink;

/// <summary>Switches the link's channel × category off for the user it was made for, once its signature verifies.</summary>
internal sealed class UnsubscribeByLinkHandler(NotificationsDbContext db, UnsubscribeLinks links, TimeProvider clock)
    : ICommandHandler<UnsubscribeByLinkCommand, UnsubscribeByLinkResult>
{
    public async ValueTask<UnsubscribeByLinkResult> Handle(UnsubscribeByLinkCommand command, CancellationToken cancellationToken)
    {
        // The link spells channel and category as the module's enums (Email, Orders), exactly as it signed them.
        if (!Guid.TryParse(command.User, out var userId)
            || !Enum.TryParse<Channel>(command.Channel, ignoreCase: false, out var channel) || !Enum.IsDefined(channel)
            || !Enum.TryParse<Category>(command.Category, ignoreCase: false, out var category) || !Enum.IsDefined(category)
            || !await links.VerifyAsync(db, userId, channel, category, command.Signature, cancellationToken))
            throw ContractError.PermissionDenied(NotificationsErrorCodes.InvalidUnsubscribeLink, "This unsubscribe link is not valid.");
        if (Preference.IsLocked(category))
            throw ContractError.FailedPrecondition(NotificationsErrorCodes.CategoryLocked, "Account and security notifications cannot be switched off.");

        await db.SetAsync(userId, channel, category, enabled: false, clock.GetUtcNow(), cancellationToken);
        return new UnsubscribeByLinkResult(channel, category);
    }
}
