using Marketplace.Modules.Media.Contracts.V1;
using Marketplace.Modules.Media.Storage;
using Mediator;

namespace Marketplace.Modules.Media.Assets.CompleteUpload;

/// <summary>The owner says the bytes of an asset are uploaded; a multipart upload names its parts.</summary>
internal sealed record CompleteUploadCommand(Guid SellerId, Guid AssetId, IReadOnlyList<UploadedPart> Parts) : ICommand<CompletedUpload>
{
    public static CompleteUploadCommand From(Guid sellerId, CompleteUploadRequest request) => new(
        sellerId,
        AssetRows.ParseId(request.AssetId),
        request.Parts.Select(p => new UploadedPart(p.PartNumber, p.Etag.Trim())).ToList());
}
