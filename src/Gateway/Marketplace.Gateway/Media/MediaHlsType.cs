using GraphQL.Types;
using Marketplace.Modules.Media.Contracts.V1;

namespace Marketplace.Gateway.Media;

internal sealed class MediaHlsType : ObjectGraphType<Hls>
{
    public MediaHlsType()
    {
        Name = "MediaHls";
        Description = "A READY video as adaptive HLS. Signed for the video's whole folder: play masterPlaylistUrl as it is (the "
            + "marketplace's own delivery passes the signature on to every playlist entry), or set the cookies for the delivery host on cookiePath.";
        Field<NonNullGraphType<StringGraphType>>("masterPlaylistUrl").Description("The master playlist, signed until the asset's urlsExpireAt.").Resolve(c => c.Source.MasterPlaylistUrl);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MediaSignedCookieType>>>>("cookies")
            .Description("Signed cookies for players that cannot keep query strings (CloudFront delivery).").Resolve(c => c.Source.Cookies);
        Field<NonNullGraphType<StringGraphType>>("cookiePath").Description("The path the cookies are for: the video's folder.").Resolve(c => c.Source.CookiePath);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MediaHlsRungType>>>>("rungs")
            .Description("The qualities, lowest first (never above the source).").Resolve(c => c.Source.Rungs);
    }
}
