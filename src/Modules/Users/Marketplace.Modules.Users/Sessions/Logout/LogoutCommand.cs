using Mediator;

namespace Marketplace.Modules.Users.Sessions.Logout;

/// <summary>The signed-in user ends the session their access token names (nothing when it names none).</summary>
internal sealed record LogoutCommand(Guid UserId, Guid? SessionId) : ICommand<Unit>;
