using GraphQL.Types;

namespace Marketplace.Gateway.Errors;

/// <summary><c>&lt;Prefix&gt;ErrorCode</c>: every code an area's mutations may report in userErrors.</summary>
public sealed class ErrorCodeEnumType<TArea> : EnumerationGraphType
    where TArea : IErrorCodeArea
{
    public ErrorCodeEnumType()
    {
        Name = TArea.Prefix + "ErrorCode";
        Description = $"The codes of {TArea.Prefix}UserError: stable, machine-readable reasons {ErrorCodeCatalog<TArea>.Noun} mutation failed.";
        foreach (var (code, description) in ErrorCodeCatalog<TArea>.Codes)
            Add(code, code, description);
    }
}
