using GraphQL;
using GraphQL.Types;
using Marketplace.Gateway.Catalog;
using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.DataLoading;
using Marketplace.Gateway.Relay;
using Marketplace.Gateway.Sellers;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Ordering;

/// <summary><c>CartLine</c>: a variant and a quantity, with the variant's current title, price, stock and store.</summary>
internal sealed class CartLineType : ObjectGraphType<CartLineSource>
{
    public CartLineType()
    {
        Name = "CartLine";
        Description = "One variant in your cart and how many. Everything but the quantity is read when you ask.";
        Field<NonNullGraphType<IdGraphType>>("variantId").Description("The ProductVariant's global id (what cartLinesUpdate and cartLinesRemove name).")
            .Resolve(c => GlobalId.Encode(CatalogArea.VariantTypeName, c.Source.Line.VariantId));
        Field<ProductVariantType>("variant").Description("The variant as it is now; null when it is no longer on sale (archived, or its store closed).")
            .Resolve(c => OrderingLoaders.Variant(c, c.Source.Line.VariantId));
        Field<NonNullGraphType<IntGraphType>>("quantity").Description("1 to 99.").Resolve(c => c.Source.Line.Quantity);
        Field<StringGraphType>("title").Description("The product's title now; null when it is no longer on sale.")
            .Resolve(c => Hydrated(c).Then(h => h.Variant?.Product.Title));
        Field<StringGraphType>("variantTitle").Description("The variant's option values joined with \" / \" (\"Large / Blue\"); empty for a product without options; null when no longer on sale.")
            .Resolve(c => Hydrated(c).Then(h => h.Variant is null ? null : string.Join(" / ", h.Variant.Variant.Options.Select(o => o.Value))));
        Field<MediaReferenceType>("image").Description("The product's first image; null when none or no longer on sale.")
            .Resolve(c => Hydrated(c).Then(h => MediaReferenceType.FromStored(h.Variant?.Product.Images.FirstOrDefault())));
        Field<MoneyType>("unitPrice").Description("The price of one unit now; null when no longer on sale.").Resolve(c => Hydrated(c).Then(h => h.UnitPrice));
        Field<MoneyType>("compareAtUnitPrice").Description("The former or list price of one unit, when the seller gives one.")
            .Resolve(c => Hydrated(c).Then(h => CatalogValues.Money(h.Variant?.Variant.CompareAtPrice)));
        Field<MoneyType>("lineTotal").Description("unitPrice × quantity; null when no longer on sale.").Resolve(c => Hydrated(c).Then(h => h.LineTotal));
        Field<NonNullGraphType<BooleanGraphType>>("availableForSale").Description("Whether any of it can be ordered now (Inventory).")
            .Resolve(c => Hydrated(c).Then(h => h.Availability?.AvailableForSale ?? false));
        Field<IntGraphType>("quantityAvailable").Description("Units that can be ordered now; null when the variant is not counted.")
            .Resolve(c => Hydrated(c).Then(h => h.Availability is { HasQuantityAvailable: true } a ? a.QuantityAvailable : (int?)null));
        Field<NonNullGraphType<BooleanGraphType>>("available").Description("Whether the line can be checked out as it is (unavailableReason is null).")
            .Resolve(c => Hydrated(c).Then(h => h.UnavailableReason is null));
        Field<CartLineUnavailableReasonType>("unavailableReason").Description("Why the line cannot be checked out as it is; null when it can.")
            .Resolve(c => Hydrated(c).Then(h => h.UnavailableReason));
        Field<StoreType>("store").Description("The store selling it; null when the store is not open (closed or suspended).")
            .Resolve(c => CatalogLoaders.Store(c, c.Source.Line.StoreId));
        Field<NonNullGraphType<UtcDateTimeGraphType>>("addedAt").Description("When the variant was first added.").Resolve(c => Timestamps.Parse(c.Source.Line.AddedAt));
    }

    private static GraphQL.DataLoader.IDataLoaderResult<HydratedLine> Hydrated(IResolveFieldContext<CartLineSource> context) =>
        CartHydration.Line(context, context.Source.Line, context.Source.CartCurrency);
}
