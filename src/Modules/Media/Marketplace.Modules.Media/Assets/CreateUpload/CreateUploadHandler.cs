using Marketplace.Modules.Media.Contracts;
using Marketplace.Modules.Media.Domain;
using Marketplace.Modules.Media.Persistence;
using Marketplace.Modules.Media.Uploads;
using Marketplace.Shared.Contracts;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Media.Assets.CreateUpload;

/// <summary>
/// Checks the seller's budget and that the target is theirs, then plans the upload (a key made of ids only, a signed
/// form or a multipart upload) and saves the PENDING asset. Nothing is stored yet but the row.
/// </summary>
internal sealed class CreateUploadHandler(MediaDbContext db, TargetAccess targets, UploadPlanner planner, MediaOptions options, TimeProvider clock)
    : ICommandHandler<CreateUploadCommand, PlannedUpload>
{
    public async ValueTask<PlannedUpload> Handle(CreateUploadCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await CheckBudgetAsync(command.SellerId, now, cancellationToken);
        var (storeId, productId) = await TargetAsync(command, cancellationToken);

        UploadPlan plan;
        try
        {
            plan = await planner.PlanAsync(command.SellerId, UploadRules.ToCore(command.Purpose), command.ContentType, command.ByteSize, cancellationToken);
        }
        catch (MediaException exception)
        {
            // The validator checked the same rules; this is the planner's last word on them.
            var field = exception.Code == MediaErrorCodes.UnsupportedFormat ? "contentType" : "byteSize";
            throw ContractError.InvalidArgument(CommonErrorCodes.InvalidInput, exception.Message, [new FieldViolation(field, exception.Message, exception.Code)]);
        }

        var asset = new MediaAsset
        {
            Id = plan.UploadId,
            OwnerId = command.SellerId,
            Purpose = command.Purpose,
            Kind = UploadRules.KindOf(command.Purpose),
            Status = AssetStatus.Pending,
            StoreId = storeId,
            ProductId = productId,
            ContentType = plan.ContentType,
            DeclaredBytes = command.ByteSize,
            RawKey = plan.Key,
            MultipartUploadId = plan.Multipart?.UploadId,
            UploadExpiresAt = plan.Form?.ExpiresAt ?? plan.Multipart!.PartsExpireAt,
            CreatedAt = now,
            UpdatedAt = now,
            UnreferencedSince = now,
        };
        db.Assets.Add(asset);
        return new PlannedUpload(asset, plan);
    }

    /// <summary>Each upload costs a render: a seller starts at most so many per hour (RATE_LIMITED, with the wait).</summary>
    private async Task CheckBudgetAsync(Guid sellerId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var limit = options.Uploads.MaxPerOwnerPerHour;
        if (limit <= 0)
            return;
        var since = now - TimeSpan.FromHours(1);
        var recent = await db.Assets.Where(a => a.OwnerId == sellerId && a.CreatedAt > since)
            .OrderBy(a => a.CreatedAt).Select(a => a.CreatedAt).Take(limit).ToListAsync(cancellationToken);
        if (recent.Count >= limit)
        {
            var wait = recent[0] + TimeSpan.FromHours(1) - now;
            throw ContractError.ResourceExhausted(CommonErrorCodes.RateLimited, $"At most {limit} uploads an hour; try again later.", wait > TimeSpan.Zero ? wait : TimeSpan.FromSeconds(1));
        }
    }

    private async Task<(Guid StoreId, Guid? ProductId)> TargetAsync(CreateUploadCommand command, CancellationToken cancellationToken)
    {
        if (!AssetPurpose.ForStore(command.Purpose) && command.ProductId.Length > 0)
        {
            if (Guid.TryParse(command.ProductId, out var productId)
                && await targets.StoreOfOwnProductAsync(command.SellerId, productId, cancellationToken) is { } productStore)
                return (productStore, productId);
            throw Refused("productId", MediaErrorCodes.NotProductOwner, "You have no product with this id.");
        }

        if (Guid.TryParse(command.StoreId, out var storeId) && await targets.RunsStoreAsync(command.SellerId, storeId, cancellationToken))
            return (storeId, null);
        throw Refused("storeId", MediaErrorCodes.NotStoreOwner, "You run no store with this id.");
    }

    private static Grpc.Core.RpcException Refused(string field, string code, string message) =>
        ContractError.InvalidArgument(code, message, [new FieldViolation(field, message, code)]);
}
