using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.Operations;
using Marketplace.Shared.Security;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Marketplace.Shared.RateLimiting;

/// <summary>What a message costs: SMS (money per text) or email (reputation of the sending domain, the recipient's peace).</summary>
public enum MessageChannel
{
    Sms,
    Email,
}

/// <summary>Which budget refused a message.</summary>
public enum BudgetScope
{
    None,

    /// <summary>The phone number or email address the message goes to (protects the recipient).</summary>
    Destination,

    /// <summary>The account that asked for it (a signed-in user, or the account a reset is for).</summary>
    Account,

    /// <summary>The client address the request came from.</summary>
    Client,

    /// <summary>Everything this deployment sends on the channel (caps the bill when everything else is evaded).</summary>
    Global,
}

/// <summary>At most <see cref="Limit"/> messages per <see cref="Window"/>.</summary>
public sealed record BudgetWindow(int Limit, TimeSpan Window);

/// <summary>The windows of one channel's budget, per scope; an empty list leaves that scope unlimited.</summary>
public sealed record MessageBudgetPolicy(
    IReadOnlyList<BudgetWindow> PerDestination,
    IReadOnlyList<BudgetWindow> PerAccount,
    IReadOnlyList<BudgetWindow> PerClient,
    IReadOnlyList<BudgetWindow> Global);

/// <summary>One message about to be sent: its channel, where it goes, who asked (when known) and from which address.</summary>
public sealed record MessageSend(MessageChannel Channel, string Destination, string? AccountId, string? ClientIp);

public readonly record struct MessageBudgetDecision(bool Allowed, BudgetScope RefusedBy, TimeSpan RetryAfter)
{
    public static readonly MessageBudgetDecision Granted = new(true, BudgetScope.None, TimeSpan.Zero);
}

/// <summary>
/// The one abuse budget for everything that sends an SMS or an email (sign-in codes, phone and email changes,
/// registration, resends, password resets): every send reserves one message per destination, per account, per client
/// address and globally, all or nothing, before it is sent. Counters live in Redis so they hold across replicas.
/// </summary>
public interface IMessageBudget
{
    /// <summary>
    /// Reserves one message in every window of <paramref name="policy"/> that applies, or none when any is spent.
    /// Throws <see cref="RedisUnavailableException"/> when the counters cannot be read: the caller then refuses to send
    /// (messages cost money; see <see cref="MessageBudgetExtensions.ReserveAsync"/>).
    /// </summary>
    Task<MessageBudgetDecision> TryReserveAsync(MessageSend send, MessageBudgetPolicy policy, CancellationToken cancellationToken);
}

public static class MessageBudgetExtensions
{
    /// <summary>How long a client is asked to wait when the budget cannot be checked.</summary>
    public static readonly TimeSpan UnavailableRetryAfter = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Reserves one message or throws ResourceExhausted: <c>RATE_LIMITED</c> with the wait when a budget is spent,
    /// <c>SENDING_UNAVAILABLE</c> when the budget cannot be checked (fail closed: nothing is sent while Redis is down).
    /// </summary>
    public static async Task ReserveAsync(this IMessageBudget budget, MessageSend send, MessageBudgetPolicy policy, CancellationToken cancellationToken)
    {
        MessageBudgetDecision decision;
        try
        {
            decision = await budget.TryReserveAsync(send, policy, cancellationToken).ConfigureAwait(false);
        }
        catch (RedisUnavailableException)
        {
            throw Unavailable();
        }

        if (!decision.Allowed)
            throw ContractError.ResourceExhausted("RATE_LIMITED", "Too many messages; try again later.", decision.RetryAfter);
    }

    public static Grpc.Core.RpcException Unavailable() =>
        ContractError.ResourceExhausted("SENDING_UNAVAILABLE", "Messages cannot be sent right now; try again shortly.", UnavailableRetryAfter);
}

/// <summary>
/// Fixed windows in Redis, one key per scope × window (<c>budget:{channel}:{scope}:{seconds}s:{hash}</c>; subjects are
/// hashed, so numbers and addresses never sit in Redis in clear). One Lua script checks every window and increments them
/// only when all have room: a refused message uses up nothing, and concurrent sends can never overshoot a limit.
/// </summary>
internal sealed partial class RedisMessageBudget(RedisGuard redis, ILogger<RedisMessageBudget> logger, TimeProvider clock) : IMessageBudget
{
    private const string Script = """
        local refused = 0
        local retry = 0
        for i = 1, #KEYS do
          local count = tonumber(redis.call('GET', KEYS[i]) or '0')
          if count >= tonumber(ARGV[2 * i - 1]) then
            local ttl = redis.call('PTTL', KEYS[i])
            if ttl < 0 then ttl = tonumber(ARGV[2 * i]) end
            if refused == 0 then refused = i end
            if ttl > retry then retry = ttl end
          end
        end
        if refused > 0 then return { refused, retry } end
        for i = 1, #KEYS do
          local count = redis.call('INCR', KEYS[i])
          if count == 1 or redis.call('PTTL', KEYS[i]) < 0 then redis.call('PEXPIRE', KEYS[i], ARGV[2 * i]) end
        end
        return { 0, 0 }
        """;

