using Marketplace.Shared.Contracts;

namespace Marketplace.Modules.Users.Contracts.Events;

// The facts the Users module publishes. Ids and non-secret facts only: codes, tokens and passwords never
// travel here (they go by direct contract call, e.g. Notifications' SendTransactionalEmail).

/// <summary>A buyer logged in for the first time with a verified phone (passive registration).</summary>
[IntegrationEvent("marketplace.users.buyer_registered.v1")]
public sealed record BuyerRegistered(Guid UserId, DateTimeOffset RegisteredAt) : IIntegrationEvent;

/// <summary>A seller registered with email and password; the email is not verified yet.</summary>
[IntegrationEvent("marketplace.users.seller_registered.v1")]
public sealed record SellerRegistered(Guid UserId, string Email, string DisplayName, DateTimeOffset RegisteredAt) : IIntegrationEvent;

/// <summary>A seller proved they own their email address; from now on they may open stores.</summary>
[IntegrationEvent("marketplace.users.seller_email_verified.v1")]
public sealed record SellerEmailVerified(Guid UserId, string Email, string DisplayName, DateTimeOffset VerifiedAt) : IIntegrationEvent;

/// <summary>A user's profile changed; <paramref name="ChangedFields"/> names them (camelCase), never their old values.</summary>
[IntegrationEvent("marketplace.users.profile_updated.v1")]
public sealed record ProfileUpdated(Guid UserId, IReadOnlyList<string> ChangedFields, DateTimeOffset UpdatedAt) : IIntegrationEvent;

/// <summary>
/// A user signed in: a new session started (<see cref="SignInMethods"/>). <paramref name="FirstSession"/> is true for
/// the session that came with the account (a buyer's first code, a seller's registration); every later one is a
/// sign-in the owner may want to hear of. <paramref name="Device"/> is the client's User-Agent as the session keeps it
/// (at most 256 characters), null when it sent none. No address, code or token.
/// </summary>
[IntegrationEvent("marketplace.users.user_signed_in.v1")]
public sealed record UserSignedIn(Guid UserId, Guid SessionId, string Method, string? Device, bool FirstSession, DateTimeOffset SignedInAt) : IIntegrationEvent;

/// <summary>How a session was started (<see cref="UserSignedIn.Method"/>).</summary>
public static class SignInMethods
{
    public const string SmsCode = "SMS_CODE";
    public const string Password = "PASSWORD";
}
