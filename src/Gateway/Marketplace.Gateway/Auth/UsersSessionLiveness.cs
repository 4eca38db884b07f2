using System.Collections.Concurrent;
using Marketplace.Modules.Users.Contracts.V1;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.Security;
using CallContext = Marketplace.Shared.Contracts.CallContext;

namespace Marketplace.Gateway.Auth;

/// <summary>
/// The session check's fallback while Redis cannot answer: asks the Users module (its contract,
/// <c>UsersAuth.ValidateSession</c>, as the gateway) whether a session is still live. Live answers are kept for
/// <see cref="LiveFor"/> (a signed-in request does not cost a contract call each); ended answers are kept until every
/// token of the session has expired, and so are sessions this gateway ended itself (logout, sessionRevoke), so such a
/// token stays refused here however Redis fares and before its mark reaches Redis.
/// </summary>
internal sealed class UsersSessionLiveness(UsersAuth.UsersAuthClient users, GatewayOptions options, TimeProvider clock) : ISessionLiveness
{
    public static readonly TimeSpan LiveFor = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(2);

    // Longer than any access token lives (at most an hour) plus the allowed skew.
    private static readonly TimeSpan EndedFor = TimeSpan.FromHours(1);
    private const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<string, (bool Ended, DateTimeOffset Until)> _known = new(StringComparer.Ordinal);

    public async Task<bool> IsEndedAsync(string sessionId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_known.TryGetValue(sessionId, out var known) && known.Until > now)
            return known.Ended;

        ValidateSessionResponse answer;
        using (CallContext.Push(new CallContext(Caller.Service("Gateway"), CallContext.Current.CorrelationId)))
        {
            answer = await users.ValidateSessionAsync(new ValidateSessionRequest { SessionId = sessionId }, deadline: DateTime.UtcNow + CallTimeout, cancellationToken: cancellationToken);
        }

        Remember(sessionId, !answer.Live, now);
        return !answer.Live;
    }

    /// <summary>True when this gateway knows the session ended (it ended it, or the fallback said so).</summary>
    public bool IsKnownEnded(string sessionId) =>
        _known.TryGetValue(sessionId, out var known) && known.Ended && known.Until > clock.GetUtcNow();

    /// <summary>The session was ended through this gateway: refuse its tokens here from now on, whatever Redis says.</summary>
    public void MarkEnded(string sessionId) => Remember(sessionId, ended: true, clock.GetUtcNow());

    private void Remember(string sessionId, bool ended, DateTimeOffset now)
    {
        if (_known.Count >= MaxEntries)
        {
            foreach (var (key, value) in _known)
            {
                if (value.Until <= now)
                    _known.TryRemove(key, out _);
            }

            if (_known.Count >= MaxEntries)
                _known.Clear(); // a flood of ids: start again rather than grow without bound
        }

        _known[sessionId] = (ended, now + (ended ? EndedFor + options.Auth.ClockSkew : LiveFor));
    }
}
