using GraphQL;
using GraphQL.Types;
using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.Relay;
using Marketplace.Modules.Media.Contracts.V1;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Media;

internal sealed class MediaAssetType : ObjectGraphType<Asset>
{
    public MediaAssetType()
    {
        Name = MediaArea.AssetTypeName;
        Description = "An uploaded image or video and what was made of it. Anyone sees READY assets; other states only their seller.";
        Interface<NodeInterface>();
        IsTypeOf = value => value is Asset;
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id; give it (or its MediaReference assetId) as a store's logo or banner or a product's image.")
            .Resolve(c => GlobalId.Encode(MediaArea.AssetTypeName, c.Source.Id));
        Field<NonNullGraphType<MediaPurposeType>>("purpose").Description("What it was uploaded for.").Resolve(c => c.Source.Purpose);
        Field<NonNullGraphType<MediaKindType>>("kind").Description("IMAGE or VIDEO.").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<MediaAssetStatusType>>("status").Description("Where the upload stands.").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<StringGraphType>>("contentType").Description("The content type the upload declared (its bytes must prove it).").Resolve(c => c.Source.ContentType);
        Field<NonNullGraphType<IntGraphType>>("byteSize").Description("The size the upload declared, in bytes.").Resolve(c => (int)Math.Min(c.Source.ByteSize, int.MaxValue));
        Field<IntGraphType>("width").Description("READY: of the largest image rendition, or the video as displayed; null before.").Resolve(c => c.Source.Width > 0 ? c.Source.Width : null);
        Field<IntGraphType>("height").Description("READY: of the largest image rendition, or the video as displayed; null before.").Resolve(c => c.Source.Height > 0 ? c.Source.Height : null);
        Field<FloatGraphType>("durationSeconds").Description("READY videos: length in seconds; null otherwise.").Resolve(c => c.Source.DurationSeconds > 0 ? c.Source.DurationSeconds : null);
        Field<StringGraphType>("placeholder").Description("READY: a colour (#rrggbb) to show while the image loads; null before.").Resolve(c => Optional(c.Source.Placeholder));
        Field<StringGraphType>("url")
            .Description("READY: the URL to show when you pick no rendition (the WebP of the largest width up to 1024 px, of the image or the video's poster); null before.")
            .Resolve(c => Optional(c.Source.Url));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MediaRenditionType>>>>("renditions")
            .Description("READY images: every width (smallest first) in AVIF and WebP, for srcset; empty otherwise.")
            .Argument<MediaImageFormatType>("format", "Only this encoding.")
            .Resolve(c => c.GetArgument<string?>("format") is { } format ? c.Source.Renditions.Where(r => r.Format == format).ToList() : c.Source.Renditions.ToList());
        Field<MediaHlsType>("hls").Description("READY videos: the HLS package; null otherwise.").Resolve(c => c.Source.Hls);
        Field<StringGraphType>("posterUrl").Description("READY videos: the poster frame (WebP, up to 1024 px); null otherwise.")
            .Resolve(c => c.Source.Kind == "VIDEO" ? Optional(c.Source.Url) : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MediaRenditionType>>>>("poster")
            .Description("READY videos: the poster frame in every width and format; empty otherwise.").Resolve(c => c.Source.Poster);
        Field<MediaFailureType>("failure").Description("FAILED: why (seen by the asset's seller only); null otherwise.")
            .Resolve(c => c.Source.FailureCode.Length > 0 ? c.Source : null);
        Field<UtcDateTimeGraphType>("urlsExpireAt").Description("When this answer's signed URLs and cookies stop working (ask again for fresh ones); null when it has none.")
            .Resolve(c => c.Source.UrlsExpireAt.Length > 0 ? Timestamps.Parse(c.Source.UrlsExpireAt) : null);
        Field<NonNullGraphType<UtcDateTimeGraphType>>("createdAt").Description("When the upload was started.").Resolve(c => Timestamps.Parse(c.Source.CreatedAt));
        Field<NonNullGraphType<UtcDateTimeGraphType>>("updatedAt").Description("When its status last changed.").Resolve(c => Timestamps.Parse(c.Source.UpdatedAt));
        Field<UtcDateTimeGraphType>("readyAt").Description("When it became READY; null before.").Resolve(c => c.Source.ReadyAt.Length > 0 ? Timestamps.Parse(c.Source.ReadyAt) : null);
    }

    private static string? Optional(string value) => value.Length > 0 ? value : null;
}
