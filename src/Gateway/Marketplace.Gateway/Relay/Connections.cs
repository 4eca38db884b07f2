using System.Text;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using Marketplace.Gateway.Errors;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Relay;

/// <summary>A page of a cursor connection, as resolvers build it.</summary>
public sealed record Connection<T>(IReadOnlyList<Edge<T>> Edges, PageInfo PageInfo, int? TotalCount = null)
{
    /// <summary>
    /// A page as a module returned it: its items (at most <c>first</c>), whether a next page exists (the module's
    /// <c>PageInfo.has_next_page</c>), and each item's position key, which becomes its opaque cursor.
    /// </summary>
    public static Connection<T> From(IEnumerable<T> items, bool hasNextPage, PageRequest page, Func<T, string> keyOf, int? totalCount = null)
    {
        var edges = items.Select(i => new Edge<T>(i, Cursor.Encode(keyOf(i)))).ToList();
        return new Connection<T>(
            edges,
            new PageInfo(hasNextPage, page.AfterKey is not null, edges.FirstOrDefault()?.Cursor, edges.LastOrDefault()?.Cursor),
            totalCount);
    }

    /// <summary>
    /// Builds a page from a slice a module returned: <paramref name="items"/> holds up to <c>first + 1</c>
    /// items (the extra one only tells that a next page exists); <paramref name="keyOf"/> gives each item's
    /// position key, which becomes its opaque cursor.
    /// </summary>
    public static Connection<T> FromSlice(IReadOnlyList<T> items, PageRequest page, Func<T, string> keyOf, int? totalCount = null)
    {
        var hasNext = items.Count > page.First;
        var edges = items.Take(page.First).Select(i => new Edge<T>(i, Cursor.Encode(keyOf(i)))).ToList();
        return new Connection<T>(
            edges,
            new PageInfo(hasNext, page.AfterKey is not null, edges.FirstOrDefault()?.Cursor, edges.LastOrDefault()?.Cursor),
            totalCount);
    }
}

public sealed record Edge<T>(T Node, string Cursor);

public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);

/// <summary>What the client asked for: how many, after which position (decoded from the cursor).</summary>
public sealed record PageRequest(int First, string? AfterKey);

/// <summary>Opaque cursors: base64 of a module-defined position key, prefixed so ids and cursors never mix.</summary>
public static class Cursor
{
    private const string Prefix = "cursor:";

    public static string Encode(string key) => Convert.ToBase64String(Encoding.UTF8.GetBytes(Prefix + key));

    public static bool TryDecode(string cursor, out string key)
    {
        key = "";
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            if (!text.StartsWith(Prefix, StringComparison.Ordinal))
                return false;
            key = text[Prefix.Length..];
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

public static class ConnectionFieldExtensions
{
    private static readonly GatewayOptions Defaults = new();

    /// <summary>Adds <c>first</c> and <c>after</c> to a connection field, stating the limits.</summary>
    public static FieldBuilder<TSource, TReturn> PageArguments<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) =>
        field
            .Argument<IntGraphType>("first", $"How many items: at most the page size limit (Gateway:MaxPageSize, {Defaults.MaxPageSize} unless configured); {Defaults.DefaultPageSize} when omitted (Gateway:DefaultPageSize).")
            .Argument<StringGraphType>("after", "Cursor of the item after which the page starts (an endCursor or edge cursor of this connection).");

    /// <summary>The page request as the common contract message (first, after key).</summary>
    public static Marketplace.Shared.Contracts.V1.PageRequest ToContract(this PageRequest page) => new() { First = page.First, After = page.AfterKey ?? "" };

    /// <summary>
    /// Reads and checks <c>first</c>/<c>after</c>: <c>first</c> above <see cref="GatewayOptions.MaxPageSize"/>,
    /// negative, or a malformed cursor is BAD_USER_INPUT.
    /// </summary>
    public static PageRequest GetPageRequest(this IResolveFieldContext context)
    {
        var options = context.RequestServices!.GetService(typeof(GatewayOptions)) as GatewayOptions ?? new GatewayOptions();
        var first = context.GetArgument<int?>("first") ?? options.DefaultPageSize;
        if (first < 0)
            throw new InputError("first", CommonErrorCodes.OutOfRange, "'first' cannot be negative.");
        if (first > options.MaxPageSize)
            throw new InputError("first", CommonErrorCodes.OutOfRange, $"'first' may be at most {options.MaxPageSize}.");

        var after = context.GetArgument<string?>("after");
        string? afterKey = null;
        if (after is not null && !Cursor.TryDecode(after, out afterKey!))
            throw new InputError("after", CommonErrorCodes.InvalidCursor, "'after' is not a cursor this API returned.");
        return new PageRequest(first, afterKey);
    }
}

/// <summary><c>PageInfo</c> of every connection.</summary>
public sealed class PageInfoType : ObjectGraphType<PageInfo>
{
    public PageInfoType()
    {
        Name = "PageInfo";
        Description = "Where a page of a connection is (Relay cursor connections).";
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Description("Whether more items follow: ask again with after = endCursor.").Resolve(c => c.Source.HasNextPage);
        Field<NonNullGraphType<BooleanGraphType>>("hasPreviousPage").Description("Whether this page started after a cursor (paging is forward only).").Resolve(c => c.Source.HasPreviousPage);
        Field<StringGraphType>("startCursor").Description("Cursor of the first item of the page; null when it is empty.").Resolve(c => c.Source.StartCursor);
        Field<StringGraphType>("endCursor").Description("Cursor of the last item of the page; null when it is empty.").Resolve(c => c.Source.EndCursor);
    }
}

/// <summary><c>XConnection</c> for node type <typeparamref name="TNodeType"/> (class named <c>XType</c>).</summary>
public sealed class ConnectionType<TNodeType, TNode> : ObjectGraphType<Connection<TNode>>
    where TNodeType : IGraphType
{
    public ConnectionType()
    {
        var node = NodeName();
        Name = $"{node}Connection";
        Description = $"A page of {node} items.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EdgeType<TNodeType, TNode>>>>>("edges").Description("The items with their cursors.").Resolve(c => c.Source.Edges);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TNodeType>>>>("nodes").Description("The items alone.").Resolve(c => c.Source.Edges.Select(e => e.Node));
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Description("Where this page is.").Resolve(c => c.Source.PageInfo);
        Field<IntGraphType>("totalCount").Description("Total number of items, when cheap to know.").Resolve(c => c.Source.TotalCount);
    }

    internal static string NodeName()
    {
        var name = typeof(TNodeType).Name;
        return name.EndsWith("GraphType", StringComparison.Ordinal) ? name[..^9] : name.EndsWith("Type", StringComparison.Ordinal) ? name[..^4] : name;
    }
}

public sealed class EdgeType<TNodeType, TNode> : ObjectGraphType<Edge<TNode>>
    where TNodeType : IGraphType
{
    public EdgeType()
    {
        Name = $"{ConnectionType<TNodeType, TNode>.NodeName()}Edge";
        Description = $"A {ConnectionType<TNodeType, TNode>.NodeName()} in a connection.";
        Field<NonNullGraphType<TNodeType>>("node").Description("The item.").Resolve(c => c.Source.Node);
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("Give it as after to continue after this item.").Resolve(c => c.Source.Cursor);
    }
}
