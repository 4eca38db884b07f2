using GraphQL;
using Marketplace.Gateway.Errors;
using Marketplace.Gateway.Relay;
using Marketplace.Modules.Media.Contracts.V1;

namespace Marketplace.Gateway.Media;

/// <summary><c>node(id:)</c> for media assets, under <c>mediaAsset</c>'s rule: READY ones for anyone, others for their owner only.</summary>
internal sealed class MediaAssetNodeResolver : INodeResolver
{
    public string TypeName => MediaArea.AssetTypeName;

    public Type ClrType => typeof(Asset);

    public async Task<object?> ResolveAsync(string id, IResolveFieldContext context) =>
        await ContractCalls.OrNullAsync(async () => await MediaArea.Assets(context).GetAssetAsync(new GetAssetRequest { Id = id }, cancellationToken: context.CancellationToken));
}
