using GraphQL;
using Marketplace.Gateway.Execution;
using Marketplace.Gateway.Relay;
using Marketplace.Modules.Users.Contracts.V1;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Users;

/// <summary><c>node(id:)</c> for sessions: as <c>viewer.sessions</c>, your own live sessions only (anything else is null).</summary>
internal sealed class SessionNodeResolver : INodeResolver
{
    public string TypeName => UsersArea.SessionTypeName;

    public Type ClrType => typeof(SessionInfo);

    public async Task<object?> ResolveAsync(string id, IResolveFieldContext context)
    {
        if (context.GetCaller().Kind != CallerKind.User)
            return null;
        var sessions = await UsersArea.Auth(context).ListSessionsAsync(new ListSessionsRequest(), cancellationToken: context.CancellationToken);
        return sessions.Sessions.FirstOrDefault(s => s.Id == id);
    }
}
