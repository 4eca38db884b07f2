using Marketplace.Modules.Catalog.Domain;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.Media;

namespace Marketplace.Modules.Catalog.Products;

/// <summary>A variant as a request wants it, before it is checked: raw texts, and where in the request it came from.</summary>
internal sealed class VariantDraft
{
    /// <summary>The existing variant this draft keeps (updates), or null for a new one.</summary>
    public Guid? ExistingId { get; init; }

    /// <summary>Field path prefix in the request, e.g. <c>variants.2</c>; null for a variant the request did not touch.</summary>
    public string? Path { get; init; }

    public string Sku { get; set; } = "";

    public List<(string Name, string Value)> Options { get; set; } = [];

    public string PriceText { get; set; } = "";

    /// <summary>Empty: no compare-at price.</summary>
    public string CompareAtText { get; set; } = "";

    public string Currency { get; set; } = "";

    public string? Barcode { get; set; }

    public int? WeightGrams { get; set; }

    // Filled by validation.
    public decimal Price { get; set; }

    public decimal? CompareAtPrice { get; set; }

    public Dictionary<string, string> OptionValues { get; set; } = [];

    public static VariantDraft From(ProductVariant variant, IReadOnlyList<ProductOption> options) => new()
    {
        ExistingId = variant.Id,
        Sku = variant.Sku,
        Options = options.Where(o => variant.OptionValues.ContainsKey(o.Name)).Select(o => (o.Name, variant.OptionValues[o.Name])).ToList(),
        PriceText = variant.Price.ToString(System.Globalization.CultureInfo.InvariantCulture),
        CompareAtText = variant.CompareAtPrice?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
        Currency = variant.Currency,
        Barcode = variant.Barcode,
        WeightGrams = variant.WeightGrams,
    };
}

/// <summary>
/// The rules of a product listing, each failure a field violation with a stable code and the request path:
/// texts and bounds, attributes, images (<see cref="MediaReference"/>), options and variants (exactly one value per
/// option, no two variants with one combination, SKUs unique in the product, money exact in one currency).
/// </summary>
internal static class ProductRules
{
    public static void CheckTitle(string title, List<FieldViolation> violations)
    {
        if (title.Length == 0)
            violations.Add(new("title", "A product needs a title.", "REQUIRED"));
        else if (title.Length > CatalogRules.MaxTitleLength)
            violations.Add(new("title", $"Use at most {CatalogRules.MaxTitleLength} characters.", "TOO_LONG"));
    }

    public static void CheckDescription(string description, List<FieldViolation> violations)
    {
        if (description.Length > CatalogRules.MaxDescriptionLength)
            violations.Add(new("description", $"Use at most {CatalogRules.MaxDescriptionLength} characters.", "TOO_LONG"));
    }

    public static Dictionary<string, string> CheckAttributes(IReadOnlyList<(string Key, string Value)> attributes, List<FieldViolation> violations)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (attributes.Count > CatalogRules.MaxAttributes)
        {
            violations.Add(new("attributes", $"At most {CatalogRules.MaxAttributes} attributes.", "TOO_MANY"));
            return result;
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < attributes.Count; i++)
        {
            var key = attributes[i].Key.Trim();
            var value = attributes[i].Value.Trim();
            if (key.Length == 0)
                violations.Add(new($"attributes.{i}.key", "An attribute needs a name.", "REQUIRED"));
            else if (key.Length > CatalogRules.MaxAttributeKeyLength)
                violations.Add(new($"attributes.{i}.key", $"Use at most {CatalogRules.MaxAttributeKeyLength} characters.", "TOO_LONG"));
            else if (!seen.Add(key))
                violations.Add(new($"attributes.{i}.key", $"The attribute '{key}' is given twice.", "DUPLICATE_ATTRIBUTE"));
            if (value.Length > CatalogRules.MaxAttributeValueLength)
                violations.Add(new($"attributes.{i}.value", $"Use at most {CatalogRules.MaxAttributeValueLength} characters.", "TOO_LONG"));
            result[key] = value;
        }

