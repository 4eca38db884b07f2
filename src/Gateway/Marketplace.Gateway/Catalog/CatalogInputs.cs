using System.Globalization;
using GraphQL.Types;
using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.Relay;
using Marketplace.Modules.Catalog.Contracts.V1;

namespace Marketplace.Gateway.Catalog;

/// <summary>
/// Reads the Catalog mutations' inputs into contract requests. Global ids are decoded here; one that is malformed or
/// names another type becomes an <c>INVALID_ID</c> user error on its field, and the module is not called.
/// </summary>
internal sealed class CatalogInput(IDictionary<string, object?> input)
{
    private readonly List<UserError> _errors = [];

    public IReadOnlyList<UserError> Errors => _errors;

    /// <summary>The local id of a global id field (<paramref name="path"/> like <c>variants.0.id</c>); empty when absent.</summary>
    public string Id(IDictionary<string, object?> source, string name, string typeName, string path)
    {
        if (!source.TryGetValue(name, out var value) || value is null)
            return "";
        if (GlobalId.TryDecode(value.ToString(), out var type, out var localId) && type == typeName)
            return localId;
        _errors.Add(new UserError(["input", .. path.Split('.')], "INVALID_ID", $"This is not a {typeName} id this API returned."));
        return "";
    }

    public string Id(string name, string typeName) => Id(input, name, typeName, name);

    public CreateProductRequest Create()
    {
        var request = new CreateProductRequest
        {
            StoreId = Id("storeId", "Store"),
            Title = input.Text("title"),
            Description = input.Text("description"),
            CategoryId = Id("categoryId", CatalogContribution.CategoryTypeName),
        };
        request.Attributes.AddRange(Attributes(input));
        request.Images.AddRange(Texts(input, "images"));
        request.Options.AddRange(Options(input));
        request.Variants.AddRange(Variants(withIds: false));
        return request;
    }

    public UpdateProductRequest Update()
    {
        var request = new UpdateProductRequest { Id = Id("id", CatalogContribution.ProductTypeName) };
        if (Given("title"))
            request.Title = input.Text("title");
        if (Given("description"))
            request.Description = input.Text("description");
        if (Given("categoryId"))
            request.CategoryId = Id("categoryId", CatalogContribution.CategoryTypeName);
        if (Given("attributes"))
        {
            request.SetAttributes = true;
            request.Attributes.AddRange(Attributes(input));
        }

        if (Given("images"))
        {
            request.SetImages = true;
            request.Images.AddRange(Texts(input, "images"));
        }

        if (Given("options"))
        {
            request.SetOptions = true;
            request.Options.AddRange(Options(input));
        }

        if (Given("variants"))
        {
            request.SetVariants = true;
            request.Variants.AddRange(Variants(withIds: true));
        }

        return request;
    }

    public UpdateVariantsRequest BulkUpdate()
    {
        var request = new UpdateVariantsRequest { ProductId = Id("productId", CatalogContribution.ProductTypeName) };
        var items = List(input, "variants");
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var update = new VariantUpdate { Id = Id(item, "id", CatalogContribution.VariantTypeName, $"variants.{i}.id") };
            if (item.TryGetValue("sku", out var sku) && sku is not null)
                update.Sku = sku.ToString();
            update.Options.AddRange(Selected(item));
            if (item.TryGetValue("price", out var price) && price is not null)
                update.Price = Amount(price);
            if (item.TryGetValue("compareAtPrice", out var compareAt))
                update.CompareAtPrice = compareAt is null ? "" : Amount(compareAt);
            if (item.TryGetValue("currencyCode", out var currency) && currency is not null)
                update.Currency = currency.ToString();
            if (item.TryGetValue("barcode", out var barcode))
                update.Barcode = barcode?.ToString() ?? "";
            if (item.TryGetValue("weightGrams", out var weight))
            {
                if (weight is null)
                    update.RemoveWeightGrams = true;
                else
                    update.WeightGrams = Convert.ToInt32(weight, CultureInfo.InvariantCulture);
            }

            request.Variants.Add(update);
        }

