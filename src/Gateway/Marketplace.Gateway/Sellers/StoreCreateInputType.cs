using GraphQL.Types;
using Marketplace.Gateway.Conventions;

namespace Marketplace.Gateway.Sellers;

internal sealed class StoreCreateInputType : InputObjectGraphType
{
    public StoreCreateInputType()
    {
        Name = "StoreCreateInput";
        Description = "A new store.";
        Field<NonNullGraphType<StringGraphType>>("name").Description("1–100 characters.");
        Field<StringGraphType>("slug").Description("3–60 lower-case letters, digits and single hyphens; generated from the name when omitted.");
        Field<NonNullGraphType<StringGraphType>>("description").Description("At most 2,000 characters; may be empty.");
        Field<NonNullGraphType<StringGraphType>>("contactEmail").Description("Where buyers reach the store.");
        Field<NonNullGraphType<StringGraphType>>("contactPhone").Description("Where buyers reach the store; at most 32 characters.");
        Field<NonNullGraphType<StringGraphType>>("address").Description("Street address; 1–300 characters.");
        Field<NonNullGraphType<GeoPointInputType>>("location").Description("Where the store is.");
        Field<NonNullGraphType<FloatGraphType>>("serviceRadiusKm").Description("Delivery radius, above 0 and at most 200 km.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("categories").Description("Up to 5 tags: 2–30 lower-case letters, digits and single hyphens, each once.");
        Field<ListGraphType<NonNullGraphType<OpeningIntervalInputType>>>("openingHours").Description("Up to 28 intervals; opens before closes, no overlaps within a day.");
        Field<StringGraphType>("logo").Description("A Media asset (its id, or the MediaAsset's global id) or an https:// URL.");
        Field<StringGraphType>("banner").Description("A Media asset (its id, or the MediaAsset's global id) or an https:// URL.");
    }
}
