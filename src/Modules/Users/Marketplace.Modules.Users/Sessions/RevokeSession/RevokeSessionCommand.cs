using Marketplace.Modules.Users.Auth;
using Mediator;

namespace Marketplace.Modules.Users.Sessions.RevokeSession;

/// <summary>The signed-in user ends one of their sessions (null: an id that names no session).</summary>
internal sealed record RevokeSessionCommand(SignedInUser User, Guid? SessionId) : ICommand<Unit>;
