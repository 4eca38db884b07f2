using System.Globalization;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Marketplace.Gateway.Conventions;

/// <summary>
/// <c>DateTime</c>: an instant in ISO-8601, always written in UTC with a <c>Z</c>. Input must carry an offset
/// (<c>Z</c> or <c>+02:00</c>): a time without one could mean any instant.
/// </summary>
public sealed class UtcDateTimeGraphType : ScalarGraphType
{
    public UtcDateTimeGraphType()
    {
        Name = "DateTime";
        Description = "An instant in ISO-8601, in UTC, e.g. \"2026-11-24T03:50:27.123Z\".";
    }

    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

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
            return parsed.ToUniversalTime();
        throw new FormatException("DateTime values must be ISO-8601 with an offset, e.g. \"2026-11-24T03:50:27Z\".");
    }
}
