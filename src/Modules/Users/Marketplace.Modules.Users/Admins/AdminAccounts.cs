using Marketplace.Modules.Users.Domain;
using Marketplace.Modules.Users.Persistence;
using Marketplace.Modules.Users.Sellers;
using Marketplace.Shared.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Users.Admins;

/// <summary>
/// Administrators exist only through the host's <c>create-admin</c> command (an operator on the machine), never
/// through the API. They sign in with email and password like sellers.
/// </summary>
internal sealed class AdminAccounts(UsersDbContext db, PasswordHasher hasher, TimeProvider clock)
{
    /// <summary>Creates the admin, or null with the reason it was refused.</summary>
    public async Task<(Guid? Id, string? Problem)> CreateAsync(string email, string password, CancellationToken cancellationToken)
    {
        var normalized = EmailAddresses.Normalize(email);
        if (normalized is null)
            return (null, "the email address is not valid");
        if (PasswordPolicy.Check(password, normalized) is { } weak)
            return (null, $"the password is refused: {weak.Message} ({weak.Code})");
        // Unverified claims of the address do not block its operator; a verified account does.
        if (await db.Set<User>().AnyAsync(u => u.Email == normalized && u.EmailVerifiedAt != null, cancellationToken))
            return (null, "an account with this email already exists");

        var now = clock.GetUtcNow();
        var admin = new User
        {
            Role = Roles.Admin,
            Email = normalized,
            EmailVerifiedAt = now, // the operator vouches for it
            DisplayName = "Administrator",
            PasswordHash = hasher.Hash(password),
            CreatedAt = now,
        };
        db.Add(admin);
        await db.SaveChangesAsync(cancellationToken);
        return (admin.Id, null);
    }
}
