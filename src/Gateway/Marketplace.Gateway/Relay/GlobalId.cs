using System.Buffers.Text;
using System.Text;

namespace Marketplace.Gateway.Relay;

/// <summary>
/// Relay global ids: base64 of <c>Type:id</c>. Opaque to clients (they must not build or parse them), yet
/// enough for <c>node(id:)</c> to know which module owns the object.
/// </summary>
public static class GlobalId
{
    private const int MaxLength = 512;

    public static string Encode(string typeName, string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(typeName);
        ArgumentException.ThrowIfNullOrEmpty(id);
        return Convert.ToBase64String(Encoding.UTF8.GetBytes($"{typeName}:{id}"));
    }

    /// <summary>Reads a global id; false for anything that is not base64 of <c>Type:id</c> with a GraphQL type name.</summary>
    public static bool TryDecode(string? globalId, out string typeName, out string id)
    {
        typeName = "";
        id = "";
        if (string.IsNullOrEmpty(globalId) || globalId.Length > MaxLength || !Base64.IsValid(globalId))
            return false;

        string text;
        try
        {
            text = Encoding.UTF8.GetString(Convert.FromBase64String(globalId));
        }
        catch (FormatException)
        {
            return false;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == text.Length - 1)
            return false;
        var type = text[..colon];
        if (!char.IsAsciiLetter(type[0]) || !type.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            return false;

        typeName = type;
        id = text[(colon + 1)..];
        return true;
    }
}
