using System.ComponentModel;
using System.Reflection;

namespace Marketplace.Gateway.Errors;

/// <summary>
/// An area's error codes, for its <c>&lt;Prefix&gt;ErrorCode</c> enum and <c>&lt;Prefix&gt;UserError</c> type: the codes
/// are the public constants of the Contracts' error-code classes (e.g. <c>CommonErrorCodes</c>, <c>SellersErrorCodes</c>),
/// so the schema and the modules can never disagree.
/// </summary>
public interface IErrorCodeArea
{
    /// <summary>The type name prefix, e.g. <c>Store</c> for <c>StoreErrorCode</c> and <c>StoreUserError</c>.</summary>
    static abstract string Prefix { get; }

    /// <summary>Classes of <c>public const string</c> codes, each with a <see cref="DescriptionAttribute"/>.</summary>
    static abstract IReadOnlyList<Type> CodeClasses { get; }
}

/// <summary>How descriptions name an area: its prefix in lower-case words (<c>CatalogSearch</c> → "catalog search").</summary>
public static class ErrorCodeAreaNames
{
    public static string Words(string prefix) =>
        string.Concat(prefix.Select((c, i) => char.IsUpper(c) ? (i > 0 ? " " : "") + char.ToLowerInvariant(c) : c.ToString()));
}

/// <summary>The codes of an area, read once from its classes.</summary>
public static class ErrorCodeCatalog<TArea>
    where TArea : IErrorCodeArea
{
    /// <summary>Each code once (the first class declaring it wins), with its description.</summary>
    public static IReadOnlyList<(string Code, string Description)> Codes { get; } = Read();

    public static IReadOnlySet<string> Values { get; } = Codes.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);

    /// <summary>"a store", "an address": the area's prefix with its article, for descriptions.</summary>
    /// <summary>The area's name as words with its article, e.g. "an address", "a catalog search".</summary>
    public static string Noun { get; } = ("aeiou".Contains(char.ToLowerInvariant(TArea.Prefix[0]), StringComparison.Ordinal) ? "an " : "a ") + ErrorCodeAreaNames.Words(TArea.Prefix);

    private static List<(string Code, string Description)> Read()
    {
        var codes = new List<(string Code, string Description)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in TArea.CodeClasses)
        {
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string)))
            {
                var code = (string)field.GetRawConstantValue()!;
                if (seen.Add(code))
                    codes.Add((code, field.GetCustomAttribute<DescriptionAttribute>()?.Description ?? throw new InvalidOperationException($"{type.Name}.{field.Name} needs a [Description].")));
            }
        }

        return codes;
    }
}
