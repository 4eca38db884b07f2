using Marketplace.Modules.Media.Domain;
using Marketplace.Modules.Media.Uploads;

namespace Marketplace.Modules.Media.Assets;

/// <summary>The purposes of the contract, as the processing core's upload rules (kind and size cap).</summary>
internal static class UploadRules
{
    public static UploadPurpose ToCore(string purpose) => purpose switch
    {
        AssetPurpose.StoreLogo => UploadPurpose.StoreLogo,
        AssetPurpose.StoreBanner => UploadPurpose.StoreBanner,
        AssetPurpose.ProductImage => UploadPurpose.ProductImage,
        AssetPurpose.ProductVideo => UploadPurpose.ProductVideo,
        _ => throw new ArgumentOutOfRangeException(nameof(purpose), purpose, "not a purpose"),
    };

    public static UploadRule For(string purpose, MediaUploadOptions options) => UploadPlanner.RuleFor(ToCore(purpose), options);

    public static string KindOf(string purpose) => purpose == AssetPurpose.ProductVideo ? AssetKind.Video : AssetKind.Image;
}
