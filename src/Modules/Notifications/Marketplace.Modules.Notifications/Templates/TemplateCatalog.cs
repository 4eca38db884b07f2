using System.Collections.Frozen;
using System.Reflection;
using System.Text.RegularExpressions;
using Marketplace.Modules.Notifications.Contracts;
using Marketplace.Modules.Notifications.Domain;
using Marketplace.Shared;

namespace Marketplace.Modules.Notifications.Templates;

/// <summary>A template the module knows: its category (opt-out rules) and the variables its files may use.</summary>
internal sealed record TemplateDefinition(string Key, Category Category, bool HasEmail, params string[] Variables)
{
    /// <summary>Added by the module to every non-essential email: the one-click unsubscribe link.</summary>
    public const string UnsubscribeVariable = "unsubscribeUrl";

    public IEnumerable<string> AllowedVariables => Category == Category.Account ? Variables : Variables.Append(UnsubscribeVariable);
}

/// <summary>What one template renders to in one locale.</summary>
internal sealed record RenderedMessage(string Subject, string Text, string? Html);

/// <summary>
/// Every template with its locale variants: <c>Templates/&lt;key&gt;/&lt;locale&gt;.subject.txt</c>, <c>.txt</c> and
/// (for email) <c>.html</c>, embedded in the assembly; files under <c>Modules:Notifications:TemplatesPath</c>
/// override them. All of them are parsed and checked when the module registers, so a broken template stops the host
/// at start-up with one line instead of failing a delivery at 3 a.m.
/// </summary>
internal sealed partial class TemplateCatalog
{
    public const string DefaultLocale = "en";
    public const string PathSetting = "Modules:Notifications:TemplatesPath";

    // What every order-status template may use (OrderStatusChanged, Events/NotificationRules.cs).
    private static readonly string[] OrderStatusVariables = ["orderNumber", "storeName", "total", "currencyCode", "reasonSentence", "cancelledBy"];

    public static readonly IReadOnlyList<TemplateDefinition> Definitions =
    [
        new(TransactionalTemplates.SellerEmailVerification, Category.Account, HasEmail: true, "displayName", "verificationUrl"),
        new(TransactionalTemplates.PasswordReset, Category.Account, HasEmail: true, "displayName", "resetUrl"),
        new(TransactionalTemplates.EmailChangeVerification, Category.Account, HasEmail: true, "displayName", "verificationUrl"),
        new(TransactionalTemplates.EmailAddressInUse, Category.Account, HasEmail: true, "displayName"),
        new(NotificationTemplates.SellerWelcome, Category.Account, HasEmail: true, "displayName"),
        new(NotificationTemplates.BuyerWelcome, Category.Marketing, HasEmail: false),
        new(NotificationTemplates.NewSignIn, Category.Account, HasEmail: false, "method", "device"),
        new(NotificationTemplates.LowStock, Category.Orders, HasEmail: true, "productTitle", "sku", "available", "threshold"),
        new(NotificationTemplates.OrderPlacedBuyer, Category.Orders, HasEmail: true, "orderNumber", "storeName", "itemCount", "total", "currencyCode", "paymentMethod", "fulfilment"),
        new(NotificationTemplates.OrderPlacedSeller, Category.Orders, HasEmail: true, "orderNumber", "storeName", "itemCount", "total", "currencyCode", "paymentMethod", "fulfilment"),
        new(NotificationTemplates.OrderAccepted, Category.Orders, HasEmail: false, OrderStatusVariables),
        new(NotificationTemplates.OrderReadyForPickup, Category.Orders, HasEmail: false, OrderStatusVariables),
        new(NotificationTemplates.OrderOutForDelivery, Category.Orders, HasEmail: false, OrderStatusVariables),
        new(NotificationTemplates.OrderDelivered, Category.Orders, HasEmail: false, OrderStatusVariables),
        new(NotificationTemplates.OrderPickedUp, Category.Orders, HasEmail: false, OrderStatusVariables),
        new(NotificationTemplates.OrderRejected, Category.Orders, HasEmail: false, OrderStatusVariables),
        new(NotificationTemplates.OrderExpired, Category.Orders, HasEmail: false, OrderStatusVariables),
        new(NotificationTemplates.OrderCancelledByMarketplace, Category.Orders, HasEmail: false, OrderStatusVariables),
        new(NotificationTemplates.OrderCancelledSeller, Category.Orders, HasEmail: false, OrderStatusVariables),
        new(NotificationTemplates.FollowedStoreNewProduct, Category.FollowedStores, HasEmail: false, "storeName", "productTitle", "productCount"),
        new(NotificationTemplates.FollowedStoreNewProducts, Category.FollowedStores, HasEmail: false, "storeName", "productTitle", "productCount"),
    ];

