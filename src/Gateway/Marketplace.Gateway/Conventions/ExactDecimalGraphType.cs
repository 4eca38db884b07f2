using System.Globalization;
using System.Numerics;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Marketplace.Gateway.Conventions;

/// <summary>
/// <c>Decimal</c>: an exact decimal number written as a JSON string ("12.50"), so money never passes through
/// binary floating point in any client or in our JSON. Integers are accepted as input; floats are refused, and so is
/// any number .NET's decimal cannot hold exactly (more than 28 fractional digits, or too many digits in all): it is
/// never silently rounded. Whether a currency allows that many decimals is the module's check. The text is XML Schema's
/// <c>decimal</c> (<c>@specifiedBy</c>): an optional sign, digits, an optional point and digits, no exponent; output
/// keeps the scale the module gave ("12.50" stays "12.50").
/// </summary>
public sealed class ExactDecimalGraphType : ScalarGraphType
{
    private const NumberStyles Style = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    public ExactDecimalGraphType()
    {
        Name = "Decimal";
        Description = "An exact decimal number as a string, e.g. \"12.50\" (XML Schema decimal: optional sign, digits, optional point and digits; no exponent). Never a JSON float. At most 28 digits after the point and 28 in all; trailing zeros are kept.";
        SpecifiedBy.Apply(this, Url);
    }

    /// <summary>XML Schema 1.1's decimal datatype: the lexical form clients parse with an arbitrary-precision type.</summary>
    public const string Url = "https://www.w3.org/TR/xmlschema11-2/#decimal";

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLNullValue => null,
        GraphQLStringValue text => Parse(text.Value.ToString()),
        GraphQLIntValue integer => Parse(integer.Value.ToString()),
        GraphQLFloatValue => throw FloatRefused(),
        _ => ThrowLiteralConversionError(value),
    };

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        string text => Parse(text),
        int or long or BigInteger => Parse(Convert.ToString(value, CultureInfo.InvariantCulture)!),
        double or float or decimal => throw FloatRefused(),
        _ => ThrowValueConversionError(value),
    };

    // Let floats through the "can parse" probe so that parsing them raises our explanation, not a generic one.
    // Likewise strings and integers: an unparsable or over-precise one is then refused with our explanation.
    public override bool CanParseLiteral(GraphQLValue value) => value is GraphQLFloatValue or GraphQLStringValue or GraphQLIntValue || base.CanParseLiteral(value);

    public override bool CanParseValue(object? value) => value is double or float or decimal or string || base.CanParseValue(value);

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        decimal exact => exact.ToString(CultureInfo.InvariantCulture),
        int or long => Convert.ToString(value, CultureInfo.InvariantCulture),
        _ => ThrowSerializationError(value),
    };

    private static decimal Parse(string text)
    {
        if (text.Length > 40 || !decimal.TryParse(text, Style, CultureInfo.InvariantCulture, out var parsed))
            throw new FormatException($"'{Truncate(text)}' is not a decimal number such as \"12.50\".");
        // decimal keeps the scale it was written with ("1.50" has scale 2) unless it had to round to fit.
        var point = text.IndexOf('.', StringComparison.Ordinal);
        var fractionalDigits = point < 0 ? 0 : text.Length - point - 1;
        if (parsed.Scale != fractionalDigits)
            throw new FormatException($"'{Truncate(text)}' has more digits than a Decimal holds exactly (at most 28 after the point, 28 in all); it would be rounded.");
        return parsed;
    }

    private static FormatException FloatRefused() =>
        new("Decimal values must be strings such as \"12.50\": a float loses precision.");

    private static string Truncate(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
