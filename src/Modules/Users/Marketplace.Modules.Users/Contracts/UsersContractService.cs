using Grpc.Core;
using Marketplace.Modules.Users.Contracts.V1;
using Marketplace.Modules.Users.SigningKeys;
using Marketplace.Shared.Contracts;

namespace Marketplace.Modules.Users.Contracts;

/// <summary>The Users contract, served in process or over gRPC. Thin: each method maps and delegates.</summary>
internal sealed class UsersContractService(SigningKeyStore signingKeys) : UsersContract.UsersContractBase
{
    public override async Task<GetSigningKeysResponse> GetSigningKeys(GetSigningKeysRequest request, ServerCallContext context)
    {
        var (published, active) = await signingKeys.GetPublishedAsync(context.CancellationToken);
        return new GetSigningKeysResponse { JwksJson = SigningKeyStore.ToJwks(published), ActiveKeyId = active.Id };
    }

    public override async Task<RotateSigningKeyResponse> RotateSigningKey(RotateSigningKeyRequest request, ServerCallContext context)
    {
        var caller = CallContext.Current.Caller;
        if (!caller.IsAuthenticated)
            throw ContractError.Unauthenticated("SIGN_IN_REQUIRED", "Rotating signing keys needs a signed-in caller.");
        if (caller.Kind != CallerKind.Service && !caller.IsInRole(Roles.Admin))
            throw ContractError.PermissionDenied("ADMIN_ONLY", "Only administrators rotate signing keys.");

        var key = await signingKeys.RotateAsync(context.CancellationToken);
        return new RotateSigningKeyResponse { ActiveKeyId = key.Id };
    }
}