        return request;
    }

    /// <summary>True when the field is present and not null.</summary>
    public bool Given(string name) => input.TryGetValue(name, out var value) && value is not null;

    public string Text(string name) => input.Text(name);

    public int? Int(string name) => input.TryGetValue(name, out var value) && value is not null ? Convert.ToInt32(value, CultureInfo.InvariantCulture) : null;

    private IEnumerable<VariantInput> Variants(bool withIds)
    {
        var items = List(input, "variants");
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var variant = new VariantInput
            {
                Id = withIds ? Id(item, "id", CatalogContribution.VariantTypeName, $"variants.{i}.id") : "",
                Sku = item.Text("sku"),
                Price = item.TryGetValue("price", out var price) && price is not null ? Amount(price) : "",
                CompareAtPrice = item.TryGetValue("compareAtPrice", out var compareAt) && compareAt is not null ? Amount(compareAt) : "",
                Currency = item.Text("currencyCode"),
                Barcode = item.Text("barcode"),
            };
            variant.Options.AddRange(Selected(item));
            if (item.TryGetValue("weightGrams", out var weight) && weight is not null)
                variant.WeightGrams = Convert.ToInt32(weight, CultureInfo.InvariantCulture);
            yield return variant;
        }
    }

    private static IEnumerable<SelectedOption> Selected(IDictionary<string, object?> item) =>
        List(item, "optionValues").Select(o => new SelectedOption { Name = o.Text("name"), Value = o.Text("value") });

    private static IEnumerable<ProductAttribute> Attributes(IDictionary<string, object?> source) =>
        List(source, "attributes").Select(a => new ProductAttribute { Key = a.Text("key"), Value = a.Text("value") });

    private static IEnumerable<ProductOption> Options(IDictionary<string, object?> source) =>
        List(source, "options").Select(o =>
        {
            var option = new ProductOption { Name = o.Text("name") };
            option.Values.AddRange(Texts(o, "values"));
            return option;
        });

    private static List<IDictionary<string, object?>> List(IDictionary<string, object?> source, string name) =>
        source.TryGetValue(name, out var value) && value is IEnumerable<object?> items ? items.OfType<IDictionary<string, object?>>().ToList() : [];

    private static IEnumerable<string> Texts(IDictionary<string, object?> source, string name) =>
        source.TryGetValue(name, out var value) && value is IEnumerable<object?> items ? items.Select(i => i?.ToString() ?? "") : [];

    private static string Amount(object value) => value is decimal exact ? exact.ToString(CultureInfo.InvariantCulture) : Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
}

internal sealed class ProductAttributeInputType : InputObjectGraphType
{
    public ProductAttributeInputType()
    {
        Name = "ProductAttributeInput";
        Field<NonNullGraphType<StringGraphType>>("key").Description("At most 50 characters, unique in the product.");
        Field<NonNullGraphType<StringGraphType>>("value").Description("At most 500 characters.");
    }
}

