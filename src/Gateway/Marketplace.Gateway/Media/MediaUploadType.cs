using GraphQL.Types;
using Marketplace.Modules.Media.Contracts.V1;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Media;

internal sealed class MediaUploadType : ObjectGraphType<CreateUploadResponse>
{
    public MediaUploadType()
    {
        Name = "MediaUpload";
        Description = "Where and how to send the file's bytes (straight to storage, never through GraphQL). A form or URL used late, "
            + "with another type or a size outside the limit is refused; then call mediaUploadComplete.";
        Field<NonNullGraphType<MediaUploadMethodType>>("method").Description("FORM or MULTIPART.").Resolve(c => c.Source.Multipart is null ? "FORM" : "MULTIPART");
        Field<StringGraphType>("url").Description("FORM: where to POST; null for MULTIPART.").Resolve(c => c.Source.Form?.Url);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MediaUploadFieldType>>>>("fields")
            .Description("FORM: the signed fields, in order; empty for MULTIPART.").Resolve(c => c.Source.Form?.Fields.ToList() ?? []);
        Field<IntGraphType>("partSize").Description("MULTIPART: bytes per part (the last one shorter); null for FORM.")
            .Resolve(c => c.Source.Multipart is { } m ? (int)Math.Min(m.PartBytes, int.MaxValue) : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MediaUploadPartType>>>>("parts")
            .Description("MULTIPART: one presigned URL per part; empty for FORM.").Resolve(c => c.Source.Multipart?.Parts.ToList() ?? []);
        Field<NonNullGraphType<Conventions.UtcDateTimeGraphType>>("expiresAt").Description("When the form or part URLs stop working (10 minutes for forms).")
            .Resolve(c => Timestamps.Parse(c.Source.ExpiresAt));
    }
}
