using Marketplace.Modules.Users.Domain;
using Marketplace.Modules.Users.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Marketplace.Modules.Users.Auth;

/// <summary>
/// Applies revocation marks that Redis could not take when the session ended (sessions with
/// <see cref="Session.RevocationMarkPending"/>), every <see cref="UsersOptions.RevocationRelayInterval"/>. When the Redis
/// connection is restored it marks again every session ended within a token's lifetime, in case Redis came back
/// without its data. So a token of a session that ended during an outage does not work after Redis returns either.
/// </summary>
internal sealed partial class RevocationMarkRelay(
    IServiceScopeFactory scopes,
    IConnectionMultiplexer redis,
    UsersOptions options,
    TimeProvider clock,
    ILogger<RevocationMarkRelay> logger) : BackgroundService
{
    private const int Batch = 500;
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(2);
    private readonly SemaphoreSlim _wake = new(0, 1);
    private int _remarkAll;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        redis.ConnectionRestored += OnRestored;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await RelayAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    LogFailed(logger, exception.GetType().Name, exception.Message);
                }

                try
                {
                    await _wake.WaitAsync(options.RevocationRelayInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
        finally
        {
            redis.ConnectionRestored -= OnRestored;
        }
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }

    private void OnRestored(object? sender, ConnectionFailedEventArgs e)
    {
        Interlocked.Exchange(ref _remarkAll, 1);
        try
        {
            _wake.Release();
        }
        catch (Exception exception) when (exception is SemaphoreFullException or ObjectDisposedException)
        {
            // Already woken, or stopping.
        }
    }

    private async Task RelayAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UsersDbContext>();
        var sessions = scope.ServiceProvider.GetRequiredService<SessionService>();
        // Marks older than this cover no token that could still be valid.
        var window = clock.GetUtcNow() - options.AccessTokenLifetime - Margin;

        if (Interlocked.Exchange(ref _remarkAll, 0) == 1)
        {
            var again = await db.Set<Session>().Where(s => s.RevokedAt > window && !s.RevocationMarkPending)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevocationMarkPending, true), cancellationToken);
            if (again > 0)
                LogRemarking(logger, again);
        }

        await db.Set<Session>().Where(s => s.RevocationMarkPending && s.RevokedAt <= window)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevocationMarkPending, false), cancellationToken);
        while (true)
        {
            var pending = await db.Set<Session>().AsNoTracking()
                .Where(s => s.RevocationMarkPending && s.RevokedAt > window)
                .OrderBy(s => s.RevokedAt)
                .Select(s => s.Id)
                .Take(Batch)
                .ToListAsync(cancellationToken);
            if (pending.Count == 0 || !await sessions.MarkAsync(pending, cancellationToken))
                return;
            LogApplied(logger, pending.Count);
            if (pending.Count < Batch)
                return;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied {Count} pending session revocation mark(s) to Redis")]
    private static partial void LogApplied(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis connection restored: marking {Count} recently ended session(s) again")]
    private static partial void LogRemarking(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pending revocation marks could not be relayed ({Type}: {Error}); retrying")]
    private static partial void LogFailed(ILogger logger, string type, string error);
}