internal sealed class ProductOptionInputType : InputObjectGraphType
{
    public ProductOptionInputType()
    {
        Name = "ProductOptionInput";
        Field<NonNullGraphType<StringGraphType>>("name").Description("E.g. Size; unique in the product.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("values").Description("1 to 50 values in display order, e.g. [\"S\", \"M\", \"L\"].");
    }
}

internal sealed class SelectedOptionInputType : InputObjectGraphType
{
    public SelectedOptionInputType()
    {
        Name = "SelectedOptionInput";
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<NonNullGraphType<StringGraphType>>("value");
    }
}

internal sealed class ProductVariantInputType : InputObjectGraphType
{
    public ProductVariantInputType()
    {
        Name = "ProductVariantInput";
        Field<IdGraphType>("id").Description("productUpdate only: the existing variant this entry keeps. Leave out for a new variant.");
        Field<NonNullGraphType<StringGraphType>>("sku").Description("Unique in the store (case-insensitively); printable ASCII without spaces, at most 64.");
        Field<ListGraphType<NonNullGraphType<SelectedOptionInputType>>>("optionValues").Description("Exactly one value for each of the product's options.");
        Field<NonNullGraphType<ExactDecimalGraphType>>("price").Description("Not negative, with no more decimals than the currency has (2 for EUR, 0 for JPY).");
        Field<ExactDecimalGraphType>("compareAtPrice").Description("Higher than price, or null.");
        Field<NonNullGraphType<StringGraphType>>("currencyCode").Description("ISO 4217; every variant of a product has the same.");
        Field<StringGraphType>("barcode");
        Field<IntGraphType>("weightGrams");
    }
}

internal sealed class ProductVariantUpdateInputType : InputObjectGraphType
{
    public ProductVariantUpdateInputType()
    {
        Name = "ProductVariantUpdateInput";
        Description = "Fields left out stay as they are; compareAtPrice, barcode and weightGrams set to null are removed.";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<StringGraphType>("sku");
        Field<ListGraphType<NonNullGraphType<SelectedOptionInputType>>>("optionValues");
        Field<ExactDecimalGraphType>("price");
        Field<ExactDecimalGraphType>("compareAtPrice");
        Field<StringGraphType>("currencyCode");
        Field<StringGraphType>("barcode");
        Field<IntGraphType>("weightGrams");
    }
}

internal sealed class ProductCreateInputType : InputObjectGraphType
{
    public ProductCreateInputType()
    {
        Name = "ProductCreateInput";
        Field<NonNullGraphType<IdGraphType>>("storeId").Description("One of your stores.");
        Field<NonNullGraphType<StringGraphType>>("title").Description("At most 200 characters.");
        Field<StringGraphType>("description").Description("At most 10000 characters.");
        Field<NonNullGraphType<IdGraphType>>("categoryId");
        Field<ListGraphType<NonNullGraphType<ProductAttributeInputType>>>("attributes").Description("At most 50.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("images").Description("Media asset ids or https:// URLs, at most 20, in display order.");
        Field<ListGraphType<NonNullGraphType<ProductOptionInputType>>>("options").Description("At most 3 (e.g. Size, Colour).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProductVariantInputType>>>>("variants").Description("1 to 100, one per combination of option values.");
    }
}

internal sealed class ProductUpdateInputType : InputObjectGraphType
{
    public ProductUpdateInputType()
    {
        Name = "ProductUpdateInput";
        Description = "Fields left out (or null) stay as they are. Lists given replace the product's.";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<StringGraphType>("title");
        Field<StringGraphType>("description");
        Field<IdGraphType>("categoryId");
        Field<ListGraphType<NonNullGraphType<ProductAttributeInputType>>>("attributes");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("images");
        Field<ListGraphType<NonNullGraphType<ProductOptionInputType>>>("options").Description("Needs variants too: the combinations change.");
        Field<ListGraphType<NonNullGraphType<ProductVariantInputType>>>("variants")
            .Description("The whole variant set: entries with an id keep that variant, entries without add one, variants left out are removed.");
    }
}

internal sealed class ProductVariantsBulkUpdateInputType : InputObjectGraphType
{
    public ProductVariantsBulkUpdateInputType()
    {
        Name = "ProductVariantsBulkUpdateInput";
        Field<NonNullGraphType<IdGraphType>>("productId");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProductVariantUpdateInputType>>>>("variants");
    }
}

internal sealed class ProductPublishInputType : InputObjectGraphType
{
    public ProductPublishInputType()
    {
        Name = "ProductPublishInput";
        Field<NonNullGraphType<IdGraphType>>("id");
    }
}

internal sealed class ProductArchiveInputType : InputObjectGraphType
{
    public ProductArchiveInputType()
    {
        Name = "ProductArchiveInput";
        Field<NonNullGraphType<IdGraphType>>("id");
    }
}

internal sealed class CategoryCreateInputType : InputObjectGraphType
{
    public CategoryCreateInputType()
    {
        Name = "CategoryCreateInput";
        Field<NonNullGraphType<StringGraphType>>("name").Description("At most 100 characters.");
        Field<NonNullGraphType<StringGraphType>>("slug").Description("2 to 60 lower-case letters, digits and single hyphens; unique in the taxonomy.");
        Field<IdGraphType>("parentId").Description("Null for a root category.");
        Field<IntGraphType>("position").Description("Order among siblings; after the last one when left out.");
    }
}

internal sealed class CategoryUpdateInputType : InputObjectGraphType
{
    public CategoryUpdateInputType()
    {
        Name = "CategoryUpdateInput";
        Description = "Fields left out stay as they are. A new slug rewrites the paths of the whole subtree.";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<StringGraphType>("name");
        Field<StringGraphType>("slug");
        Field<IntGraphType>("position");
    }
}

internal sealed class CategoryMoveInputType : InputObjectGraphType
{
    public CategoryMoveInputType()
    {
        Name = "CategoryMoveInput";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<IdGraphType>("parentId").Description("The new parent; null moves it to the root.");
        Field<IntGraphType>("position").Description("Order among its new siblings; after the last one when left out.");
    }
}

internal sealed class CategoryDeleteInputType : InputObjectGraphType
{
    public CategoryDeleteInputType()
    {
        Name = "CategoryDeleteInput";
        Field<NonNullGraphType<IdGraphType>>("id");
    }
}
