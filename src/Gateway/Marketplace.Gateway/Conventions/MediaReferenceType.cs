using GraphQL.Types;
using Marketplace.Shared.Media;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Gateway.Conventions;

/// <summary>
/// <c>MediaReference</c>: a store logo or banner, a product image. Inputs take the reference as a string (an HTTPS URL
/// or a Media asset id); outputs give the asset id (null for external URLs) and the delivery URL, resolved when read.
/// Contracts carry the stored reference text; <see cref="FromStored"/> turns it into this type's source.
/// </summary>
internal sealed class MediaReferenceType : ObjectGraphType<MediaReference>
{
    public MediaReferenceType()
    {
        Name = "MediaReference";
        Description = "An image held by a store or product: a Media asset or, for now, an external HTTPS URL.";
        Field<IdGraphType>("assetId")
            .Description("The Media asset id; null when the reference is an external URL.")
            .Resolve(c => c.Source.AssetId?.ToString("D"));
        Field<NonNullGraphType<StringGraphType>>("url")
            .Description("Where to download it, resolved at query time.")
            .Resolve(c => c.RequestServices!.GetRequiredService<IMediaUrls>().DeliveryUrl(c.Source));
    }

    /// <summary>The source for a stored reference text; empty text (no image) is null.</summary>
    public static MediaReference? FromStored(string? stored) =>
        string.IsNullOrEmpty(stored) ? null : MediaReference.FromStored(stored);
}
