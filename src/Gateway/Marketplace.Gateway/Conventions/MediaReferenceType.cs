using GraphQL.Types;
using Marketplace.Gateway.DataLoading;
using Marketplace.Gateway.Media;
using Marketplace.Gateway.Relay;
using Marketplace.Shared.Media;

namespace Marketplace.Gateway.Conventions;

/// <summary>
/// <c>MediaReference</c>: a store logo or banner, a product image. Inputs take the reference as a string (an HTTPS URL, a
/// Media asset id, or a <c>MediaAsset</c>'s global id); outputs give the asset id (null for external URLs), the URL to
/// show and the asset itself. An asset's URL is signed when read, through one batched Media call per request
/// (<see cref="MediaLoaders"/>); it is null while the asset is not READY or not visible to the reader.
/// Contracts carry the stored reference text; <see cref="FromStored"/> turns it into this type's source.
/// </summary>
internal sealed class MediaReferenceType : ObjectGraphType<MediaReference>
{
    public MediaReferenceType()
    {
        Name = "MediaReference";
        Description = "An image held by a store or product: a Media asset (served through signed URLs) or an external HTTPS URL.";
        Field<IdGraphType>("assetId")
            .Description("The Media asset id; null when the reference is an external URL.")
            .Resolve(c => c.Source.AssetId?.ToString("D"));
        Field<StringGraphType>("url")
            .Description("Where to download it: an external URL as given; for a Media asset a signed URL of its default rendition (WebP, up to 1024 px), "
                + "null while the asset is not READY (or was deleted, or is not yours to see). Resolved when read; expires with asset.urlsExpireAt.")
            .Resolve(c => c.Source.AssetId is { } assetId
                ? MediaLoaders.Asset(c, assetId.ToString("D")).Then(a => string.IsNullOrEmpty(a?.Url) ? null : a.Url)
                : c.Source.Value);
        Field<MediaAssetType>("asset")
            .Description("The Media asset with every rendition (for srcset) or its HLS package; null for an external URL, or when you may not see it.")
            .Resolve(c => c.Source.AssetId is { } assetId ? MediaLoaders.Asset(c, assetId.ToString("D")) : null);
    }

    /// <summary>The source for a stored reference text; empty text (no image) is null.</summary>
    public static MediaReference? FromStored(string? stored) =>
        string.IsNullOrEmpty(stored) ? null : MediaReference.FromStored(stored);

    /// <summary>A reference as clients may give it: a <c>MediaAsset</c> global id becomes its asset id; anything else stays as given.</summary>
    public static string FromInput(string text) =>
        GlobalId.TryDecode(text.Trim(), out var type, out var id) && type == MediaArea.AssetTypeName ? id : text;
}