        return result;
    }

    public static List<string> CheckImages(IReadOnlyList<string> images, List<FieldViolation> violations)
    {
        var result = new List<string>();
        if (images.Count > CatalogRules.MaxImages)
        {
            violations.Add(new("images", $"At most {CatalogRules.MaxImages} images.", "TOO_MANY"));
            return result;
        }

        for (var i = 0; i < images.Count; i++)
        {
            if (MediaReference.TryParse(images[i], out var reference, out var error))
                result.Add(reference.Value);
            else
                violations.Add(new($"images.{i}", "Give a Media asset id or an https:// URL.", error ?? "INVALID_MEDIA_REFERENCE"));
        }

        return result;
    }

    /// <summary>Checks the options (names unique, values unique per option, bounded); returns them trimmed.</summary>
    public static List<ProductOption> CheckOptions(IReadOnlyList<(string Name, IReadOnlyList<string> Values)> options, List<FieldViolation> violations)
    {
        var result = new List<ProductOption>();
        if (options.Count > CatalogRules.MaxOptions)
        {
            violations.Add(new("options", $"A product has at most {CatalogRules.MaxOptions} options.", "TOO_MANY_OPTIONS"));
            return result;
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Count; i++)
        {
            var name = options[i].Name.Trim();
            if (name.Length == 0)
                violations.Add(new($"options.{i}.name", "An option needs a name (e.g. Size).", "REQUIRED"));
            else if (name.Length > CatalogRules.MaxOptionNameLength)
                violations.Add(new($"options.{i}.name", $"Use at most {CatalogRules.MaxOptionNameLength} characters.", "TOO_LONG"));
            else if (!names.Add(name))
                violations.Add(new($"options.{i}.name", $"The option '{name}' is given twice.", "DUPLICATE_OPTION"));

            var values = new List<string>();
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (options[i].Values.Count == 0)
                violations.Add(new($"options.{i}.values", "An option needs at least one value.", "REQUIRED"));
            else if (options[i].Values.Count > CatalogRules.MaxValuesPerOption)
                violations.Add(new($"options.{i}.values", $"An option has at most {CatalogRules.MaxValuesPerOption} values.", "TOO_MANY_VALUES"));
            else
            {
                for (var j = 0; j < options[i].Values.Count; j++)
                {
                    var value = options[i].Values[j].Trim();
                    if (value.Length == 0)
                        violations.Add(new($"options.{i}.values.{j}", "An option value cannot be blank.", "REQUIRED"));
                    else if (value.Length > CatalogRules.MaxOptionValueLength)
                        violations.Add(new($"options.{i}.values.{j}", $"Use at most {CatalogRules.MaxOptionValueLength} characters.", "TOO_LONG"));
                    else if (!seen.Add(value))
                        violations.Add(new($"options.{i}.values.{j}", $"The value '{value}' is given twice.", "DUPLICATE_OPTION_VALUE"));
                    values.Add(value);
                }
            }

            result.Add(new ProductOption(name, values));
        }

        return result;
    }

    /// <summary>
    /// Checks every variant against the options and the others; fills each draft's parsed price, compare-at price and
    /// canonical option values. Violations of variants the request did not touch are reported on <c>variants</c>.
    /// </summary>
    public static void CheckVariants(IReadOnlyList<ProductOption> options, IReadOnlyList<VariantDraft> variants, List<FieldViolation> violations)
    {
        if (variants.Count == 0)
        {
            violations.Add(new("variants", "A product needs at least one variant (what is sold: SKU and price).", "REQUIRED"));
            return;
        }

        if (variants.Count > CatalogRules.MaxVariants)
        {
            violations.Add(new("variants", $"A product has at most {CatalogRules.MaxVariants} variants.", "TOO_MANY_VARIANTS"));
            return;
        }

        string? currency = null;
        var skus = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var combinations = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < variants.Count; i++)
        {
            var variant = variants[i];
            var path = variant.Path ?? "variants";
            var before = violations.Count;

            variant.Sku = variant.Sku.Trim();
            if (variant.Sku.Length == 0)
                violations.Add(new($"{path}.sku", "A variant needs a SKU.", "REQUIRED"));
            else if (variant.Sku.Length > CatalogRules.MaxSkuLength)
                violations.Add(new($"{path}.sku", $"Use at most {CatalogRules.MaxSkuLength} characters.", "TOO_LONG"));
            else if (!variant.Sku.All(c => c is > ' ' and <= '~'))
                violations.Add(new($"{path}.sku", "Use letters, digits and punctuation without spaces (ASCII).", "INVALID_SKU"));
            else if (!skus.TryAdd(variant.Sku, i))
                violations.Add(new($"{path}.sku", $"The SKU '{variant.Sku}' is used by another variant of this product.", "DUPLICATE_SKU"));

            variant.Currency = variant.Currency.Trim().ToUpperInvariant();
            var currencyKnown = Money.IsKnownCurrency(variant.Currency);
            if (!currencyKnown)
                violations.Add(new($"{path}.currencyCode", "Use a supported ISO 4217 currency code, e.g. EUR.", "INVALID_CURRENCY"));
            else if (currency is null)
                currency = variant.Currency;
            else if (currency != variant.Currency)
                violations.Add(new($"{path}.currencyCode", $"Every variant of a product has the same currency ({currency}).", "CURRENCY_MISMATCH"));

            if (CheckAmount(variant.PriceText, variant.Currency, currencyKnown, $"{path}.price", violations) is { } price)
                variant.Price = price;
            variant.CompareAtPrice = null;
            if (variant.CompareAtText.Trim().Length > 0 && CheckAmount(variant.CompareAtText, variant.Currency, currencyKnown, $"{path}.compareAtPrice", violations) is { } compareAt)
            {
                if (compareAt <= variant.Price)
                    violations.Add(new($"{path}.compareAtPrice", "The compare-at price must be higher than the price (or left out).", "COMPARE_AT_NOT_ABOVE_PRICE"));
                variant.CompareAtPrice = compareAt;
            }

            variant.Barcode = string.IsNullOrWhiteSpace(variant.Barcode) ? null : variant.Barcode.Trim();
            if (variant.Barcode is { Length: > CatalogRules.MaxBarcodeLength })
                violations.Add(new($"{path}.barcode", $"Use at most {CatalogRules.MaxBarcodeLength} characters.", "TOO_LONG"));
            if (variant.WeightGrams is < 0 or > CatalogRules.MaxWeightGrams)
                violations.Add(new($"{path}.weightGrams", $"Give a weight from 0 to {CatalogRules.MaxWeightGrams} grams.", "INVALID_WEIGHT"));

            variant.OptionValues = CheckSelection(options, variant.Options, path, violations);
            if (violations.Count == before)
            {
                var combination = string.Join('\u001f', options.Select(o => variant.OptionValues[o.Name]));
                if (!combinations.TryAdd(combination, i))
                {
                    var described = options.Count == 0 ? "no options" : string.Join(", ", options.Select(o => $"{o.Name}: {variant.OptionValues[o.Name]}"));
                    violations.Add(new(path, $"Another variant already has this combination ({described}).", "DUPLICATE_VARIANT"));
                }
            }
        }
    }

    private static Dictionary<string, string> CheckSelection(IReadOnlyList<ProductOption> options, List<(string Name, string Value)> selected, string path, List<FieldViolation> violations)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var k = 0; k < selected.Count; k++)
        {
            var name = selected[k].Name.Trim();
            var option = options.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase));
            if (option is null)
            {
                violations.Add(new($"{path}.optionValues.{k}.name", $"The product has no option '{name}'.", "UNKNOWN_OPTION"));
                continue;
            }

            if (values.ContainsKey(option.Name))
            {
                violations.Add(new($"{path}.optionValues.{k}.name", $"The option '{option.Name}' is given twice.", "DUPLICATE_OPTION"));
                continue;
            }

            var value = option.Values.FirstOrDefault(v => string.Equals(v, selected[k].Value.Trim(), StringComparison.OrdinalIgnoreCase));
            if (value is null)
            {
                violations.Add(new($"{path}.optionValues.{k}.value", $"'{selected[k].Value.Trim()}' is not a value of {option.Name} ({string.Join(", ", option.Values)}).", "UNKNOWN_OPTION_VALUE"));
                continue;
            }

            values[option.Name] = value;
        }

        var missing = options.Where(o => !values.ContainsKey(o.Name)).Select(o => o.Name).ToList();
        if (missing.Count > 0 && !violations.Any(v => v.Field.StartsWith($"{path}.optionValues.", StringComparison.Ordinal)))
            violations.Add(new($"{path}.optionValues", $"Give exactly one value for each option; missing: {string.Join(", ", missing)}.", "MISSING_OPTION_VALUE"));
        return values;
    }

    private static decimal? CheckAmount(string text, string currency, bool currencyKnown, string field, List<FieldViolation> violations)
    {
        if (!Money.TryParse(text.Trim(), out var amount))
        {
            violations.Add(new(field, "Give an exact decimal amount such as \"12.50\".", "INVALID_PRICE"));
            return null;
        }

        if (amount < 0)
        {
            violations.Add(new(field, "A price cannot be negative.", "NEGATIVE_PRICE"));
            return null;
        }

        if (amount > CatalogRules.MaxPrice)
        {
            violations.Add(new(field, $"A price is at most {CatalogRules.MaxPrice}.", "PRICE_TOO_HIGH"));
            return null;
        }

        if (currencyKnown && !Money.FitsCurrency(amount, currency))
        {
            violations.Add(new(field, $"{currency} has {Money.DecimalsOf(currency)} decimal places; {amount} has more.", "TOO_MANY_DECIMALS"));
            return null;
        }

        return amount;
    }
}
