using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Marketplace.Shared.Contracts;
using NATS.Client.Core;

namespace Marketplace.Shared.Events;

/// <summary>
/// What travels with every event: the JSON payload as the message body, the rest as headers (so tools such as
/// <c>nats stream view</c> show them and the payload stays the plain record).
/// </summary>
public sealed record EventEnvelope(
    Guid EventId,
    string Subject,
    DateTimeOffset OccurredAt,
    string CorrelationId,
    Guid? CausationId,
    string? TraceParent,
    string Payload)
{
    public const string MsgIdHeader = "Nats-Msg-Id";
    public const string OccurredAtHeader = "Marketplace-Occurred-At";
    public const string CorrelationHeader = "Marketplace-Correlation-Id";
    public const string CausationHeader = "Marketplace-Causation-Id";
    public const string SubjectHeader = "Marketplace-Subject";
    public const string TraceParentHeader = "traceparent";

    public static EventEnvelope From(OutboxMessage message) =>
        new(message.Id, message.Subject, message.OccurredAt, message.CorrelationId, message.CausationId, message.TraceParent, message.Payload);

    public static EventEnvelope From(DeadLetter letter) =>
        new(letter.EventId, letter.Subject, letter.OccurredAt, letter.CorrelationId, letter.CausationId, letter.TraceParent, letter.Payload);

    /// <summary>Headers for the message; <c>Nats-Msg-Id</c> is set by the publish options.</summary>
    public NatsHeaders ToHeaders()
    {
        var headers = new NatsHeaders
        {
            [OccurredAtHeader] = OccurredAt.ToString("O", CultureInfo.InvariantCulture),
            [CorrelationHeader] = CorrelationId,
            [SubjectHeader] = Subject,
        };
        if (CausationId is { } causation)
            headers[CausationHeader] = causation.ToString();
        if (!string.IsNullOrEmpty(TraceParent))
            headers[TraceParentHeader] = TraceParent;
        return headers;
    }

    /// <summary>Reads an envelope back from a delivered message; null when it is not one of ours.</summary>
    public static EventEnvelope? FromMessage(NatsHeaders? headers, byte[]? body, DateTimeOffset receivedAt)
    {
        if (headers is null || body is null)
            return null;
        if (!headers.TryGetValue(MsgIdHeader, out var id) || !Guid.TryParse(id.ToString(), out var eventId))
            return null;
        if (!headers.TryGetValue(SubjectHeader, out var subject))
            return null;
        var occurredAt = headers.TryGetValue(OccurredAtHeader, out var occurred) && DateTimeOffset.TryParse(occurred.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
            ? at
            : receivedAt;
        var correlation = headers.TryGetValue(CorrelationHeader, out var c) ? c.ToString() : CallContext.NewCorrelationId();
        Guid? causation = headers.TryGetValue(CausationHeader, out var cause) && Guid.TryParse(cause.ToString(), out var causeId) ? causeId : null;
        var trace = headers.TryGetValue(TraceParentHeader, out var t) ? t.ToString() : null;
        return new EventEnvelope(eventId, subject.ToString(), occurredAt, correlation, causation, trace, System.Text.Encoding.UTF8.GetString(body));
    }
}

/// <summary>Subjects, stream and consumer names: one explicit scheme, checked where an event type is first used.</summary>
public static partial class EventSubjects
{
    /// <summary>The JSON shape of every payload: web defaults (camelCase), so other languages read it naturally.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly Dictionary<Type, string> Cache = [];

    [GeneratedRegex("^marketplace\\.([a-z][a-z0-9_]*)\\.[a-z][a-z0-9_]*\\.v[1-9][0-9]*$")]
    private static partial Regex SubjectPattern();

    /// <summary>The subject declared on <paramref name="eventType"/> with <see cref="IntegrationEventAttribute"/>.</summary>
    public static string Of(Type eventType)
    {
        lock (Cache)
        {
            if (Cache.TryGetValue(eventType, out var known))
                return known;
            var attribute = eventType.GetCustomAttribute<IntegrationEventAttribute>()
                ?? throw new InvalidOperationException($"{eventType.Name} has no [IntegrationEvent(\"marketplace.<module>.<event>.v<n>\")] attribute.");
            if (!SubjectPattern().IsMatch(attribute.Subject))
                throw new InvalidOperationException($"{eventType.Name}: subject '{attribute.Subject}' does not read marketplace.<module>.<event>.v<n> (lower case, snake_case).");
            if (!typeof(IIntegrationEvent).IsAssignableFrom(eventType))
                throw new InvalidOperationException($"{eventType.Name} does not implement IIntegrationEvent.");
            Cache[eventType] = attribute.Subject;
            return attribute.Subject;
        }
    }

    /// <summary>The publishing module's segment of a canonical subject, e.g. <c>users</c>.</summary>
    public static string ModuleOf(string subject)
    {
        var match = SubjectPattern().Match(subject);
        return match.Success ? match.Groups[1].Value : throw new InvalidOperationException($"'{subject}' is not a marketplace event subject.");
    }

    /// <summary>Wire subject: the canonical one, under a deployment prefix when one is configured.</summary>
    public static string OnWire(string subject, string prefix) => string.IsNullOrEmpty(prefix) ? subject : $"{prefix}.{subject}";

    /// <summary>Strips the deployment prefix again.</summary>
    public static string Canonical(string wireSubject, string prefix) =>
        string.IsNullOrEmpty(prefix) || !wireSubject.StartsWith(prefix + ".", StringComparison.Ordinal) ? wireSubject : wireSubject[(prefix.Length + 1)..];

    /// <summary>The stream of a publishing module: <c>MARKETPLACE_USERS</c> (prefixed: <c>&lt;PREFIX&gt;_MARKETPLACE_USERS</c>).</summary>
    public static string StreamOf(string module, string prefix)
    {
        var name = $"MARKETPLACE_{module.ToUpperInvariant()}";
        return string.IsNullOrEmpty(prefix) ? name : $"{Sanitize(prefix).ToUpperInvariant()}_{name}";
    }

    /// <summary>All subjects of a publishing module's stream: <c>marketplace.users.&gt;</c>.</summary>
    public static string StreamSubjects(string module, string prefix) => OnWire($"marketplace.{module}.>", prefix);

    /// <summary>Durable consumer name: consuming module + event, e.g. <c>notifications__users_user_registered_v1</c>.</summary>
    public static string DurableName(string consumingModule, string subject) =>
        $"{consumingModule.ToLowerInvariant()}__{Sanitize(subject["marketplace.".Length..])}";

    private static string Sanitize(string value) => Regex.Replace(value, "[^A-Za-z0-9_-]", "_");
}
