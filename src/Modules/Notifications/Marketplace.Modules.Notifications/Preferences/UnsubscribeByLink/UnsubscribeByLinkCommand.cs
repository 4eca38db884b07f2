using Marketplace.Modules.Notifications.Contracts.V1;
using Marketplace.Modules.Notifications.Domain;
using Mediator;

namespace Marketplace.Modules.Notifications.Preferences.UnsubscribeByLink;

/// <summary>
/// A one-click unsubscribe link's parameters, as received. Whoever presents the link may use it: its signature is the
/// authorization, so the handler checks it before anything else.
/// </summary>
internal sealed record UnsubscribeByLinkCommand(string User, string Channel, string Category, string Signature) : ICommand<UnsubscribeByLinkResult>
{
    public static UnsubscribeByLinkCommand From(UnsubscribeByLinkRequest request) => new(request.User, request.Channel, request.Category, request.Signature);
}

/// <summary>What was switched off.</summary>
internal sealed record UnsubscribeByLinkResult(Channel Channel, Category Category);
