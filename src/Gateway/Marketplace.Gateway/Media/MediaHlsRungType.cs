using GraphQL.Types;
using Marketplace.Modules.Media.Contracts.V1;

namespace Marketplace.Gateway.Media;

internal sealed class MediaHlsRungType : ObjectGraphType<HlsRung>
{
    public MediaHlsRungType()
    {
        Name = "MediaHlsRung";
        Description = "One quality of an HLS ladder (H.264 + AAC, 2-second keyframes, fMP4 segments).";
        Field<NonNullGraphType<StringGraphType>>("name").Description("e.g. \"720p\".").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<IntGraphType>>("width").Description("In pixels.").Resolve(c => c.Source.Width);
        Field<NonNullGraphType<IntGraphType>>("height").Description("In pixels.").Resolve(c => c.Source.Height);
        Field<NonNullGraphType<IntGraphType>>("videoKbps").Description("Target video bitrate in kbit/s.").Resolve(c => c.Source.VideoKbps);
    }
}
