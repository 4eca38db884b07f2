using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.Errors;
using Marketplace.Modules.Media.Contracts.V1;

namespace Marketplace.Gateway.Media;

/// <summary>What <c>mediaUploadCreate</c> answers: the PENDING asset and where to send the bytes, or the userErrors.</summary>
internal sealed record MediaUploadCreatePayload(CreateUploadResponse? Upload, IReadOnlyList<UserError> UserErrors)
{
    /// <summary>Invalid input, a target that is not the seller's and the hourly budget become userErrors.</summary>
    public static async Task<MediaUploadCreatePayload> RunAsync(Func<Task<CreateUploadResponse>> call) =>
        await ContractCalls.PayloadAsync(async () => new MediaUploadCreatePayload(await call(), []), errors => new MediaUploadCreatePayload(null, errors));
}
