using Marketplace.Modules.Users.Auth;
using Marketplace.Modules.Users.Domain;
using Mediator;

namespace Marketplace.Modules.Users.Profiles.GetViewer;

/// <summary>The signed-in user's own account, contact details included.</summary>
internal sealed record GetViewerQuery(SignedInUser User) : IQuery<User>;
