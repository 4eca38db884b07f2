using System.Security.Cryptography;
using System.Text;

namespace Marketplace.Shared.Media;

/// <summary>
/// The Media asset ids of the demo data (Development <c>seed</c>): derived from a name, so the Sellers and Catalog
/// seeders can reference an image that the Media seeder renders later in the same run, and every run agrees on it.
/// </summary>
public static class DemoMedia
{
    public static Guid StoreLogo(string storeSlug) => Id($"store-logo:{storeSlug}");

    public static Guid StoreBanner(string storeSlug) => Id($"store-banner:{storeSlug}");

    /// <summary>The image of a demo product line (one per base product name of a store).</summary>
    public static Guid ProductImage(string storeSlug, string productName) => Id($"product:{storeSlug}:{productName}");

    /// <summary>A name-based UUID (version 8, RFC 9562): the first 16 bytes of SHA-256 over a fixed namespace and the name.</summary>
    public static Guid Id(string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("marketplace-demo-media/" + name));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
