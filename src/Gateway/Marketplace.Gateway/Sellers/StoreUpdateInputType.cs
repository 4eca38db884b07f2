using GraphQL.Types;
using Marketplace.Gateway.Conventions;

namespace Marketplace.Gateway.Sellers;

internal sealed class StoreUpdateInputType : InputObjectGraphType
{
    public StoreUpdateInputType()
    {
        Name = "StoreUpdateInput";
        Description = "Only the fields given change. Null or empty clears description, categories, openingHours, logo and banner; "
            + "for the other fields null means unchanged (they cannot be empty). Limits as in StoreCreateInput.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The store to change.");
        Field<StringGraphType>("name").Description("A new name.");
        Field<StringGraphType>("slug").Description("A new slug (checked for uniqueness); the old one stops resolving.");
        Field<StringGraphType>("description").Description("A new description; empty clears it.");
        Field<StringGraphType>("contactEmail").Description("A new contact email.");
        Field<StringGraphType>("contactPhone").Description("A new contact phone.");
        Field<StringGraphType>("address").Description("A new street address.");
        Field<GeoPointInputType>("location").Description("A new location.");
        Field<FloatGraphType>("serviceRadiusKm").Description("A new delivery radius.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("categories").Description("The new tags (replacing the old ones); empty clears them.");
        Field<ListGraphType<NonNullGraphType<OpeningIntervalInputType>>>("openingHours").Description("The new opening hours (replacing the old ones); empty clears them.");
        Field<StringGraphType>("logo").Description("A Media asset (its id, or the MediaAsset's global id) or an https:// URL; empty clears it.");
        Field<StringGraphType>("banner").Description("A Media asset (its id, or the MediaAsset's global id) or an https:// URL; empty clears it.");
        Field<IntGraphType>("expectedVersion").Description("Apply only if the store is still at this version (else VERSION_CONFLICT).");
    }
}
