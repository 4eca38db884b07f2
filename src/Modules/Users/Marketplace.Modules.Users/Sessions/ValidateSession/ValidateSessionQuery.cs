using Marketplace.Modules.Users.Domain;
using Marketplace.Shared.Contracts;
using Mediator;

namespace Marketplace.Modules.Users.Sessions.ValidateSession;

/// <summary>Is this session live? Answered (with the session) to modules, administrators and the session's own user only.</summary>
internal sealed record ValidateSessionQuery(Guid? SessionId, Viewer Viewer) : IQuery<Session?>;
