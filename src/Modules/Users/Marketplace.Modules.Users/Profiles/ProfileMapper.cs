using Marketplace.Modules.Users.Contracts.V1;
using Marketplace.Modules.Users.Domain;

namespace Marketplace.Modules.Users.Profiles;

internal static class ProfileMapper
{
    /// <summary>The contract's view of a user; email and phone only for the user themselves.</summary>
    public static UserProfile ToProfile(User user, bool includePrivate) => new()
    {
        Id = user.Id.ToString(),
        Roles = { user.Role },
        DisplayName = user.DisplayName,
        Email = includePrivate ? user.Email ?? "" : "",
        Phone = includePrivate ? user.Phone ?? "" : "",
        EmailVerified = user.EmailVerifiedAt is not null,
        AvatarMediaId = user.AvatarMediaId ?? "",
        CreatedAtMs = user.CreatedAt.ToUnixTimeMilliseconds(),
    };
}
