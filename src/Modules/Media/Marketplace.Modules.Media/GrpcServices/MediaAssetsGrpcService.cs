using Grpc.Core;
using Marketplace.Modules.Media.Assets;
using Marketplace.Modules.Media.Assets.CompleteUpload;
using Marketplace.Modules.Media.Assets.CreateUpload;
using Marketplace.Modules.Media.Assets.GetAsset;
using Marketplace.Modules.Media.Assets.GetAssets;
using Marketplace.Modules.Media.Contracts.V1;
using Marketplace.Shared.Contracts;
using Mediator;

namespace Marketplace.Modules.Media.GrpcServices;

/// <summary>
/// The <c>MediaAssets</c> contract: each method checks who is calling, sends one use case and maps its result. Only
/// sellers upload; reads decide visibility from the <see cref="Viewer"/> (READY assets are public, others their owner's).
/// </summary>
internal sealed class MediaAssetsGrpcService(ISender mediator) : MediaAssets.MediaAssetsBase
{
    public override async Task<CreateUploadResponse> CreateUpload(CreateUploadRequest request, ServerCallContext context)
    {
        var sellerId = CallerRequirements.Seller();
        var planned = await mediator.Send(CreateUploadCommand.From(sellerId, request), context.CancellationToken);
        return planned.ToContract(new AssetView(planned.Asset, ShowFailure: true, Delivery: null));
    }

    public override async Task<Asset> CompleteUpload(CompleteUploadRequest request, ServerCallContext context)
    {
        var sellerId = CallerRequirements.Seller();
        var completed = await mediator.Send(CompleteUploadCommand.From(sellerId, request), context.CancellationToken);
        // The refusal is committed (asset FAILED, raw object deleted); the caller learns why as invalid input.
        if (completed.Refusal is { } refusal)
            throw ContractError.InvalidArgument(refusal.Code, refusal.Message, [new FieldViolation("id", refusal.Message, refusal.Code)]);
        return new AssetView(completed.Asset, ShowFailure: true, Delivery: null).ToContract();
    }

    public override async Task<Asset> GetAsset(GetAssetRequest request, ServerCallContext context)
    {
        var viewer = CallerRequirements.Viewer();
        var view = await mediator.Send(new GetAssetQuery(AssetRows.ParseId(request.Id), viewer), context.CancellationToken) ?? throw AssetRows.NotFound();
        return view.ToContract();
    }

    public override async Task<GetAssetsResponse> GetAssets(GetAssetsRequest request, ServerCallContext context)
    {
        var viewer = CallerRequirements.Viewer();
        var views = await mediator.Send(new GetAssetsQuery(request.Ids, viewer), context.CancellationToken);
        return new GetAssetsResponse { Assets = { views.Select(v => v.ToContract()) } };
    }
}
