using Grpc.Core;
using Marketplace.Modules.Users.Contracts.V1;
using Marketplace.Modules.Users.SigningKeys;
using Marketplace.Modules.Users.SigningKeys.GetSigningKeys;
using Marketplace.Modules.Users.SigningKeys.RotateSigningKey;
using Marketplace.Shared.Contracts;
using Mediator;

namespace Marketplace.Modules.Users.GrpcServices;

/// <summary>The <c>UsersSigningKeys</c> contract: the keys that sign access tokens. Each method checks, sends, maps.</summary>
internal sealed class UsersSigningKeysGrpcService(ISender mediator) : UsersSigningKeys.UsersSigningKeysBase
{
    public override async Task<GetSigningKeysResponse> GetSigningKeys(GetSigningKeysRequest request, ServerCallContext context)
    {
        // Anyone, anonymous callers included: the keys are public.
        var keys = await mediator.Send(new GetSigningKeysCommand(), context.CancellationToken);
        return new GetSigningKeysResponse { JwksJson = SigningKeyStore.ToJwks(keys.Keys), ActiveKeyId = keys.Active.Id };
    }

    public override async Task<RotateSigningKeyResponse> RotateSigningKey(RotateSigningKeyRequest request, ServerCallContext context)
    {
        CallerRequirements.AdminOrService();
        var key = await mediator.Send(new RotateSigningKeyCommand(), context.CancellationToken);
        return new RotateSigningKeyResponse { ActiveKeyId = key.Id };
    }
}
