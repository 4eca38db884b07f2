using GraphQL;
using Marketplace.Gateway.Execution;
using Marketplace.Gateway.Relay;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Users;

/// <summary><c>node(id:)</c> for the viewer: as <c>viewer</c>, only your own (anyone else's id is null).</summary>
internal sealed class ViewerNodeResolver : INodeResolver
{
    public string TypeName => UsersArea.ViewerTypeName;

    public Type ClrType => typeof(ViewerSource);

    public Task<object?> ResolveAsync(string id, IResolveFieldContext context) =>
        Task.FromResult<object?>(context.GetCaller() is { Kind: CallerKind.User } caller && caller.Id == id ? new ViewerSource(caller, null) : null);
}
