namespace Marketplace.Gateway.Conventions;

/// <summary>Reading a mutation's <c>input</c> object (GraphQL.NET hands it over as a dictionary).</summary>
internal static class InputValues
{
    /// <summary>A field's text; an absent or null field reads as empty, which proto3 strings mean "not given".</summary>
    public static string Text(this IDictionary<string, object?> input, string name) =>
        input.TryGetValue(name, out var value) ? value?.ToString() ?? "" : "";
}
