using System.Globalization;
using GraphQL;
using Marketplace.Gateway.Relay;
using GeoPoint = Marketplace.Shared.Contracts.V1.GeoPoint;

namespace Marketplace.Gateway.Conventions;

/// <summary>
/// A mutation's <c>input</c> object (or any input object argument) with typed reads. GraphQL.NET hands input objects
/// over as dictionaries; this is the one place that knows how to read them, including the difference between an absent
/// field, an explicit null and a value (updates need it).
/// </summary>
public sealed class InputObject(IReadOnlyDictionary<string, object?> fields, string path)
{
    /// <summary>The path of this object in the request, e.g. <c>input</c> or <c>input.location</c>.</summary>
    public string Path { get; } = path;

    /// <summary>Whether the field was given at all (null included).</summary>
    public bool Has(string name) => fields.ContainsKey(name);

    /// <summary>A field's text; absent or null reads as empty (proto3 strings use empty for "not given").</summary>
    public string Text(string name) => fields.TryGetValue(name, out var value) ? value?.ToString() ?? "" : "";

    /// <summary>The text of a field given with a value; null when absent or null (updates: "unchanged").</summary>
    public string? OptionalText(string name) => fields.TryGetValue(name, out var value) && value is not null ? value.ToString() : null;

    public double? Number(string name) =>
        fields.TryGetValue(name, out var value) && value is not null ? Convert.ToDouble(value, CultureInfo.InvariantCulture) : null;

    public long? WholeNumber(string name) =>
        fields.TryGetValue(name, out var value) && value is not null ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : null;

    public bool? Flag(string name) => fields.TryGetValue(name, out var value) && value is bool flag ? flag : null;

    /// <summary>A <c>Decimal</c> field (exact; the scalar refused floats already).</summary>
    public decimal? Amount(string name) => fields.TryGetValue(name, out var value) && value is not null ? (decimal)value : null;

    /// <summary>A list of strings; null when absent or null.</summary>
    public List<string>? Strings(string name) =>
        fields.TryGetValue(name, out var value) && value is IEnumerable<object?> list ? list.Select(v => v?.ToString() ?? "").ToList() : null;

    /// <summary>A nested input object; null when absent or null.</summary>
    public InputObject? Nested(string name) =>
        fields.TryGetValue(name, out var value) && value is IDictionary<string, object?> nested
            ? new InputObject(nested.AsReadOnly(), $"{Path}.{name}")
            : null;

    /// <summary>A list of nested input objects; null when absent or null.</summary>
    public List<InputObject>? NestedList(string name) =>
        fields.TryGetValue(name, out var value) && value is IEnumerable<object?> list
            ? list.OfType<IDictionary<string, object?>>().Select((o, i) => new InputObject(o.AsReadOnly(), $"{Path}.{name}.{i}")).ToList()
            : null;

    /// <summary>A <c>GeoPointInput</c> field as the common contract message; null when absent or null.</summary>
    public GeoPoint? GeoPoint(string name) => Nested(name) is { } point ? ReadGeoPoint(point) : null;

    /// <summary>
    /// The local id inside a global id field of type <paramref name="typeName"/>; null when absent or null. A malformed id
    /// or one of another type is <c>INVALID_ID</c> on the field (see <see cref="GlobalIds"/>).
    /// </summary>
    public string? Id(string name, string typeName) =>
        fields.TryGetValue(name, out var value) && value is not null ? GlobalIds.Expect(value.ToString(), typeName, $"{Path}.{name}") : null;

    /// <summary>As <see cref="Id"/>, for a field the schema makes required.</summary>
    public string RequiredId(string name, string typeName) => Id(name, typeName) ?? GlobalIds.Expect(null, typeName, $"{Path}.{name}");

    public static GeoPoint ReadGeoPoint(InputObject point) => new()
    {
        Latitude = point.Number("latitude") ?? double.NaN,
        Longitude = point.Number("longitude") ?? double.NaN,
    };
}

public static class InputObjectExtensions
{
    /// <summary>The field's <c>input</c> argument (or another input object argument) as an <see cref="InputObject"/>.</summary>
    public static InputObject Input(this IResolveFieldContext context, string argument = "input") =>
        new((context.GetArgument<Dictionary<string, object?>>(argument) ?? []).AsReadOnly(), argument);

    /// <summary>A <c>GeoPointInput</c> argument as the common contract message.</summary>
    public static GeoPoint GetGeoPoint(this IResolveFieldContext context, string argument) => InputObject.ReadGeoPoint(context.Input(argument));
}
