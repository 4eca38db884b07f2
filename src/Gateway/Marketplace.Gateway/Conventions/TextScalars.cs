using GraphQL.Types;
using GraphQLParser.AST;

namespace Marketplace.Gateway.Conventions;

/// <summary>
/// Text no module should ever see: C0 control characters other than tab, line feed and carriage return (NUL among
/// them: PostgreSQL refuses it, and it hides text from logs and people), and unpaired UTF-16 surrogates (a GraphQL
/// literal may spell one as <c>"\ud800"</c>; it is not text and cannot be stored as UTF-8).
/// </summary>
internal static class InputText
{
    public static string Check(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < ' ' && c is not ('\t' or '\n' or '\r'))
                throw new InvalidTextException($"Text may not contain control characters (found U+{(int)c:X4} at position {i}).");
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i++;
            else if (char.IsSurrogate(c))
                throw new InvalidTextException($"Text may not contain an unpaired surrogate (U+{(int)c:X4} at position {i}).");
        }

        return text;
    }

    /// <summary>Checks a parsed scalar value when it is text (an ID may also be a number).</summary>
    public static object? CheckIfText(object? value) => value is string text ? Check(text) : value;
}

/// <summary>Input text refused by <see cref="InputText"/>: BAD_USER_INPUT, whether it came as a literal or a variable.</summary>
internal sealed class InvalidTextException(string message) : FormatException(message);

/// <summary>The built-in <c>String</c>, refusing control characters in input (<see cref="InputText"/>); output is unchanged.</summary>
public sealed class TextGraphType : StringGraphType
{
    public TextGraphType()
    {
        Name = "String";
    }

    public override object? ParseLiteral(GraphQLValue value) => InputText.CheckIfText(base.ParseLiteral(value));

    public override object? ParseValue(object? value) => InputText.CheckIfText(base.ParseValue(value));
}

/// <summary>The built-in <c>ID</c>, refusing control characters in input like <see cref="TextGraphType"/>.</summary>
public sealed class TextIdGraphType : IdGraphType
{
    public TextIdGraphType()
    {
        Name = "ID";
    }

    public override object? ParseLiteral(GraphQLValue value) => InputText.CheckIfText(base.ParseLiteral(value));

    public override object? ParseValue(object? value) => InputText.CheckIfText(base.ParseValue(value));
}