    private readonly FrozenDictionary<string, TemplateDefinition> _definitions;
    private readonly FrozenDictionary<(string Key, string Locale), ParsedTemplate> _templates;

    private TemplateCatalog(FrozenDictionary<string, TemplateDefinition> definitions, FrozenDictionary<(string, string), ParsedTemplate> templates)
    {
        _definitions = definitions;
        _templates = templates;
    }

    public TemplateDefinition? Find(string key) => _definitions.GetValueOrDefault(key);

    public TemplateDefinition Definition(string key) =>
        Find(key) ?? throw new InvalidOperationException($"Unknown notification template '{key}'.");

    /// <summary>The locale variant that exists: exact tag, then its language, then <see cref="DefaultLocale"/>.</summary>
    public string ResolveLocale(string key, string? locale)
    {
        if (!string.IsNullOrWhiteSpace(locale))
        {
            var tag = locale.Trim().ToLowerInvariant();
            if (_templates.ContainsKey((key, tag)))
                return tag;
            var language = tag.Split('-', '_')[0];
            if (_templates.ContainsKey((key, language)))
                return language;
        }

        return DefaultLocale;
    }

    public RenderedMessage Render(string key, string locale, IReadOnlyDictionary<string, string> data)
    {
        var template = _templates[(key, ResolveLocale(key, locale))];
        return new RenderedMessage(
            template.Subject.Render(data, html: false).ReplaceLineEndings(" ").Trim(),
            template.Text.Render(data, html: false),
            template.Html?.Render(data, html: true));
    }

    /// <summary>Loads and checks every template; throws a <see cref="ConfigurationException"/> naming the first problem.</summary>
    public static TemplateCatalog Load(string? overridePath)
    {
        var files = new Dictionary<string, (string Text, string Origin)>(StringComparer.Ordinal);
        var assembly = typeof(TemplateCatalog).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Templates/", StringComparison.Ordinal)))
            files[resource["Templates/".Length..]] = (ReadResource(assembly, resource), "embedded");

        var setting = overridePath is null ? "Modules:Notifications:Templates" : PathSetting;
        var settingValue = overridePath ?? "embedded";
        if (overridePath is not null)
        {
            if (!Directory.Exists(overridePath))
                throw new ConfigurationException(PathSetting, overridePath, "the directory does not exist");
            foreach (var file in Directory.EnumerateFiles(overridePath, "*", SearchOption.AllDirectories))
                files[Path.GetRelativePath(overridePath, file).Replace('\\', '/')] = (File.ReadAllText(file), file);
        }

        var templates = new Dictionary<(string, string), ParsedTemplate>();
        foreach (var definition in Definitions)
        {
            var locales = files.Keys
                .Where(f => f.StartsWith(definition.Key + "/", StringComparison.Ordinal))
                .Select(f => f[(definition.Key.Length + 1)..].Split('.')[0])
                .Distinct(StringComparer.Ordinal)
                .ToList();
            if (!locales.Contains(DefaultLocale))
                throw new ConfigurationException(setting, settingValue, $"template {definition.Key} has no '{DefaultLocale}' variant ({definition.Key}/{DefaultLocale}.subject.txt, .txt{(definition.HasEmail ? ", .html" : "")})");
            foreach (var locale in locales)
            {
                Part Parse(string suffix, bool required)
                {
                    var name = $"{definition.Key}/{locale}.{suffix}";
                    if (!files.TryGetValue(name, out var file))
                    {
                        return required
                            ? throw new ConfigurationException(setting, settingValue, $"template {name} is missing")
                            : Part.Empty;
                    }

                    return Part.Parse(file.Text, definition, out var problem) ?? throw new ConfigurationException(setting, settingValue, $"template {name}: {problem}");
                }

                var html = Parse("html", definition.HasEmail);
                templates[(definition.Key, locale)] = new ParsedTemplate(Parse("subject.txt", true), Parse("txt", true), definition.HasEmail ? html : null);
            }
        }

        return new TemplateCatalog(Definitions.ToFrozenDictionary(d => d.Key, StringComparer.Ordinal), templates.ToFrozenDictionary());
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}")]
    private static partial Regex Placeholder();