    private static readonly Meter Meter = new(Observability.MeterName);
    private static readonly Counter<long> Reserved = Meter.CreateCounter<long>("marketplace.messages.budget.reserved", "{message}", "Messages the abuse budget let through");
    private static readonly Counter<long> Refused = Meter.CreateCounter<long>("marketplace.messages.budget.refused", "{message}", "Messages the abuse budget refused, by channel and scope");
    private static readonly Counter<long> Unavailable = Meter.CreateCounter<long>("marketplace.messages.budget.unavailable", "{message}", "Messages refused because the budget could not be checked (Redis down)");

    // One warning per channel and minute per process when the global budget trips, not one per refused message.
    private readonly long[] _lastGlobalWarning = new long[2];

    public async Task<MessageBudgetDecision> TryReserveAsync(MessageSend send, MessageBudgetPolicy policy, CancellationToken cancellationToken)
    {
        var channel = send.Channel == MessageChannel.Sms ? "sms" : "email";
        var keys = new List<RedisKey>();
        var args = new List<RedisValue>();
        var scopes = new List<(BudgetScope Scope, int Limit)>();
        void Add(BudgetScope scope, IReadOnlyList<BudgetWindow> windows, string? subject)
        {
            if (subject is null)
                return;
            foreach (var window in windows)
            {
                var seconds = (long)window.Window.TotalSeconds;
                keys.Add(scope == BudgetScope.Global ? $"budget:{channel}:global:{seconds}s" : $"budget:{channel}:{scope.ToString().ToLowerInvariant()}:{seconds}s:{Hash(subject)}");
                args.Add(window.Limit);
                args.Add((long)window.Window.TotalMilliseconds);
                scopes.Add((scope, window.Limit));
            }
        }

        Add(BudgetScope.Destination, policy.PerDestination, send.Destination);
        Add(BudgetScope.Account, policy.PerAccount, string.IsNullOrEmpty(send.AccountId) ? null : send.AccountId);
        Add(BudgetScope.Client, policy.PerClient, string.IsNullOrEmpty(send.ClientIp) ? null : send.ClientIp);
        Add(BudgetScope.Global, policy.Global, "");
        if (keys.Count == 0)
            return MessageBudgetDecision.Granted;

        RedisResult[] result;
        try
        {
            result = (RedisResult[])(await redis.RunAsync((db, _) => db.ScriptEvaluateAsync(Script, [.. keys], [.. args]), cancellationToken).ConfigureAwait(false))!;
        }
        catch (RedisUnavailableException exception)
        {
            Unavailable.Add(1, new KeyValuePair<string, object?>("channel", channel));
            LogUnavailable(logger, channel, exception.Message);
            throw;
        }

        var refusedIndex = (int)result[0];
        if (refusedIndex == 0)
        {
            Reserved.Add(1, new KeyValuePair<string, object?>("channel", channel));
            return MessageBudgetDecision.Granted;
        }

        var (scope, limit) = scopes[refusedIndex - 1];
        var retryAfter = TimeSpan.FromMilliseconds((long)result[1]);
        Refused.Add(1, new KeyValuePair<string, object?>("channel", channel), new KeyValuePair<string, object?>("scope", scope.ToString().ToLowerInvariant()));
        if (scope == BudgetScope.Global)
        {
            var now = clock.GetUtcNow().ToUnixTimeSeconds();
            var slot = (int)send.Channel;
            var previous = Interlocked.Read(ref _lastGlobalWarning[slot]);
            if (now - previous >= 60 && Interlocked.CompareExchange(ref _lastGlobalWarning[slot], now, previous) == previous)
                LogGlobalSpent(logger, channel, limit, Math.Ceiling(retryAfter.TotalSeconds));
        }

        return new MessageBudgetDecision(false, scope, retryAfter);
    }

    private static string Hash(string subject) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(subject)))[..32];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Global {Channel} budget spent ({Limit} per window): every message on this channel is refused for the next {Seconds} s. Check for abuse before raising the limit")]
    private static partial void LogGlobalSpent(ILogger logger, string channel, int limit, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Channel} budget cannot be checked ({Error}); the message is not sent")]
    private static partial void LogUnavailable(ILogger logger, string channel, string error);
}
