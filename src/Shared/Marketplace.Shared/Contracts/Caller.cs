namespace Marketplace.Shared.Contracts;

/// <summary>Who is calling: a signed-in user with roles, a module acting on its own behalf, or nobody.</summary>
public sealed record Caller
{
    public static readonly Caller Anonymous = new(CallerKind.Anonymous, null, [], null);

    public Caller(CallerKind kind, string? id, IReadOnlyCollection<string> roles, string? sessionId)
    {
        Kind = kind;
        Id = id;
        Roles = roles.ToHashSet(StringComparer.Ordinal);
        SessionId = sessionId;
    }

    public CallerKind Kind { get; }

    /// <summary>The user id for <see cref="CallerKind.User"/>, the module name for <see cref="CallerKind.Service"/>.</summary>
    public string? Id { get; }

    public IReadOnlySet<string> Roles { get; }

    public string? SessionId { get; }

    public bool IsAuthenticated => Kind != CallerKind.Anonymous;

    public bool IsInRole(string role) => Roles.Contains(role);

    public static Caller User(string userId, IReadOnlyCollection<string> roles, string? sessionId = null) =>
        new(CallerKind.User, userId, roles, sessionId);

    /// <summary>A module acting for itself, e.g. an event consumer or a job.</summary>
    public static Caller Service(string moduleName) => new(CallerKind.Service, moduleName, [], null);
}

public enum CallerKind
{
    Anonymous,
    User,
    Service,
}

/// <summary>Well-known roles carried in <see cref="Caller.Roles"/>.</summary>
public static class Roles
{
    public const string Buyer = "BUYER";
    public const string Seller = "SELLER";
    public const string Admin = "ADMIN";
}
