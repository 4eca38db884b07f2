using Marketplace.Modules.Media.Contracts.V1;
using Marketplace.Modules.Media.Uploads;
using Mediator;

namespace Marketplace.Modules.Media.Assets.CreateUpload;

/// <summary>
/// A seller asks to upload one file. Normalised: purpose upper-cased, content type lower-cased without parameters (the
/// form signs exactly this type), ids trimmed (the handler decides whether they are the seller's).
/// </summary>
internal sealed record CreateUploadCommand(Guid SellerId, string Purpose, string ContentType, long ByteSize, string StoreId, string ProductId)
    : ICommand<PlannedUpload>
{
    public static CreateUploadCommand From(Guid sellerId, CreateUploadRequest request) => new(
        sellerId,
        request.Purpose.Trim().ToUpperInvariant(),
        request.ContentType.Split(';', 2)[0].Trim().ToLowerInvariant(),
        request.ByteSize,
        request.StoreId.Trim(),
        request.ProductId.Trim());
}

/// <summary>The PENDING asset and where its bytes go.</summary>
internal sealed record PlannedUpload(Domain.MediaAsset Asset, UploadPlan Plan);
