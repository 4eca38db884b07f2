using Marketplace.Shared.Media;

namespace Marketplace.Modules.Media.DemoData;

/// <summary>What a demo image shows: its asset id, its store, a label and a hue, and its size.</summary>
internal sealed record DemoImage(Guid Id, string StoreSlug, string Purpose, string Label, double Hue, int Width, int Height);

/// <summary>
/// The images of the demo data, generated at seed time (no external URLs, nothing binary in git): each demo store's logo
/// and banner, and one image per product line of its shop (the Catalog demo's base product names; its products cycle
/// through them). The ids are <see cref="DemoMedia"/>'s, which the Sellers and Catalog seeders reference; the Media
/// suite checks that every id they reference is listed here.
/// </summary>
internal static class DemoImages
{
    private static readonly (string Slug, string Name, double Hue, string[] Products)[] Stores =
    [
        ("demo-lisbon-bakery", "Lisbon Bakery", 32, ["Sourdough loaf", "Pastel de nata", "Croissant", "Broa de milho", "Bolo de arroz", "Rye bread", "Brioche", "Focaccia", "Bolo rei", "Baguette"]),
        ("demo-alfama-books", "Alfama Books", 350, ["Lisbon stories", "Poems of the sea", "A guide to Alfama", "Fado lyrics", "Tram 28", "The Tagus", "Azulejos", "Saudade", "Old maps", "Night trams"]),
        ("demo-baixa-electronics", "Baixa Electronics", 210, ["Phone case", "USB-C charger", "Screen protector", "Wireless earbuds", "Power bank", "Car mount", "Charging cable", "Phone stand", "Smart tag", "Bluetooth speaker"]),
        ("demo-belem-garden", "Belém Garden", 120, ["Olive tree", "Lavender", "Rosemary", "Monstera", "Fiddle leaf fig", "Succulent mix", "Bougainvillea", "Lemon tree", "Basil", "Orchid"]),
        ("demo-chiado-fashion", "Chiado Fashion", 290, ["Leather loafers", "Canvas sneakers", "Ankle boots", "Espadrilles", "Sandals", "Derby shoes", "Slip-ons", "Chelsea boots", "Running shoes", "Mules"]),
        ("demo-lx-grocer", "LX Grocer", 75, ["Olive oil", "Sardines in oil", "Coffee beans", "Honey", "Piri-piri sauce", "Sea salt", "Almonds", "Dried figs", "Rice", "Chickpeas"]),
    ];

    public static IReadOnlyList<DemoImage> All { get; } =
    [
        .. Stores.SelectMany(s => new[]
        {
            new DemoImage(DemoMedia.StoreLogo(s.Slug), s.Slug, Domain.AssetPurpose.StoreLogo, s.Name, s.Hue, 512, 512),
            new DemoImage(DemoMedia.StoreBanner(s.Slug), s.Slug, Domain.AssetPurpose.StoreBanner, s.Name, s.Hue, 1600, 600),
        }.Concat(s.Products.Select((p, i) =>
            new DemoImage(DemoMedia.ProductImage(s.Slug, p), s.Slug, Domain.AssetPurpose.ProductImage, p, (s.Hue + (i * 23)) % 360, 800, 800)))),
    ];
}
