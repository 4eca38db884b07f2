using System.Globalization;
using GraphQL.Types;
using GraphQLParser.AST;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Conventions;

/// <summary>
/// <c>DateTime</c>: an instant as an RFC 3339 date-time (<c>@specifiedBy</c> section 5.6). Output has one fixed shape,
/// UTC with exactly six fractional digits and a <c>Z</c> (<c>2026-11-24T03:50:27.123456Z</c>): microseconds are what
/// PostgreSQL and the contracts keep (<see cref="Timestamps"/>), and a fixed width means the text sorts and compares
/// like the instant, whatever module the value comes from. Input must carry an offset (<c>Z</c> or <c>+02:00</c>): a
/// time without one could mean any instant; digits below a microsecond are dropped.
/// </summary>
public sealed class UtcDateTimeGraphType : ScalarGraphType
{
    public UtcDateTimeGraphType()
    {
        Name = "DateTime";
        Description = "An instant as an RFC 3339 date-time. Output is always UTC with six fractional digits (microseconds) and a Z, e.g. \"2026-11-24T03:50:27.123456Z\"; input needs an offset (Z or +02:00) and keeps at most microseconds.";
        SpecifiedBy.Apply(this, Url);
    }

    /// <summary>RFC 3339's date-time production.</summary>
    public const string Url = "https://www.rfc-editor.org/rfc/rfc3339#section-5.6";

    public static string Format(DateTimeOffset value) => Timestamps.Format(value);

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLNullValue => null,
        GraphQLStringValue text => Parse(text.Value.ToString()),
        _ => ThrowLiteralConversionError(value),
    };

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        string text => Parse(text),
        DateTimeOffset instant => instant.ToUniversalTime(),
        _ => ThrowValueConversionError(value),
    };

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        DateTimeOffset instant => Format(instant),
        DateTime { Kind: DateTimeKind.Utc } utc => Format(new DateTimeOffset(utc)),
        DateTime other => throw new InvalidOperationException($"A DateTime of kind {other.Kind} has no defined instant; use UTC."),
        _ => ThrowSerializationError(value),
    };

    private static DateTimeOffset Parse(string text)
    {
        var hasOffset = text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
        if (hasOffset && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
            return Timestamps.Truncate(parsed.ToUniversalTime());
        throw new FormatException("DateTime values must be ISO-8601 with an offset, e.g. \"2026-11-24T03:50:27Z\".");
    }
}
