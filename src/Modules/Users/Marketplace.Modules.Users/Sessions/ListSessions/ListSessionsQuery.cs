using Marketplace.Modules.Users.Auth;
using Marketplace.Modules.Users.Domain;
using Mediator;

namespace Marketplace.Modules.Users.Sessions.ListSessions;

/// <summary>The signed-in user's live sessions, most recently used first (at most 100).</summary>
internal sealed record ListSessionsQuery(SignedInUser User) : IQuery<IReadOnlyList<Session>>;
