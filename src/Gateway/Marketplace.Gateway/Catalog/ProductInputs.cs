using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.Sellers;
using Marketplace.Modules.Catalog.Contracts.V1;

namespace Marketplace.Gateway.Catalog;

/// <summary>
/// Reads the product mutations' inputs into contract requests. Global ids are checked here (<see cref="InputObject.Id"/>):
/// one that is malformed or names another type is an <c>INVALID_ID</c> userError on its field, and the module is not
/// called. Fields left out or null read as "unchanged" in the updates.
/// </summary>
internal static class ProductInputs
{
    public static CreateProductRequest Create(InputObject input) => new()
    {
        StoreId = input.RequiredId("storeId", SellersArea.StoreTypeName),
        CategoryId = input.RequiredId("categoryId", CatalogArea.CategoryTypeName),
        Title = input.Text("title"),
        Description = input.Text("description"),
        Attributes = { Attributes(input) },
        Images = { (input.Strings("images") ?? []).Select(MediaReferenceType.FromInput) },
        Options = { Options(input) },
        Variants = { Variants(input, withIds: false) },
    };

    public static UpdateProductRequest Update(InputObject input)
    {
        var request = new UpdateProductRequest { Id = input.RequiredId("id", CatalogArea.ProductTypeName) };
        if (input.Id("categoryId", CatalogArea.CategoryTypeName) is { } categoryId)
            request.CategoryId = categoryId;
        if (input.OptionalText("title") is { } title)
            request.Title = title;
        if (input.OptionalText("description") is { } description)
            request.Description = description;
        if (input.NestedList("attributes") is not null)
        {
            request.SetAttributes = true;
            request.Attributes.AddRange(Attributes(input));
        }

        if (input.Strings("images") is { } images)
        {
            request.SetImages = true;
            request.Images.AddRange(images.Select(MediaReferenceType.FromInput));
        }

        if (input.NestedList("options") is not null)
        {
            request.SetOptions = true;
            request.Options.AddRange(Options(input));
        }

        if (input.NestedList("variants") is not null)
        {
            request.SetVariants = true;
            request.Variants.AddRange(Variants(input, withIds: true));
        }

        return request;
    }

    public static UpdateVariantsRequest BulkUpdate(InputObject input)
    {
        var request = new UpdateVariantsRequest { ProductId = input.RequiredId("productId", CatalogArea.ProductTypeName) };
        foreach (var item in input.NestedList("variants") ?? [])
        {
            var update = new VariantUpdate { Id = item.RequiredId("id", CatalogArea.VariantTypeName) };
            if (item.OptionalText("sku") is { } sku)
                update.Sku = sku;
            update.Options.AddRange(Selected(item));
            if (item.Amount("price") is not null)
                update.Price = CatalogValues.Amount(item, "price");
            if (item.Has("compareAtPrice"))
                update.CompareAtPrice = CatalogValues.Amount(item, "compareAtPrice");
            if (item.OptionalText("currencyCode") is { } currency)
                update.CurrencyCode = currency;
            if (item.Has("barcode"))
                update.Barcode = item.Text("barcode");
            if (item.Has("weightGrams"))
            {
                if (item.WholeNumber("weightGrams") is { } weight)
                    update.WeightGrams = (int)weight;
                else
                    update.RemoveWeightGrams = true;
            }

            request.Variants.Add(update);
        }

        return request;
    }

    /// <summary>The <c>variants</c> list; an entry's <c>id</c> names a variant to keep (productUpdate only; productCreate ignores it).</summary>
    private static List<VariantInput> Variants(InputObject input, bool withIds) =>
        (input.NestedList("variants") ?? []).Select(item =>
        {
            var variant = new VariantInput
            {
                Id = withIds ? item.Id("id", CatalogArea.VariantTypeName) ?? "" : "",
                Sku = item.Text("sku"),
                Price = CatalogValues.Amount(item, "price"),
                CompareAtPrice = CatalogValues.Amount(item, "compareAtPrice"),
                CurrencyCode = item.Text("currencyCode"),
                Barcode = item.Text("barcode"),
                Options = { Selected(item) },
            };
            if (item.WholeNumber("weightGrams") is { } weight)
                variant.WeightGrams = (int)weight;
            return variant;
        }).ToList();

    private static IEnumerable<SelectedOption> Selected(InputObject item) =>
        (item.NestedList("optionValues") ?? []).Select(o => new SelectedOption { Name = o.Text("name"), Value = o.Text("value") });

    private static IEnumerable<ProductAttribute> Attributes(InputObject input) =>
        (input.NestedList("attributes") ?? []).Select(a => new ProductAttribute { Key = a.Text("key"), Value = a.Text("value") });

    private static IEnumerable<ProductOption> Options(InputObject input) =>
        (input.NestedList("options") ?? []).Select(o => new ProductOption { Name = o.Text("name"), Values = { o.Strings("values") ?? [] } });
}
