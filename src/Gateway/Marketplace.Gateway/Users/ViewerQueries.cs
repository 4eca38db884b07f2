using GraphQL.Types;
using Marketplace.Gateway.Auth;
using Marketplace.Gateway.Execution;
using Marketplace.Gateway.Schema;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Users;

/// <summary><c>viewer</c>: who the access token says the caller is, with their own profile and sessions. Null for anonymous callers.</summary>
internal sealed class ViewerQueries : ISchemaContribution
{
    public void ConfigureQuery(ObjectGraphType query) =>
        query.Field<ViewerType>("viewer")
            .Description("The signed-in caller, or null when the request carries no token.")
            .AllowAnonymous()
            .Resolve(context => context.GetCaller() is { Kind: CallerKind.User } caller ? new ViewerSource(caller, null) : null);
}
