namespace Marketplace.Shared.Operations;

/// <summary>
/// The authentication scheme the gateway registers for access tokens on plain HTTP endpoints (the jobs dashboard).
/// It is deliberately not the default scheme: GraphQL requests validate their token once, in the gateway's own
/// transport, and the automatic authentication middleware must not do it a second time.
/// </summary>
public static class AccessTokenScheme
{
    public const string Name = "Bearer";
}
