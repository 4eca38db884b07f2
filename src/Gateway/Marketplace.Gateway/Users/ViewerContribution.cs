using GraphQL.Types;
using Marketplace.Gateway.Auth;
using Marketplace.Gateway.Execution;
using Marketplace.Gateway.Schema;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Users;

/// <summary><c>viewer</c>: who the access token says the caller is. Null for anonymous callers.</summary>
internal sealed class ViewerContribution : ISchemaContribution
{
    public void ConfigureQuery(ObjectGraphType query) =>
        query.Field<ViewerType>("viewer")
            .Description("The signed-in caller, or null when the request carries no token.")
            .AllowAnonymous()
            .Resolve(context => context.GetCaller() is { Kind: CallerKind.User } caller ? caller : null);
}

internal sealed class ViewerType : ObjectGraphType<Caller>
{
    public ViewerType(IEnumerable<IViewerExtension> extensions)
    {
        Name = "Viewer";
        Field<NonNullGraphType<IdGraphType>>("userId").Description("The caller's user id.").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("roles")
            .Description("BUYER, SELLER and/or ADMIN.")
            .Resolve(c => c.Source.Roles.Order(StringComparer.Ordinal).ToList());
        Field<IdGraphType>("sessionId").Description("The session the token belongs to.").Resolve(c => c.Source.SessionId);
        foreach (var extension in extensions)
            extension.ConfigureViewer(this);
    }
}
