using System.Globalization;
using GraphQL.Types;
using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.DataLoading;
using Marketplace.Gateway.Relay;
using Marketplace.Gateway.Sellers;
using Marketplace.Modules.Catalog.Contracts.V1;

namespace Marketplace.Gateway.Catalog;

/// <summary>A variant with the product it belongs to (so <c>variant.product</c> needs no second call).</summary>
internal sealed record VariantSource(Product Product, Variant Variant);

internal sealed class CategoryType : ObjectGraphType<Category>
{
    public CategoryType()
    {
        Name = CatalogContribution.CategoryTypeName;
        Description = "A node of the product taxonomy (e.g. Home & Garden > Plants).";
        Interface<NodeInterface>();
        IsTypeOf = value => value is Category;
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(CatalogContribution.CategoryTypeName, c.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<StringGraphType>>("slug").Description("Unique across the taxonomy, URL-safe.").Resolve(c => c.Source.Slug);
        Field<NonNullGraphType<StringGraphType>>("path").Description("Slugs from the root, joined by '/', e.g. \"home-garden/plants\".").Resolve(c => c.Source.Path);
        Field<NonNullGraphType<IntGraphType>>("position").Description("Order among its siblings (ascending).").Resolve(c => c.Source.Position);
        Field<CategoryType>("parent").Description("Null for a root category.")
            .Resolve(c => c.Source.ParentId.Length == 0 ? null : CatalogLoaders.Category(c, c.Source.ParentId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CategoryType>>>>("children").Description("Its sub-categories, by position.")
            .Resolve(c => CatalogLoaders.Tree(c).Then(tree => tree?.ChildrenOf(c.Source.Id) ?? []));
        Field<NonNullGraphType<UtcDateTimeGraphType>>("createdAt").Resolve(c => CatalogValues.Time(c.Source.CreatedAt));
        Field<NonNullGraphType<UtcDateTimeGraphType>>("updatedAt").Resolve(c => CatalogValues.Time(c.Source.UpdatedAt));
    }
}

internal sealed class ProductStatusType : EnumerationGraphType
{
    public ProductStatusType()
    {
        Name = "ProductStatus";
        Add("DRAFT", "DRAFT", "Being prepared; only its seller sees it.");
        Add("ACTIVE", "ACTIVE", "Published: buyers see it while its store is ACTIVE.");
        Add("ARCHIVED", "ARCHIVED", "No longer sold or found; its seller may publish it again.");
    }
}

internal sealed class ProductType : ObjectGraphType<Product>
{
    public ProductType()
    {
        Name = CatalogContribution.ProductTypeName;
        Description = "A store's product. Its variants are what is sold (SKU, price); its options name how they differ.";
        Interface<NodeInterface>();
        IsTypeOf = value => value is Product;
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(CatalogContribution.ProductTypeName, c.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("title").Resolve(c => c.Source.Title);
        Field<NonNullGraphType<StringGraphType>>("description").Resolve(c => c.Source.Description);
        Field<NonNullGraphType<ProductStatusType>>("status").Resolve(c => c.Source.Status);
        Field<StoreType>("store").Description("The store selling it (batched: one Sellers call per page).")
            .Resolve(c => CatalogLoaders.Store(c, c.Source.StoreId));
        Field<CategoryType>("category").Resolve(c => CatalogLoaders.Category(c, c.Source.CategoryId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProductAttributeType>>>>("attributes")
            .Description("Free-form facts, by key.")
            .Resolve(c => c.Source.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal).ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MediaReferenceType>>>>("images")
            .Description("In display order.")
            .Resolve(c => c.Source.Images.Select(MediaReferenceType.FromStored).OfType<Shared.Media.MediaReference>().ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProductOptionType>>>>("options").Resolve(c => c.Source.Options.ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProductVariantType>>>>("variants")
            .Resolve(c => c.Source.Variants.Select(v => new VariantSource(c.Source, v)).ToList());
        Field<NonNullGraphType<ProductPriceRangeType>>("priceRange").Description("Lowest and highest variant price (one currency).").Resolve(c => c.Source);
        Field<NonNullGraphType<IntGraphType>>("version").Description("1 when created, one more with every change.").Resolve(c => checked((int)c.Source.Version));
        Field<NonNullGraphType<UtcDateTimeGraphType>>("createdAt").Resolve(c => CatalogValues.Time(c.Source.CreatedAt));
        Field<NonNullGraphType<UtcDateTimeGraphType>>("updatedAt").Resolve(c => CatalogValues.Time(c.Source.UpdatedAt));
        Field<UtcDateTimeGraphType>("publishedAt").Description("When it last became ACTIVE; null if never.")
            .Resolve(c => c.Source.PublishedAt.Length == 0 ? null : CatalogValues.Time(c.Source.PublishedAt));
    }
}

internal sealed class ProductAttributeType : ObjectGraphType<KeyValuePair<string, string>>
{
    public ProductAttributeType()
    {
        Name = "ProductAttribute";
        Field<NonNullGraphType<StringGraphType>>("key").Resolve(c => c.Source.Key);
        Field<NonNullGraphType<StringGraphType>>("value").Resolve(c => c.Source.Value);
    }
}

internal sealed class ProductOptionType : ObjectGraphType<ProductOption>
{
    public ProductOptionType()
    {
        Name = "ProductOption";
        Description = "An axis the variants differ on, e.g. Size with values S, M, L.";
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("values").Resolve(c => c.Source.Values.ToList());
    }
}

internal sealed class SelectedOptionType : ObjectGraphType<SelectedOption>
{
    public SelectedOptionType()
    {
        Name = "SelectedOption";
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<StringGraphType>>("value").Resolve(c => c.Source.Value);
    }
}

internal sealed class ProductPriceRangeType : ObjectGraphType<Product>
{
    public ProductPriceRangeType()
    {
        Name = "ProductPriceRange";
        Field<NonNullGraphType<MoneyType>>("minVariantPrice").Resolve(c => CatalogValues.Money(c.Source.MinPrice, c.Source.Currency));
        Field<NonNullGraphType<MoneyType>>("maxVariantPrice").Resolve(c => CatalogValues.Money(c.Source.MaxPrice, c.Source.Currency));
    }
}

internal sealed class ProductVariantType : ObjectGraphType<VariantSource>
{
    public ProductVariantType(IEnumerable<Schema.IProductVariantExtension> extensions)
    {
        Name = "ProductVariant";
        Description = "What is sold: one combination of the product's option values, with its SKU and price.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(CatalogContribution.VariantTypeName, c.Source.Variant.Id));
        Field<NonNullGraphType<StringGraphType>>("sku").Description("Unique in its store (case-insensitively).").Resolve(c => c.Source.Variant.Sku);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SelectedOptionType>>>>("selectedOptions")
            .Description("Its value for each of the product's options, in the options' order.")
            .Resolve(c => c.Source.Variant.Options.ToList());
        Field<NonNullGraphType<MoneyType>>("price").Resolve(c => CatalogValues.Money(c.Source.Variant.Price, c.Source.Variant.Currency));
        Field<MoneyType>("compareAtPrice").Description("The former or list price, higher than price; null when none.")
            .Resolve(c => c.Source.Variant.CompareAtPrice.Length == 0 ? null : CatalogValues.Money(c.Source.Variant.CompareAtPrice, c.Source.Variant.Currency));
        Field<StringGraphType>("barcode").Resolve(c => c.Source.Variant.Barcode.Length == 0 ? null : c.Source.Variant.Barcode);
        Field<IntGraphType>("weightGrams").Resolve(c => c.Source.Variant.HasWeightGrams ? c.Source.Variant.WeightGrams : null);
        Field<NonNullGraphType<IntGraphType>>("position").Resolve(c => c.Source.Variant.Position);
        Field<NonNullGraphType<ProductType>>("product").Resolve(c => c.Source.Product);
        foreach (var extension in extensions)
            extension.ConfigureVariant(this);
    }
}

/// <summary>Conversions of the contract's texts.</summary>
internal static class CatalogValues
{
    public static Money Money(string amount, string currency) =>
        new(decimal.Parse(amount, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture), currency);

    public static DateTimeOffset Time(string iso) =>
        DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
