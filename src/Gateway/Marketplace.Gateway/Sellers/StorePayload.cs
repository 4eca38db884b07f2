using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.Errors;
using Marketplace.Modules.Sellers.Contracts.V1;

namespace Marketplace.Gateway.Sellers;

/// <summary>What every store mutation answers: the store after the change, or the userErrors.</summary>
internal sealed record StorePayload(Store? Store, IReadOnlyList<UserError> UserErrors)
{
    /// <summary>
    /// Runs a store mutation: invalid input, broken rules and an unknown store (<c>STORE_NOT_FOUND</c> on
    /// <paramref name="idField"/>) become userErrors; another seller's store stays a top-level FORBIDDEN.
    /// </summary>
    public static async Task<StorePayload?> RunAsync(Func<Task<Store?>> call, string idField = "id") =>
        await ContractCalls.PayloadAsync(async () => new StorePayload(await call(), []), errors => new StorePayload(null, errors), idField);
}

/// <summary>Names a store mutation's input and payload types (<c>StoreCloseInput</c>, <c>StoreClosePayload</c>).</summary>
internal interface IStoreMutation
{
    static abstract string TypePrefix { get; }
}

internal sealed class StoreCreate : IStoreMutation
{
    public static string TypePrefix => "StoreCreate";
}

internal sealed class StoreUpdate : IStoreMutation
{
    public static string TypePrefix => "StoreUpdate";
}

internal sealed class StoreClose : IStoreMutation
{
    public static string TypePrefix => "StoreClose";
}

internal sealed class StoreReopen : IStoreMutation
{
    public static string TypePrefix => "StoreReopen";
}

internal sealed class StoreSuspend : IStoreMutation
{
    public static string TypePrefix => "StoreSuspend";
}

internal sealed class StoreReinstate : IStoreMutation
{
    public static string TypePrefix => "StoreReinstate";
}

internal sealed class StoreFollow : IStoreMutation
{
    public static string TypePrefix => "StoreFollow";
}

internal sealed class StoreUnfollow : IStoreMutation
{
    public static string TypePrefix => "StoreUnfollow";
}
