using Marketplace.Modules.Users.Contracts;
using Marketplace.Modules.Users.Contracts.Events;
using Marketplace.Modules.Users.Domain;
using Marketplace.Modules.Users.Persistence;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Marketplace.Modules.Users.Auth;

/// <summary>
/// Sessions and their refresh-token families. A refresh token works once: using it issues the next one.
/// Presenting a used token again means it leaked (or the client misbehaves), so the whole session ends
/// (RFC 9700 §4.14.2 refresh token reuse detection). Runs inside the calling command's transaction.
/// </summary>
internal sealed partial class SessionService(UsersDbContext db, TokenIssuer issuer, UsersOptions options, TimeProvider clock, ISessionRevocations revocations, ILogger<SessionService> logger)
{
    /// <summary>
    /// Starts a session and publishes <see cref="UserSignedIn"/> with it (the owner is told of sign-ins after the first).
    /// </summary>
    public async Task<SignedInSession> StartAsync(User user, ClientFacts client, string method, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var firstSession = !await db.Set<Session>().AnyAsync(s => s.UserId == user.Id, cancellationToken);
        var session = new Session
        {
            UserId = user.Id,
            Device = Truncate(client.Device, 256),
            Ip = Truncate(client.Ip, 64),
            CreatedAt = now,
            LastUsedAt = now,
            ExpiresAt = now + options.RefreshTokenLifetime,
        };
        db.Add(session);
        db.AddEvent(new UserSignedIn(user.Id, session.Id, method, session.Device.Length == 0 ? null : session.Device, firstSession, now));
        var refresh = Secrets.NewToken();
        db.Add(new RefreshToken { SessionId = session.Id, Hash = Secrets.Hash(refresh), CreatedAt = now });
        await db.SaveChangesAsync(cancellationToken);
        return await SignedInAsync(user, session, refresh, cancellationToken);
    }

    /// <summary>
    /// The next tokens of the session <paramref name="refreshToken"/> belongs to. A token used before is refused with
    /// REFRESH_TOKEN_REUSED <em>after</em> ending its session: the refusal is returned, not thrown, so the command's
    /// transaction commits the revocation.
    /// </summary>
    public async Task<Outcome<SignedInSession>> RefreshAsync(string refreshToken, ClientFacts client, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(refreshToken) || refreshToken.Length > 128)
            return Refusal.RefreshTokenInvalid();
        var hash = Secrets.Hash(refreshToken);
        var token = await db.Set<RefreshToken>().AsNoTracking().FirstOrDefaultAsync(t => t.Hash == hash, cancellationToken);
        if (token is null)
            return Refusal.RefreshTokenInvalid();
        var now = clock.GetUtcNow();

