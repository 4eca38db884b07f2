using Mediator;

namespace Marketplace.Modules.Users.SigningKeys.GetSigningKeys;

/// <summary>
/// Anyone reads the published keys. A command, not a query: the first read ever creates the first key, under a lock
/// held by the command's transaction.
/// </summary>
internal sealed record GetSigningKeysCommand : ICommand<PublishedKeys>;
