using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Gateway.Relay;

/// <summary>
/// Loads one kind of object for <c>node(id:)</c>. It MUST authorize like the type's own query field does
/// (usually by calling the owning module's contract, which checks the caller): <c>node</c> is a second door to
/// every object. Returning null means "no such object for you"; Relay clients treat both the same.
/// </summary>
public interface INodeResolver
{
    /// <summary>The GraphQL object type this resolver loads, e.g. <c>Product</c>; it must implement <c>Node</c>.</summary>
    string TypeName { get; }

    /// <summary>The CLR type of the objects it returns: how <c>Node</c> knows which GraphQL type a value is.</summary>
    Type ClrType { get; }

    Task<object?> ResolveAsync(string id, IResolveFieldContext context);
}

public static class NodeResolverExtensions
{
    public static IServiceCollection AddNodeResolver<T>(this IServiceCollection services)
        where T : class, INodeResolver
    {
        services.AddSingleton<INodeResolver, T>();
        return services;
    }
}

/// <summary>The registered node resolvers, by GraphQL type name.</summary>
public sealed class NodeRegistry
{
    private readonly Dictionary<string, INodeResolver> _byType;

    public NodeRegistry(IEnumerable<INodeResolver> resolvers)
    {
        _byType = new Dictionary<string, INodeResolver>(StringComparer.Ordinal);
        foreach (var resolver in resolvers)
        {
            if (!_byType.TryAdd(resolver.TypeName, resolver))
                throw new InvalidOperationException($"Two node resolvers claim type {resolver.TypeName}.");
        }
    }

    public INodeResolver? For(string typeName) => _byType.GetValueOrDefault(typeName);

    public INodeResolver? ForValue(object value) => _byType.Values.FirstOrDefault(r => r.ClrType.IsInstanceOfType(value));
}

/// <summary>The Relay <c>Node</c> interface: anything refetchable by its global id.</summary>
public sealed class NodeInterface : InterfaceGraphType
{
    public NodeInterface(NodeRegistry nodes, IServiceProvider services)
    {
        Name = "Node";
        Description = "An object with a global id, refetchable with node(id:).";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Opaque global id.");
        // The resolver that produced a value knows its GraphQL type; looked up at execution, once the schema exists.
        ResolveType = value => nodes.ForValue(value) is { } resolver
            ? services.GetRequiredService<Schema.MarketplaceSchema>().AllTypes[resolver.TypeName] as IObjectGraphType
            : null;
    }
}
