using GraphQL;
using GraphQL.Types;
using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.Relay;
using Marketplace.Gateway.Schema;
using Marketplace.Modules.Sellers.Contracts.V1;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Sellers;

internal sealed class StoreType : ObjectGraphType<Store>
{
    public StoreType(IEnumerable<IStoreExtension> extensions)
    {
        Name = SellersArea.StoreTypeName;
        Description = "A seller's storefront.";
        Interface<NodeInterface>();
        IsTypeOf = value => value is Store;
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id.").Resolve(c => GlobalId.Encode(SellersArea.StoreTypeName, c.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("name").Description("At most 100 characters.").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<StringGraphType>>("slug").Description("Unique, URL-safe: 3–60 lower-case letters, digits and single hyphens.").Resolve(c => c.Source.Slug);
        Field<NonNullGraphType<StringGraphType>>("description").Description("At most 2,000 characters; may be empty.").Resolve(c => c.Source.Description);
        Field<NonNullGraphType<StringGraphType>>("contactEmail").Description("Where buyers reach the store.").Resolve(c => c.Source.ContactEmail);
        Field<NonNullGraphType<StringGraphType>>("contactPhone").Description("Where buyers reach the store.").Resolve(c => c.Source.ContactPhone);
        Field<NonNullGraphType<StringGraphType>>("address").Description("The store's street address.").Resolve(c => c.Source.Address);
        Field<NonNullGraphType<GeoPointType>>("location").Description("Where the store is.").Resolve(c => c.Source.Location);
        Field<NonNullGraphType<FloatGraphType>>("serviceRadiusKm").Description("How far from its location the store delivers (km, at most 200).").Resolve(c => c.Source.ServiceRadiusKm);
        Field<NonNullGraphType<StoreStatusType>>("status").Description("ACTIVE, CLOSED or SUSPENDED.").Resolve(c => c.Source.Status);
        Field<StringGraphType>("suspensionReason")
            .Description("Why an administrator suspended the store; only for its seller and administrators, null otherwise.")
            .Resolve(c => string.IsNullOrEmpty(c.Source.SuspensionReason) ? null : c.Source.SuspensionReason);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("categories")
            .Description("Up to 5 lower-case tags the seller chose, e.g. \"bakery\" (not the product taxonomy).")
            .Resolve(c => c.Source.Categories);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OpeningIntervalType>>>>("openingHours")
            .Description("Opening intervals by weekday, sorted; empty when the seller publishes none.")
            .Resolve(c => c.Source.OpeningHours);
        Field<MediaReferenceType>("logo").Description("The store's logo; null when none.").Resolve(c => MediaReferenceType.FromStored(c.Source.Logo));
        Field<MediaReferenceType>("banner").Description("The store's banner image; null when none.").Resolve(c => MediaReferenceType.FromStored(c.Source.Banner));
        Field<NonNullGraphType<IntGraphType>>("followersCount").Description("How many users follow the store (who they are is never shown).").Resolve(c => (int)Math.Min(c.Source.FollowersCount, int.MaxValue));
        Field<NonNullGraphType<BooleanGraphType>>("viewerIsFollowing").Description("Whether you follow the store; false when not signed in.").Resolve(c => c.Source.ViewerIsFollowing);
        Field<NonNullGraphType<IntGraphType>>("version")
            .Description("1 when created, one more with every change; give it as storeUpdate's expectedVersion to refuse overwriting someone else's edit.")
            .Resolve(c => (int)Math.Min(c.Source.Version, int.MaxValue));
        Field<NonNullGraphType<BooleanGraphType>>("deliversTo")
            .Description("Whether the point lies within the store's service radius (geodesic distance).")
            .Argument<NonNullGraphType<GeoPointInputType>>("location", "The delivery point.")
            .ResolveAsync(async c =>
            {
                var request = new DeliversToRequest { StoreId = c.Source.Id, Location = c.GetGeoPoint("location") };
                return (await SellersArea.Stores(c).DeliversToAsync(request, cancellationToken: c.CancellationToken)).Delivers;
            });
        Field<NonNullGraphType<UtcDateTimeGraphType>>("createdAt").Description("When the store was opened.").Resolve(c => Timestamps.Parse(c.Source.CreatedAt));
        Field<NonNullGraphType<UtcDateTimeGraphType>>("updatedAt").Description("When the store last changed.").Resolve(c => Timestamps.Parse(c.Source.UpdatedAt));
        foreach (var extension in extensions)
            extension.ConfigureStore(this);
    }
}