    private sealed record ParsedTemplate(Part Subject, Part Text, Part? Html);

    /// <summary>Literal text and <c>{{ variable }}</c> placeholders; nothing else (no logic in templates).</summary>
    private sealed class Part(IReadOnlyList<(string Literal, string? Variable)> pieces)
    {
        public static readonly Part Empty = new([]);

        public static Part? Parse(string text, TemplateDefinition definition, out string? problem)
        {
            var pieces = new List<(string, string?)>();
            var position = 0;
            foreach (Match match in Placeholder().Matches(text))
            {
                var literal = text[position..match.Index];
                if (Stray(literal, text, position, out problem))
                    return null;
                var variable = match.Groups[1].Value;
                if (!definition.AllowedVariables.Contains(variable, StringComparer.Ordinal))
                {
                    problem = $"unknown variable {{{{{variable}}}}} on line {LineOf(text, match.Index)} (allowed: {string.Join(", ", definition.AllowedVariables)})";
                    return null;
                }

                pieces.Add((literal, variable));
                position = match.Index + match.Length;
            }

            if (Stray(text[position..], text, position, out problem))
                return null;
            pieces.Add((text[position..], null));
            return new Part(pieces);
        }

        public string Render(IReadOnlyDictionary<string, string> data, bool html)
        {
            var builder = new System.Text.StringBuilder();
            foreach (var (literal, variable) in pieces)
            {
                builder.Append(literal);
                if (variable is not null)
                {
                    var value = data.GetValueOrDefault(variable, "");
                    builder.Append(html ? System.Net.WebUtility.HtmlEncode(value) : value);
                }
            }

            return builder.ToString();
        }

        private static bool Stray(string literal, string text, int offset, out string? problem)
        {
            var index = literal.IndexOf("{{", StringComparison.Ordinal);
            if (index < 0)
                index = literal.IndexOf("}}", StringComparison.Ordinal);
            problem = index < 0 ? null : $"unbalanced or malformed placeholder on line {LineOf(text, offset + index)}";
            return index >= 0;
        }

        private static int LineOf(string text, int index) => text.AsSpan(0, index).Count('\n') + 1;
    }
}

/// <summary>Templates of notifications the module sends on its own (from events), beside the transactional ones.</summary>
internal static class NotificationTemplates
{
    public const string SellerWelcome = "seller_welcome";
    public const string BuyerWelcome = "buyer_welcome";
    public const string NewSignIn = "new_sign_in";
    public const string LowStock = "low_stock";
    public const string OrderPlacedBuyer = "order_placed_buyer";
    public const string OrderPlacedSeller = "order_placed_seller";
    public const string OrderAccepted = "order_accepted";
    public const string OrderReadyForPickup = "order_ready_for_pickup";
    public const string OrderOutForDelivery = "order_out_for_delivery";
    public const string OrderDelivered = "order_delivered";
    public const string OrderPickedUp = "order_picked_up";
    public const string OrderRejected = "order_rejected";
    public const string OrderExpired = "order_expired";
    public const string OrderCancelledByMarketplace = "order_cancelled_by_marketplace";
    public const string OrderCancelledSeller = "order_cancelled_seller";
    public const string FollowedStoreNewProduct = "followed_store_new_product";
    public const string FollowedStoreNewProducts = "followed_store_new_products";
}
