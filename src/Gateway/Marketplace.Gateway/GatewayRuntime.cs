namespace Marketplace.Gateway;

/// <summary>The gateway's settings resolved against the environment (Development defaults differ).</summary>
internal sealed class GatewayRuntime(GatewayOptions options, bool isDevelopment)
{
    public GatewayOptions Options { get; } = options;

    public bool IsDevelopment { get; } = isDevelopment;

    public bool GraphiQL => Options.GraphiQL ?? IsDevelopment;

    public bool Introspection => Options.Introspection ?? IsDevelopment;

    public bool ExposeExceptionDetails => Options.ExposeExceptionDetails ?? IsDevelopment;
}
