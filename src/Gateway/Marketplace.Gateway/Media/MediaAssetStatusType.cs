using GraphQL.Types;

namespace Marketplace.Gateway.Media;

internal sealed class MediaAssetStatusType : EnumerationGraphType
{
    public MediaAssetStatusType()
    {
        Name = "MediaAssetStatus";
        Description = "Where an upload stands. Only READY assets are visible to anyone but their seller.";
        Add("PENDING", "PENDING", "Waiting for the file (upload it, then call mediaUploadComplete).");
        Add("UPLOADED", "UPLOADED", "The file is in and passed the first checks; processing is queued.");
        Add("PROCESSING", "PROCESSING", "Renditions are being made.");
        Add("READY", "READY", "Renditions can be downloaded through the signed URLs.");
        Add("FAILED", "FAILED", "The file was refused or could not be processed; failure says why.");
        Add("EXPIRED", "EXPIRED", "The upload was never completed in time.");
    }
}
