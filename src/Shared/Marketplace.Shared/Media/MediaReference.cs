namespace Marketplace.Shared.Media;

/// <summary>
/// A reference to an image or video held by a store or a product (logo, banner, product images): either an asset id
/// of the Media module (a UUID, e.g. <c>0193a7c2-…</c>) or an external HTTPS URL. Modules store the reference as
/// written (<see cref="Value"/>); an asset's signed delivery URLs are resolved when read (the gateway asks the Media
/// contract, one batched call per request), so nothing that expires is ever stored.
/// </summary>
public readonly record struct MediaReference
{
    public const int MaxUrlLength = 2048;

    private MediaReference(string value, Guid? assetId)
    {
        Value = value;
        AssetId = assetId;
    }

    /// <summary>The reference as stored: the asset id in its canonical form, or the URL.</summary>
    public string Value { get; }

    /// <summary>The Media asset id, or null for an external URL.</summary>
    public Guid? AssetId { get; }

    public bool IsAsset => AssetId is not null;

    /// <summary>
    /// Reads a reference given by a client. Accepts a UUID (asset id) or an absolute <c>https</c> URL with a host, no
    /// user name or password and at most <see cref="MaxUrlLength"/> characters. <paramref name="error"/> is a userErrors
    /// code (<c>INVALID_MEDIA_REFERENCE</c>) when the text is neither.
    /// </summary>
    public static bool TryParse(string? text, out MediaReference reference, out string? error)
    {
        reference = default;
        error = Contracts.CommonErrorCodes.InvalidMediaReference;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
            return false;

        if (Guid.TryParseExact(text, "D", out var assetId))
        {
            reference = new MediaReference(assetId.ToString("D"), assetId);
            error = null;
            return true;
        }

        if (text.Length <= MaxUrlLength
            && Uri.TryCreate(text, UriKind.Absolute, out var uri)
            && uri.Scheme == Uri.UriSchemeHttps
            && uri.Host.Length > 0
            && uri.UserInfo.Length == 0)
        {
            reference = new MediaReference(uri.AbsoluteUri, null);
            error = null;
            return true;
        }

        return false;
    }

    /// <summary>Reads a reference that was validated when stored.</summary>
    public static MediaReference FromStored(string value) =>
        TryParse(value, out var reference, out _)
            ? reference
            : throw new FormatException("A stored media reference is neither an asset id nor an HTTPS URL.");

    public override string ToString() => Value;
}
