using GraphQL;
using GraphQL.Types;
using Marketplace.Gateway.Auth;
using Marketplace.Gateway.Errors;
using Marketplace.Gateway.Schema;

namespace Marketplace.Gateway.Relay;

/// <summary><c>node(id:)</c>: decodes the global id and hands it to the owning type's <see cref="INodeResolver"/>.</summary>
internal sealed class RelayContribution(NodeRegistry nodes) : ISchemaContribution
{
    public void ConfigureQuery(ObjectGraphType query) =>
        query.Field<NodeInterface>("node")
            .Description("Refetches any object by its global id. Null when it does not exist or is not yours to see.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "A global id this API returned.")
            .AllowAnonymous()
            .ResolveAsync(async context =>
            {
                var id = context.GetArgument<string>("id");
                if (!GlobalId.TryDecode(id, out var typeName, out var localId))
                    throw new InputError("id", Marketplace.Shared.Contracts.CommonErrorCodes.InvalidId, "This is not an id this API returned.");
                // Unknown type and "no such object" look the same: ids reveal nothing by probing.
                return nodes.For(typeName) is { } resolver ? await resolver.ResolveAsync(localId, context) : null;
            });

    public IEnumerable<Type> AdditionalTypes => [typeof(PageInfoType)];
}
