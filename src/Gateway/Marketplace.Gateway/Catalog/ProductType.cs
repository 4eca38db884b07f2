using GraphQL.Types;
using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.Relay;
using Marketplace.Gateway.Sellers;
using Marketplace.Modules.Catalog.Contracts.V1;

namespace Marketplace.Gateway.Catalog;

internal sealed class ProductType : ObjectGraphType<Product>
{
    public ProductType()
    {
        Name = CatalogArea.ProductTypeName;
        Description = "A store's product. Its variants are what is sold (SKU, price); its options name how they differ.";
        Interface<NodeInterface>();
        IsTypeOf = value => value is Product;
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id.").Resolve(c => GlobalId.Encode(CatalogArea.ProductTypeName, c.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("title").Description("At most 200 characters.").Resolve(c => c.Source.Title);
        Field<NonNullGraphType<StringGraphType>>("slug")
            .Description("Unique and URL-safe (lower-case words of the title and 12 characters of the id, or the whole id when those are taken; at most 80); set at creation and never changed, so links stay valid. product(slug:) finds it.")
            .Resolve(c => c.Source.Slug);
        Field<NonNullGraphType<StringGraphType>>("description").Description("At most 10,000 characters; may be empty.").Resolve(c => c.Source.Description);
        Field<NonNullGraphType<ProductStatusType>>("status").Description("DRAFT, ACTIVE or ARCHIVED.").Resolve(c => c.Source.Status);
        Field<StoreType>("store").Description("The store selling it; null when you may not see the store (batched: one Sellers call per page).")
            .Resolve(c => CatalogLoaders.Store(c, c.Source.StoreId));
        Field<CategoryType>("category").Description("Where it is filed in the taxonomy (batched per request).").Resolve(c => CatalogLoaders.Category(c, c.Source.CategoryId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProductAttributeType>>>>("attributes")
            .Description("Free-form facts, by key; at most 50.")
            .Resolve(c => c.Source.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal).ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MediaReferenceType>>>>("images")
            .Description("In display order; at most 20.")
            .Resolve(c => c.Source.Images.Select(MediaReferenceType.FromStored).OfType<Shared.Media.MediaReference>().ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProductOptionType>>>>("options").Description("How its variants differ (e.g. Size, Colour); at most 3.").Resolve(c => c.Source.Options.ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProductVariantType>>>>("variants")
            .Description("What is sold, in position order; 1 to 100.")
            .Resolve(c => c.Source.Variants.Select(v => new VariantSource(c.Source, v)).ToList());
        Field<NonNullGraphType<ProductPriceRangeType>>("priceRange").Description("Lowest and highest variant price (one currency).").Resolve(c => c.Source);
        Field<NonNullGraphType<IntGraphType>>("version").Description("1 when created, one more with every change.").Resolve(c => (int)Math.Min(c.Source.Version, int.MaxValue));
        Field<NonNullGraphType<UtcDateTimeGraphType>>("createdAt").Description("When the product was created.").Resolve(c => CatalogValues.Time(c.Source.CreatedAt));
        Field<NonNullGraphType<UtcDateTimeGraphType>>("updatedAt").Description("When its listing last changed.").Resolve(c => CatalogValues.Time(c.Source.UpdatedAt));
        Field<UtcDateTimeGraphType>("publishedAt").Description("When it last became ACTIVE; null if never.").Resolve(c => CatalogValues.OptionalTime(c.Source.PublishedAt));
    }
}
