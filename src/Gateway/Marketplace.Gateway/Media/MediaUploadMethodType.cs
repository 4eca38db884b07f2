using GraphQL.Types;

namespace Marketplace.Gateway.Media;

internal sealed class MediaUploadMethodType : EnumerationGraphType
{
    public MediaUploadMethodType()
    {
        Name = "MediaUploadMethod";
        Description = "How to send the file.";
        Add("FORM", "FORM", "POST multipart/form-data to url: every field in order, then the file last, named \"file\", with the declared Content-Type.");
        Add("MULTIPART", "MULTIPART", "PUT each part to its URL (partSize bytes each, the last shorter), then mediaUploadComplete with every part's ETag.");
    }
}
