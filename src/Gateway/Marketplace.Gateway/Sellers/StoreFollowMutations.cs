using GraphQL;
using GraphQL.Types;
using Marketplace.Gateway.Auth;
using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.Schema;
using Marketplace.Modules.Sellers.Contracts.V1;

namespace Marketplace.Gateway.Sellers;

/// <summary><c>storeFollow</c> and <c>storeUnfollow</c>, for any signed-in user.</summary>
internal sealed class StoreFollowMutations : ISchemaContribution
{
    public void ConfigureMutation(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<StorePayloadType<StoreFollow>>>("storeFollow")
            .Description("Follow an ACTIVE store. Following it again changes nothing.")
            .Argument<NonNullGraphType<StoreFollowInputType<StoreFollow>>>("input", "What to change.")
            .RequireSignedIn()
            .ResolveAsync(async c => await StorePayload.RunAsync(
                async () => (await SellersArea.Stores(c).FollowStoreAsync(Request(c), cancellationToken: c.CancellationToken)).Store,
                idField: "storeId"));

        mutation.Field<NonNullGraphType<StorePayloadType<StoreUnfollow>>>("storeUnfollow")
            .Description("Stop following a store (whatever its status). Unfollowing again changes nothing. The payload's store is null when you may not see it.")
            .Argument<NonNullGraphType<StoreFollowInputType<StoreUnfollow>>>("input", "What to change.")
            .RequireSignedIn()
            .ResolveAsync(async c => await StorePayload.RunAsync(
                async () => (await SellersArea.Stores(c).UnfollowStoreAsync(Request(c), cancellationToken: c.CancellationToken)).Store,
                idField: "storeId"));
    }

    private static FollowStoreRequest Request(IResolveFieldContext c) => new() { StoreId = c.Input().RequiredId("storeId", SellersArea.StoreTypeName) };
}
