using System.Collections.Concurrent;
using Grpc.Core;
using Marketplace.Gateway.Tests.Contract;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Tests.Support;

/// <summary>The test contract's implementation: counts calls per tag and fails on request with a chosen status.</summary>
internal sealed class TestContractService : GatewayTestContract.GatewayTestContractBase
{
    public static readonly ConcurrentDictionary<string, int> CallsByTag = new();
    public static readonly ConcurrentDictionary<string, int> KeysByTag = new();

    public override Task<GetItemsResponse> GetItems(GetItemsRequest request, ServerCallContext context)
    {
        CallsByTag.AddOrUpdate(request.Tag, 1, (_, n) => n + 1);
        KeysByTag.AddOrUpdate(request.Tag, request.Ids.Count, (_, n) => n + request.Ids.Count);
        var caller = CallContext.Current.Caller;
        var response = new GetItemsResponse();
        response.Items.AddRange(request.Ids.Where(id => id != "missing").Select(id => new Item { Id = id, Name = $"Item {id}", CallerId = caller.Id ?? "" }));
        return Task.FromResult(response);
    }

    public override Task<FailResponse> Fail(FailRequest request, ServerCallContext context) => request.Status switch
    {
        "Unauthenticated" => throw ContractError.Unauthenticated("SIGN_IN_REQUIRED", "Sign in first."),
        "PermissionDenied" => throw ContractError.PermissionDenied("NOT_YOURS", "Not yours."),
        "NotFound" => throw ContractError.NotFound("ITEM_NOT_FOUND", "No such item."),
        "InvalidArgument" => throw ContractError.InvalidArgument("INVALID_ITEM", "The item is invalid.", [new FieldViolation("name", "Name is required.", "REQUIRED"), new FieldViolation("price.amount", "Must be positive.", "NOT_POSITIVE")]),
        "ResourceExhausted" => throw ContractError.ResourceExhausted("TOO_MANY_ATTEMPTS", "Slow down.", TimeSpan.FromSeconds(30)),
        "Internal" => throw new RpcException(new Status(StatusCode.Internal, "db password=hunter2 leaked in detail")),
        _ => throw new InvalidOperationException("secret stack detail: connection string Host=db;Password=hunter2"),
    };
}
