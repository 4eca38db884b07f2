namespace Marketplace.Gateway;

/// <summary>Anchor for the gateway assembly (architecture tests, composition); the GraphQL schema lives beside it.</summary>
public static class GatewayAssembly
{
    public static System.Reflection.Assembly Assembly => typeof(GatewayAssembly).Assembly;
}
