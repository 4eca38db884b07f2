using Marketplace.Modules.Catalog.Domain;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.Media;
using Codes = Marketplace.Modules.Catalog.Contracts.CatalogErrorCodes.Products;

namespace Marketplace.Modules.Catalog.Products;

/// <summary>A variant's values once checked: its option values as the product spells them, and its exact amounts.</summary>
internal sealed record ResolvedVariant(Dictionary<string, string> OptionValues, decimal Price, decimal? CompareAtPrice);

/// <summary>
/// The rules of a product listing, each failure a field violation with a stable code and the request path: bounded
/// lists, attributes, images (<see cref="MediaReference"/>), options and variants (exactly one value per option, no two
/// variants with one combination, SKUs unique in the product, money exact in one currency). Pure functions over
/// normalised drafts: the validators report what they find, the handlers use <see cref="Resolve"/> on checked drafts
/// and run <see cref="CheckVariants"/> themselves where the product's current state takes part.
/// </summary>
internal static class ListingRules
{
    public static List<FieldViolation> CheckAttributes(IReadOnlyList<AttributeDraft> attributes)
    {
        var violations = new List<FieldViolation>();
        if (attributes.Count > CatalogRules.MaxAttributes)
            return [new("attributes", $"At most {CatalogRules.MaxAttributes} attributes.", Codes.TooMany)];

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < attributes.Count; i++)
        {
            var (key, value) = (attributes[i].Key, attributes[i].Value);
            if (key.Length == 0)
                violations.Add(new($"attributes.{i}.key", "An attribute needs a name.", CommonErrorCodes.Required));
            else if (key.Length > CatalogRules.MaxAttributeKeyLength)
                violations.Add(new($"attributes.{i}.key", $"Use at most {CatalogRules.MaxAttributeKeyLength} characters.", CommonErrorCodes.TooLong));
            else if (!seen.Add(key))
                violations.Add(new($"attributes.{i}.key", $"The attribute '{key}' is given twice.", Codes.DuplicateAttribute));
            if (value.Length > CatalogRules.MaxAttributeValueLength)
                violations.Add(new($"attributes.{i}.value", $"Use at most {CatalogRules.MaxAttributeValueLength} characters.", CommonErrorCodes.TooLong));
        }

