using Mediator;

namespace Marketplace.Modules.Users.Sellers.GetSellerStatus;

/// <summary>Whether a seller exists and has verified their email (the Sellers module asks before opening a store).</summary>
internal sealed record GetSellerStatusQuery(Guid? UserId) : IQuery<SellerStatus>;

internal sealed record SellerStatus(bool Exists, bool EmailVerified);
