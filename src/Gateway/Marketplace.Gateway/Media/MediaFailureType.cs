using GraphQL.Types;
using Marketplace.Gateway.Errors;
using Marketplace.Modules.Media.Contracts.V1;

namespace Marketplace.Gateway.Media;

internal sealed class MediaFailureType : ObjectGraphType<Asset>
{
    public MediaFailureType()
    {
        Name = "MediaFailure";
        Description = "Why an upload was refused or could not be processed.";
        Field<NonNullGraphType<ErrorCodeEnumType<MediaErrors>>>("code").Description("e.g. CORRUPT, TOO_MANY_PIXELS, CONTENT_TYPE_MISMATCH, NO_VIDEO_STREAM.").Resolve(c => c.Source.FailureCode);
        Field<NonNullGraphType<StringGraphType>>("message").Description("What went wrong with this file, for people.").Resolve(c => c.Source.FailureMessage);
    }
}