        return violations;
    }

    public static Dictionary<string, string> Attributes(IReadOnlyList<AttributeDraft> attributes)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var attribute in attributes)
            result[attribute.Key] = attribute.Value;
        return result;
    }

    public static List<FieldViolation> CheckImages(IReadOnlyList<string> images)
    {
        if (images.Count > CatalogRules.MaxImages)
            return [new("images", $"At most {CatalogRules.MaxImages} images.", Codes.TooMany)];
        var violations = new List<FieldViolation>();
        for (var i = 0; i < images.Count; i++)
        {
            if (!MediaReference.TryParse(images[i], out _, out var error))
                violations.Add(new($"images.{i}", "Give a Media asset id or an https:// URL.", error ?? CommonErrorCodes.InvalidMediaReference));
        }

        return violations;
    }

    /// <summary>The images as stored: each reference in its canonical form.</summary>
    public static List<string> Images(IReadOnlyList<string> images) =>
        images.Select(i => MediaReference.TryParse(i, out var reference, out _) ? reference.Value : i).ToList();

    /// <summary>Options: names unique, values unique per option, bounded.</summary>
    public static List<FieldViolation> CheckOptions(IReadOnlyList<OptionDraft> options)
    {
        if (options.Count > CatalogRules.MaxOptions)
            return [new("options", $"A product has at most {CatalogRules.MaxOptions} options.", Codes.TooManyOptions)];

        var violations = new List<FieldViolation>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Count; i++)
        {
            var name = options[i].Name;
            if (name.Length == 0)
                violations.Add(new($"options.{i}.name", "An option needs a name (e.g. Size).", CommonErrorCodes.Required));
            else if (name.Length > CatalogRules.MaxOptionNameLength)
                violations.Add(new($"options.{i}.name", $"Use at most {CatalogRules.MaxOptionNameLength} characters.", CommonErrorCodes.TooLong));
            else if (!names.Add(name))
                violations.Add(new($"options.{i}.name", $"The option '{name}' is given twice.", Codes.DuplicateOption));

            var values = options[i].Values;
            if (values.Count == 0)
            {
                violations.Add(new($"options.{i}.values", "An option needs at least one value.", CommonErrorCodes.Required));
                continue;
            }

            if (values.Count > CatalogRules.MaxValuesPerOption)
            {
                violations.Add(new($"options.{i}.values", $"An option has at most {CatalogRules.MaxValuesPerOption} values.", Codes.TooManyValues));
                continue;
            }

            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (var j = 0; j < values.Count; j++)
            {
                if (values[j].Length == 0)
                    violations.Add(new($"options.{i}.values.{j}", "An option value cannot be blank.", CommonErrorCodes.Required));
                else if (values[j].Length > CatalogRules.MaxOptionValueLength)
                    violations.Add(new($"options.{i}.values.{j}", $"Use at most {CatalogRules.MaxOptionValueLength} characters.", CommonErrorCodes.TooLong));
                else if (!seen.Add(values[j]))
                    violations.Add(new($"options.{i}.values.{j}", $"The value '{values[j]}' is given twice.", Codes.DuplicateOptionValue));
            }
        }

        return violations;
    }

    /// <summary>
    /// The options the variants are checked against: none when there are too many, and no values for an option whose
    /// value list is empty or too long (so each problem is reported once, on the options).
    /// </summary>
    public static List<ProductOption> Options(IReadOnlyList<OptionDraft> options) =>
        options.Count > CatalogRules.MaxOptions
            ? []
            : options.Select(o => new ProductOption(o.Name, o.Values.Count is 0 or > CatalogRules.MaxValuesPerOption ? [] : [.. o.Values])).ToList();

    /// <summary>
    /// Checks every variant against the options and the others. Violations of variants the request did not touch are
    /// reported on <c>variants</c>.
    /// </summary>
    public static List<FieldViolation> CheckVariants(IReadOnlyList<ProductOption> options, IReadOnlyList<VariantDraft> variants)
    {
        if (variants.Count == 0)
            return [new("variants", "A product needs at least one variant (what is sold: SKU and price).", CommonErrorCodes.Required)];
        if (variants.Count > CatalogRules.MaxVariants)
            return [new("variants", $"A product has at most {CatalogRules.MaxVariants} variants.", Codes.TooManyVariants)];

        var violations = new List<FieldViolation>();
        string? currency = null;
        var skus = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var combinations = new HashSet<string>(StringComparer.Ordinal);
        foreach (var variant in variants)
        {
            var path = variant.Path ?? "variants";
            var before = violations.Count;

            if (variant.Sku.Length == 0)
                violations.Add(new($"{path}.sku", "A variant needs a SKU.", CommonErrorCodes.Required));
            else if (variant.Sku.Length > CatalogRules.MaxSkuLength)
                violations.Add(new($"{path}.sku", $"Use at most {CatalogRules.MaxSkuLength} characters.", CommonErrorCodes.TooLong));
            else if (!variant.Sku.All(c => c is > ' ' and <= '~'))
                violations.Add(new($"{path}.sku", "Use letters, digits and punctuation without spaces (ASCII).", Codes.InvalidSku));
            else if (!skus.Add(variant.Sku))
                violations.Add(new($"{path}.sku", $"The SKU '{variant.Sku}' is used by another variant of this product.", Codes.DuplicateSku));

            var currencyKnown = Money.IsKnownCurrency(variant.CurrencyCode);
            if (!currencyKnown)
                violations.Add(new($"{path}.currencyCode", "Use a supported ISO 4217 currency code, e.g. EUR.", Codes.InvalidCurrency));
            else if (currency is null)
                currency = variant.CurrencyCode;
            else if (currency != variant.CurrencyCode)
                violations.Add(new($"{path}.currencyCode", $"Every variant of a product has the same currency ({currency}).", Codes.CurrencyMismatch));

            var price = CheckAmount(variant.Price, variant.CurrencyCode, currencyKnown, $"{path}.price", violations) ?? 0;
            if (variant.CompareAtPrice.Length > 0
                && CheckAmount(variant.CompareAtPrice, variant.CurrencyCode, currencyKnown, $"{path}.compareAtPrice", violations) is { } compareAt
                && compareAt <= price)
                violations.Add(new($"{path}.compareAtPrice", "The compare-at price must be higher than the price (or left out).", Codes.CompareAtNotAbovePrice));

            if (variant.Barcode is { Length: > CatalogRules.MaxBarcodeLength })
                violations.Add(new($"{path}.barcode", $"Use at most {CatalogRules.MaxBarcodeLength} characters.", CommonErrorCodes.TooLong));
            if (variant.WeightGrams is < 0 or > CatalogRules.MaxWeightGrams)
                violations.Add(new($"{path}.weightGrams", $"Give a weight from 0 to {CatalogRules.MaxWeightGrams} grams.", Codes.InvalidWeight));

            var values = CheckSelection(options, variant.Options, path, violations);
            if (violations.Count == before && !combinations.Add(string.Join('\u001f', options.Select(o => values[o.Name]))))
            {
                var described = options.Count == 0 ? "no options" : string.Join(", ", options.Select(o => $"{o.Name}: {values[o.Name]}"));
                violations.Add(new(path, $"Another variant already has this combination ({described}).", Codes.DuplicateVariant));
            }
        }

        return violations;
    }

    /// <summary>A checked variant's canonical option values and exact amounts.</summary>
    public static ResolvedVariant Resolve(IReadOnlyList<ProductOption> options, VariantDraft variant)
    {
        var values = CheckSelection(options, variant.Options, variant.Path ?? "variants", []);
        var price = Money.TryParse(variant.Price, out var amount) ? amount : 0;
        decimal? compareAt = variant.CompareAtPrice.Length > 0 && Money.TryParse(variant.CompareAtPrice, out var compareAtAmount) ? compareAtAmount : null;
        return new ResolvedVariant(values, price, compareAt);
    }

    private static Dictionary<string, string> CheckSelection(IReadOnlyList<ProductOption> options, IReadOnlyList<OptionValueDraft> selected, string path, List<FieldViolation> violations)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var failed = false;
        for (var k = 0; k < selected.Count; k++)
        {
            var option = options.FirstOrDefault(o => string.Equals(o.Name, selected[k].Name, StringComparison.OrdinalIgnoreCase));
            if (option is null)
            {
                violations.Add(new($"{path}.optionValues.{k}.name", $"The product has no option '{selected[k].Name}'.", Codes.UnknownOption));
                failed = true;
                continue;
            }

            if (values.ContainsKey(option.Name))
            {
                violations.Add(new($"{path}.optionValues.{k}.name", $"The option '{option.Name}' is given twice.", Codes.DuplicateOption));
                failed = true;
                continue;
            }

            var value = option.Values.FirstOrDefault(v => string.Equals(v, selected[k].Value, StringComparison.OrdinalIgnoreCase));
            if (value is null)
            {
                violations.Add(new($"{path}.optionValues.{k}.value", $"'{selected[k].Value}' is not a value of {option.Name} ({string.Join(", ", option.Values)}).", Codes.UnknownOptionValue));
                failed = true;
                continue;
            }

            values[option.Name] = value;
        }

        var missing = options.Where(o => !values.ContainsKey(o.Name)).Select(o => o.Name).ToList();
        if (missing.Count > 0 && !failed)
            violations.Add(new($"{path}.optionValues", $"Give exactly one value for each option; missing: {string.Join(", ", missing)}.", Codes.MissingOptionValue));
        return values;
    }

    private static decimal? CheckAmount(string text, string currency, bool currencyKnown, string field, List<FieldViolation> violations)
    {
        if (!Money.TryParse(text, out var amount))
        {
            violations.Add(new(field, "Give an exact decimal amount such as \"12.50\".", Codes.InvalidPrice));
            return null;
        }

        if (amount < 0)
        {
            violations.Add(new(field, "A price cannot be negative.", Codes.NegativePrice));
            return null;
        }

        if (amount > CatalogRules.MaxPrice)
        {
            violations.Add(new(field, $"A price is at most {CatalogRules.MaxPrice}.", Codes.PriceTooHigh));
            return null;
        }

        if (currencyKnown && !Money.FitsCurrency(amount, currency))
        {
            violations.Add(new(field, $"{currency} has {Money.DecimalsOf(currency)} decimal places; {amount} has more.", Codes.TooManyDecimals));
            return null;
        }

        return amount;
    }
}
