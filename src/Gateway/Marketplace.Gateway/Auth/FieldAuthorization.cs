using GraphQL;
using GraphQL.Builders;
using GraphQL.Instrumentation;
using GraphQL.Types;
using Marketplace.Gateway.Errors;
using Marketplace.Gateway.Execution;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Auth;

/// <summary>Who may use a field. Declared next to the field; checked before its resolver runs.</summary>
public sealed record AccessRule(bool AllowAnonymous, IReadOnlyList<string> AnyOfRoles)
{
    public static readonly AccessRule Anonymous = new(true, []);
    public static readonly AccessRule SignedIn = new(false, []);

    /// <summary>Null when allowed, else the error to raise.</summary>
    public GatewayError? Check(Caller caller)
    {
        if (AllowAnonymous)
            return null;
        if (!caller.IsAuthenticated)
            return new GatewayError(ErrorCodes.Unauthenticated, "Sign in to use this field.");
        if (AnyOfRoles.Count > 0 && !AnyOfRoles.Any(caller.IsInRole))
            return new GatewayError(ErrorCodes.Forbidden, $"This field needs one of the roles {string.Join(", ", AnyOfRoles)}.");
        return null;
    }
}

/// <summary>
/// Per-field authorization: <c>.AllowAnonymous()</c>, <c>.RequireSignedIn()</c>, <c>.RequireRoles(Roles.Seller)</c>
/// on the field; owner-only checks call <see cref="RequireOwner"/> in the resolver, once the owner is known.
/// Root mutation and subscription fields without a declaration are refused at start-up (denied by default).
/// </summary>
public static class FieldAuthorization
{
    private const string MetadataKey = "marketplace:access";

    public static FieldBuilder<TSource, TReturn> AllowAnonymous<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) =>
        field.WithMetadata(MetadataKey, AccessRule.Anonymous);

    public static FieldBuilder<TSource, TReturn> RequireSignedIn<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) =>
        field.WithMetadata(MetadataKey, AccessRule.SignedIn);

    /// <summary>The caller needs at least one of <paramref name="roles"/> (see <see cref="Roles"/>).</summary>
    public static FieldBuilder<TSource, TReturn> RequireRoles<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, params string[] roles)
    {
        if (roles.Length == 0)
            throw new ArgumentException("Name at least one role; use RequireSignedIn for any signed-in caller.", nameof(roles));
        return field.WithMetadata(MetadataKey, new AccessRule(false, roles));
    }

    public static AccessRule? RuleOf(FieldType field) => field.GetMetadata<AccessRule?>(MetadataKey);

    /// <summary>Owner-only objects: the caller must be <paramref name="ownerId"/> (or an ADMIN).</summary>
    public static void RequireOwner(this IResolveFieldContext context, string ownerId)
    {
        var caller = context.GetCaller();
        if (!caller.IsAuthenticated)
            throw new GatewayError(ErrorCodes.Unauthenticated, "Sign in to see this.");
        if (caller.Id != ownerId && !caller.IsInRole(Roles.Admin))
            throw new GatewayError(ErrorCodes.Forbidden, "This belongs to someone else.");
    }

    /// <summary>Fails start-up when a root field of <paramref name="root"/> has no declared access rule.</summary>
    internal static void EnsureDeclared(IComplexGraphType root)
    {
        var undeclared = root.Fields.Where(f => RuleOf(f) is null).Select(f => f.Name).ToList();
        if (undeclared.Count > 0)
        {
            throw new InvalidOperationException(
                $"{root.Name} fields without an access rule (declare AllowAnonymous/RequireSignedIn/RequireRoles): {string.Join(", ", undeclared)}");
        }
    }
}

/// <summary>
/// Runs every field's declared rule before its resolver, and makes the operation's caller the ambient
/// <see cref="CallContext"/> so the resolver's contract calls carry it. Root mutation fields without a rule are
/// refused here too (defence in depth behind the start-up check).
/// </summary>
internal sealed class FieldAuthorizationMiddleware : IFieldMiddleware
{
    public async ValueTask<object?> ResolveAsync(IResolveFieldContext context, FieldMiddlewareDelegate next)
    {
        var rule = FieldAuthorization.RuleOf(context.FieldDefinition);
        if (rule is null && context.ParentType.Name is "Mutation" or "Subscription" && context.Path.Count() == 1)
            throw new GatewayError(ErrorCodes.Forbidden, "This operation is not open to callers.");

        var callContext = context.GetCallContext();
        if (rule?.Check(callContext.Caller) is { } denied)
            throw denied;

        using var scope = CallContext.Push(callContext);
        return await next(context);
    }
}

/// <summary>
/// Field middleware does not wrap a subscription's source stream, so each subscription root field's stream
/// resolver is wrapped with its access rule (and the caller made ambient while the source is opened).
/// </summary>
internal sealed class AuthorizingStreamResolver(AccessRule rule, GraphQL.Resolvers.ISourceStreamResolver inner) : GraphQL.Resolvers.ISourceStreamResolver
{
    public async ValueTask<IObservable<object?>> ResolveAsync(IResolveFieldContext context)
    {
        var callContext = context.GetCallContext();
        if (rule.Check(callContext.Caller) is { } denied)
            throw denied;
        using var scope = CallContext.Push(callContext);
        return await inner.ResolveAsync(context);
    }

    internal static void Wrap(IComplexGraphType subscription)
    {
        foreach (var field in subscription.Fields)
        {
            if (field.StreamResolver is { } resolver && FieldAuthorization.RuleOf(field) is { } rule && resolver is not AuthorizingStreamResolver)
                field.StreamResolver = new AuthorizingStreamResolver(rule, resolver);
        }
    }
}
