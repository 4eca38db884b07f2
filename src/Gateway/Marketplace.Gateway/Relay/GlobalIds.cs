using GraphQL;
using Marketplace.Gateway.Errors;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Relay;

/// <summary>
/// The one rule for ids clients send (docs/graphql.md, "Ids"):
/// <list type="bullet">
/// <item>malformed, or the id of another type → <see cref="InputError"/> <c>INVALID_ID</c> on the field: a top-level
/// <c>BAD_USER_INPUT</c> naming it in a query, a userError in a mutation;</item>
/// <item>well-formed, of the right type, but no such object (or not yours) → null from a lookup, a
/// <c>&lt;THING&gt;_NOT_FOUND</c> userError from a mutation (the module decides);</item>
/// <item><c>node(id:)</c> takes any type: malformed → BAD_USER_INPUT, an unknown type or no such object → null.</item>
/// </list>
/// </summary>
public static class GlobalIds
{
    /// <summary>The local id inside <paramref name="globalId"/>, which must be a <paramref name="typeName"/>'s id.</summary>
    public static string Expect(string? globalId, string typeName, string field)
    {
        if (GlobalId.TryDecode(globalId, out var type, out var id) && type == typeName)
            return id;
        throw new InputError(field, CommonErrorCodes.InvalidId, $"This is not the id of a {typeName}.");
    }

    /// <summary>An <c>ID</c> argument that must name a <paramref name="typeName"/>; null when not given.</summary>
    public static string? GetIdArgument(this IResolveFieldContext context, string argument, string typeName) =>
        context.GetArgument<string?>(argument) is { } value ? Expect(value, typeName, argument) : null;
}
