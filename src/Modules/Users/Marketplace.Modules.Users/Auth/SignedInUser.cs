namespace Marketplace.Modules.Users.Auth;

/// <summary>
/// The signed-in user a use case acts for, with the session their access token names. Use cases on a user's own data
/// check the session is still live (<see cref="SessionService.RequireLiveAsync"/>), so a revoked session's access token
/// stops working here at once, not only when it expires.
/// </summary>
internal sealed record SignedInUser(Guid UserId, Guid? SessionId);