        // Of two concurrent uses of one token exactly one wins, the other is a reuse. Both lock the session first (held
        // until the command commits), so the loser ends the session only after the winner's rotation committed (without
        // the lock it could end the session between the winner's claim and its read of the session, and both would fail).
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM users.sessions WHERE id = {token.SessionId} FOR UPDATE", cancellationToken);
        var claimed = await db.Set<RefreshToken>()
            .Where(t => t.Id == token.Id && t.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), cancellationToken);
        if (claimed == 0)
        {
            await RevokeAsync(token.SessionId, "reuse_detected", cancellationToken);
            LogReuse(logger, token.SessionId);
            return Refusal.RefreshTokenReused();
        }

        var session = await db.Set<Session>().FirstOrDefaultAsync(s => s.Id == token.SessionId, cancellationToken);
        if (session is null || session.RevokedAt is not null || session.ExpiresAt <= now)
            return Refusal.RefreshTokenInvalid();
        var user = await db.Set<User>().AsNoTracking().FirstAsync(u => u.Id == session.UserId, cancellationToken);

        session.LastUsedAt = now;
        session.ExpiresAt = now + options.RefreshTokenLifetime;
        if (!string.IsNullOrEmpty(client.Ip))
            session.Ip = Truncate(client.Ip, 64);
        var next = Secrets.NewToken();
        db.Add(new RefreshToken { SessionId = session.Id, Hash = Secrets.Hash(next), CreatedAt = now });
        await db.SaveChangesAsync(cancellationToken);
        return await SignedInAsync(user, session, next, cancellationToken);
    }

    /// <summary>
    /// Ends a session: in PostgreSQL first (durable, with its revocation mark pending), then marked in Redis so the
    /// gateway refuses its access tokens at once. When Redis cannot take the mark it stays pending and
    /// <see cref="RevocationMarkRelay"/> applies it once Redis is back; meanwhile the gateway asks this module.
    /// </summary>
    public async Task<bool> RevokeAsync(Guid sessionId, string reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var revoked = await db.Set<Session>()
            .Where(s => s.Id == sessionId && s.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now).SetProperty(x => x.RevokedReason, reason).SetProperty(x => x.RevocationMarkPending, true), cancellationToken) > 0;
        await MarkAsync([sessionId], cancellationToken);
        return revoked;
    }

    public async Task RevokeAllAsync(Guid userId, string reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var live = await db.Set<Session>()
            .Where(s => s.UserId == userId && s.RevokedAt == null)
            .Select(s => s.Id)
            .ToListAsync(cancellationToken);
        await db.Set<Session>()
            .Where(s => live.Contains(s.Id) && s.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now).SetProperty(x => x.RevokedReason, reason).SetProperty(x => x.RevocationMarkPending, true), cancellationToken);
        await MarkAsync(live, cancellationToken);
    }

    /// <summary>Marks ended sessions in Redis; the pending flag is cleared only for marks Redis took.</summary>
    public async Task<bool> MarkAsync(IReadOnlyCollection<Guid> sessionIds, CancellationToken cancellationToken)
    {
        if (sessionIds.Count == 0)
            return true;
        if (!await revocations.MarkRevokedAsync(sessionIds.Select(id => id.ToString()).ToList(), options.AccessTokenLifetime))
            return false;
        await db.Set<Session>().Where(s => sessionIds.Contains(s.Id) && s.RevocationMarkPending)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevocationMarkPending, false), cancellationToken);
        return true;
    }

    public async Task<Session?> FindLiveAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await db.Set<Session>().AsNoTracking()
            .FirstOrDefaultAsync(s => s.Id == sessionId && s.RevokedAt == null && s.ExpiresAt > now, cancellationToken);
    }

    /// <summary>Throws Unauthenticated SESSION_ENDED unless <paramref name="user"/>'s session is live and theirs.</summary>
    public async Task RequireLiveAsync(SignedInUser user, CancellationToken cancellationToken)
    {
        if (user.SessionId is not { } id || await FindLiveAsync(id, cancellationToken) is not { } session || session.UserId != user.UserId)
            throw ContractError.Unauthenticated(UsersErrorCodes.SessionEnded, "This session has ended; sign in again.");
    }

    public async Task<List<Session>> ListLiveAsync(Guid userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await db.Set<Session>().AsNoTracking()
            .Where(s => s.UserId == userId && s.RevokedAt == null && s.ExpiresAt > now)
            .OrderByDescending(s => s.LastUsedAt)
            .Take(100)
            .ToListAsync(cancellationToken);
    }

    private async Task<SignedInSession> SignedInAsync(User user, Session session, string refreshToken, CancellationToken cancellationToken) =>
        new(user, session, await issuer.IssueAsync(user.Id, user.Role, session.Id, cancellationToken), options.AccessTokenLifetime, refreshToken);

    private static string Truncate(string? value, int length) => string.IsNullOrEmpty(value) ? "" : value.Length <= length ? value : value[..length];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refresh token reuse detected; session {SessionId} revoked")]
    private static partial void LogReuse(ILogger logger, Guid sessionId);
}

/// <summary>A started or refreshed session: the user, the session, and the tokens that go to the client once.</summary>
internal sealed record SignedInSession(User User, Session Session, string AccessToken, TimeSpan AccessTokenLifetime, string RefreshToken);
