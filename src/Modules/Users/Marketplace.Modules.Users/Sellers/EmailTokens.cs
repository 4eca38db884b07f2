using Marketplace.Modules.Users.Auth;
using Marketplace.Modules.Users.Contracts;
using Marketplace.Modules.Users.Domain;
using Marketplace.Modules.Users.Persistence;
using Marketplace.Shared.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Users.Sellers;

/// <summary>The single-use emailed tokens (verification, password reset): finding and claiming them.</summary>
internal static class EmailTokens
{
    /// <summary>The unused, unexpired token row of <paramref name="purpose"/>, without claiming it; else TOKEN_INVALID.</summary>
    public static async Task<EmailToken> FindPendingAsync(this UsersDbContext db, string? token, string purpose, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 128)
            throw Invalid();
        var hash = Secrets.Hash(token);
        return await db.Set<EmailToken>().AsNoTracking()
            .FirstOrDefaultAsync(t => t.Hash == hash && t.Purpose == purpose && t.UsedAt == null && t.ExpiresAt > now, cancellationToken)
            ?? throw Invalid();
    }

    /// <summary>Claims the token (used once, of concurrent uses exactly one wins); else TOKEN_INVALID.</summary>
    public static async Task<EmailToken> ClaimAsync(this UsersDbContext db, string? token, string purpose, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 128)
            throw Invalid();
        var hash = Secrets.Hash(token);
        var row = await db.Set<EmailToken>().AsNoTracking().FirstOrDefaultAsync(t => t.Hash == hash && t.Purpose == purpose, cancellationToken);
        if (row is null || row.ExpiresAt <= now)
            throw Invalid();
        var claimed = await db.Set<EmailToken>().Where(t => t.Id == row.Id && t.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), cancellationToken);
        return claimed == 1 ? row : throw Invalid();
    }

    public static Grpc.Core.RpcException Invalid() =>
        ContractError.InvalidArgument(UsersErrorCodes.TokenInvalid, "The link is invalid, expired or already used.",
            [new FieldViolation("token", "The link is invalid, expired or already used.", UsersErrorCodes.TokenInvalid)]);
}
