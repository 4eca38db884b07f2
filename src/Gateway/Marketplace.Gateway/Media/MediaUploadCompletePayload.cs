using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.Errors;
using Marketplace.Modules.Media.Contracts.V1;

namespace Marketplace.Gateway.Media;

/// <summary>What <c>mediaUploadComplete</c> answers: the asset (UPLOADED, or as it already was), or the userErrors.</summary>
internal sealed record MediaUploadCompletePayload(Asset? Asset, IReadOnlyList<UserError> UserErrors)
{
    /// <summary>A refused file, nothing uploaded yet, an expired upload and an unknown asset (on <c>input.id</c>) become userErrors.</summary>
    public static async Task<MediaUploadCompletePayload> RunAsync(Func<Task<Asset>> call) =>
        await ContractCalls.PayloadAsync(async () => new MediaUploadCompletePayload(await call(), []), errors => new MediaUploadCompletePayload(null, errors), "id");
}
