using GraphQL.Types;
using Marketplace.Gateway.Catalog;
using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.Relay;
using Marketplace.Modules.Ordering.Contracts.V1;
using CatalogOption = Marketplace.Modules.Catalog.Contracts.V1.SelectedOption;

namespace Marketplace.Gateway.Ordering;

/// <summary><c>OrderLine</c>: a line as a checkout priced it or an order keeps it (frozen: never read live).</summary>
internal sealed class OrderLineType : ObjectGraphType<PricedLine>
{
    public OrderLineType()
    {
        Name = "OrderLine";
        Description = "A line as priced at checkout. In an order it is frozen: renaming, repricing or archiving the product later changes nothing here.";
        Field<NonNullGraphType<IdGraphType>>("variantId").Description("The ProductVariant's global id (the variant may since have changed or gone).")
            .Resolve(c => GlobalId.Encode(CatalogArea.VariantTypeName, c.Source.VariantId));
        Field<NonNullGraphType<IdGraphType>>("productId").Description("The Product's global id.").Resolve(c => GlobalId.Encode(CatalogArea.ProductTypeName, c.Source.ProductId));
        Field<NonNullGraphType<StringGraphType>>("productTitle").Description("The product's title then.").Resolve(c => c.Source.ProductTitle);
        Field<NonNullGraphType<StringGraphType>>("variantTitle").Description("The option values joined with \" / \"; empty for a product without options.").Resolve(c => c.Source.VariantTitle);
        Field<NonNullGraphType<StringGraphType>>("sku").Description("The variant's SKU then.").Resolve(c => c.Source.Sku);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SelectedOptionType>>>>("options").Description("The variant's option values then.")
            .Resolve(c => c.Source.Options.Select(o => new CatalogOption { Name = o.Name, Value = o.Value }).ToList());
        Field<MediaReferenceType>("image").Description("The product's first image then; null when none.").Resolve(c => MediaReferenceType.FromStored(c.Source.Image));
        Field<NonNullGraphType<MoneyType>>("unitPrice").Description("The price of one unit then.").Resolve(c => CatalogValues.Money(c.Source.UnitPrice));
        Field<MoneyType>("compareAtUnitPrice").Description("The former or list price then, when the seller gave one.").Resolve(c => CatalogValues.Money(c.Source.CompareAtPrice));
        Field<NonNullGraphType<IntGraphType>>("quantity").Description("1 to 99.").Resolve(c => c.Source.Quantity);
        Field<NonNullGraphType<MoneyType>>("lineTotal").Description("unitPrice × quantity.").Resolve(c => CatalogValues.Money(c.Source.LineTotal));
    }
}
