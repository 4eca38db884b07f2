using GraphQL;
using GraphQL.Types;
using Marketplace.Gateway.Auth;
using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.Schema;
using Marketplace.Modules.Sellers.Contracts.V1;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Sellers;

/// <summary><c>storeClose</c>, <c>storeReopen</c> (the store's seller), <c>storeSuspend</c>, <c>storeReinstate</c> (administrators).</summary>
internal sealed class StoreStatusMutations : ISchemaContribution
{
    public void ConfigureMutation(ObjectGraphType mutation)
    {
        Add<StoreClose>(mutation, "storeClose", "The store's seller closes it: CLOSED stores are hidden from buyers and searches. Closing a closed store changes nothing.",
            Roles.Seller, (c, id) => SellersArea.Stores(c).CloseStoreAsync(new StoreIdRequest { Id = id }, cancellationToken: c.CancellationToken).ResponseAsync);
        Add<StoreReopen>(mutation, "storeReopen", "The store's seller reopens a CLOSED store (ACTIVE again). A suspended store cannot be reopened by its seller (STORE_SUSPENDED).",
            Roles.Seller, (c, id) => SellersArea.Stores(c).ReopenStoreAsync(new StoreIdRequest { Id = id }, cancellationToken: c.CancellationToken).ResponseAsync);
        Add<StoreSuspend>(mutation, "storeSuspend", "Administrators: suspends a store with a reason; hidden from buyers until reinstated.",
            Roles.Admin, (c, id) => SellersArea.Stores(c).SuspendStoreAsync(new SuspendStoreRequest { Id = id, Reason = c.Input().Text("reason") }, cancellationToken: c.CancellationToken).ResponseAsync);
        Add<StoreReinstate>(mutation, "storeReinstate", "Administrators: lifts a suspension; the store returns to the status it had before it (ACTIVE or CLOSED).",
            Roles.Admin, (c, id) => SellersArea.Stores(c).ReinstateStoreAsync(new StoreIdRequest { Id = id }, cancellationToken: c.CancellationToken).ResponseAsync);
    }

    private static void Add<TMutation>(ObjectGraphType mutation, string name, string description, string role, Func<IResolveFieldContext, string, Task<Store>> call)
        where TMutation : IStoreMutation =>
        mutation.Field<NonNullGraphType<StorePayloadType<TMutation>>>(name)
            .Description(description)
            .Argument<NonNullGraphType<StoreStatusInputType<TMutation>>>("input", "What to change.")
            .RequireRoles(role)
            .ResolveAsync(async c => await StorePayload.RunAsync(async () => await call(c, c.Input().RequiredId("id", SellersArea.StoreTypeName))));
}
