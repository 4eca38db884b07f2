using Marketplace.Modules.Media.Contracts;
using Marketplace.Modules.Media.Domain;
using Marketplace.Modules.Media.Persistence;
using Marketplace.Modules.Media.Storage;
using Marketplace.Shared.Contracts;
using Mediator;

namespace Marketplace.Modules.Media.Assets.CompleteUpload;

/// <summary>
/// The owner's completion, on the locked asset (a repeated or concurrent call waits and then finds the object taken):
/// a multipart upload is completed in storage first (its parts and total checked against what storage holds), then the
/// object is taken like any other (<see cref="UploadAcceptance"/>). A refusal is committed (the asset FAILED, the raw
/// object gone) and returned; the contract then answers it as InvalidArgument.
/// </summary>
internal sealed class CompleteUploadHandler(MediaDbContext db, IMediaStorage storage, UploadAcceptance acceptance, TimeProvider clock)
    : ICommandHandler<CompleteUploadCommand, CompletedUpload>
{
    public async ValueTask<CompletedUpload> Handle(CompleteUploadCommand command, CancellationToken cancellationToken)
    {
        var asset = await db.LockAsync(command.AssetId, cancellationToken);
        if (asset is null || asset.OwnerId != command.SellerId || asset.Status == AssetStatus.Deleted)
            throw AssetRows.NotFound();

        if (asset.MultipartUploadId is { } uploadId && asset.Status == AssetStatus.Pending)
        {
            if (command.Parts.Count == 0)
                throw Invalid("parts", CommonErrorCodes.Required, "List every uploaded part with its ETag.");
            try
            {
                await storage.CompleteMultipartUploadAsync(asset.RawKey, uploadId, command.Parts, asset.DeclaredBytes, cancellationToken);
            }
            catch (MediaException exception) when (exception.Code == MediaErrorCodes.TooLarge)
            {
                // Storage aborted the upload: nothing of it is kept, and this asset cannot be completed any more.
                asset.MultipartUploadId = null;
                return await acceptance.RefuseAsync(asset, exception.Code, exception.Message, clock.GetUtcNow());
            }
            catch (MediaException exception)
            {
                // Parts that do not match what storage holds: the upload stays open for a corrected call.
                throw Invalid("parts", exception.Code, exception.Message);
            }

            asset.MultipartUploadId = null;
        }

        return await acceptance.AcceptAsync(asset, fromOwner: true, cancellationToken);
    }

    private static Grpc.Core.RpcException Invalid(string field, string code, string message) =>
        ContractError.InvalidArgument(code, message, [new FieldViolation(field, message, code)]);
}
