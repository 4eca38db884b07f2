using System.Globalization;
using System.Security.Cryptography;
using Marketplace.Modules.Media.Delivery;
using Marketplace.Shared;
using Microsoft.Extensions.Configuration;

namespace Marketplace.Modules.Media;

/// <summary>
/// Reads <c>Modules:Media</c> once at start-up: defaults that depend on the host (URLs on <c>Server:HttpPort</c>), and
/// every value checked, so a wrong setting stops the host with one line naming it.
/// </summary>
internal static class MediaSettings
{
    public const string Section = "Modules:Media";

    public static MediaOptions Load(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var options = section.Get<MediaOptions>() ?? new MediaOptions();
        var port = configuration["Server:HttpPort"] is { Length: > 0 } text && int.TryParse(text, CultureInfo.InvariantCulture, out var p) ? p : 8080;
        if (string.IsNullOrEmpty(section["Delivery:BaseUrl"]))
            options.Delivery.BaseUrl = new Uri($"http://localhost:{port}/media/");
        if (string.IsNullOrEmpty(section["Storage:LocalDisk:UploadUrl"]))
            options.Storage.LocalDisk.UploadUrl = new Uri($"http://localhost:{port}/media/uploads");

        var uploads = options.Uploads;
        Require(uploads.ImageMaxBytes > 0, "Uploads:ImageMaxBytes", uploads.ImageMaxBytes, "expected a positive number of bytes");
        Require(uploads.VideoMaxBytes is > 0 and <= int.MaxValue, "Uploads:VideoMaxBytes", uploads.VideoMaxBytes, $"expected 1 to {int.MaxValue} bytes");
        Require(uploads.PolicyLifetime > TimeSpan.Zero, "Uploads:PolicyLifetime", uploads.PolicyLifetime, "expected a positive duration such as 00:10:00");
        Require(uploads.PartUrlLifetime > TimeSpan.Zero, "Uploads:PartUrlLifetime", uploads.PartUrlLifetime, "expected a positive duration");
        Require(options.Images.Widths.Length > 0 && options.Images.Widths.All(w => w is > 0 and <= 16_383), "Images:Widths", string.Join(',', options.Images.Widths), "expected widths of 1 to 16383 px");
        Require(options.Images.AvifEffort is >= 0 and <= 9, "Images:AvifEffort", options.Images.AvifEffort, "expected 0 (fastest) to 9");
        Require(options.Images.MaxConcurrentRenders > 0, "Images:MaxConcurrentRenders", options.Images.MaxConcurrentRenders, "expected at least 1");
        Require(options.Delivery.ImageUrlLifetime > TimeSpan.Zero, "Delivery:ImageUrlLifetime", options.Delivery.ImageUrlLifetime, "expected a positive duration");
        Require(options.Delivery.VideoCookieLifetime > TimeSpan.Zero, "Delivery:VideoCookieLifetime", options.Delivery.VideoCookieLifetime, "expected a positive duration");
        Require(options.Delivery.ExpiryGranularity >= TimeSpan.Zero, "Delivery:ExpiryGranularity", options.Delivery.ExpiryGranularity, "expected a duration (00:00:00 for none)");
        Require(options.Delivery.HashAlgorithm is "SHA1" or "SHA256", "Delivery:HashAlgorithm", options.Delivery.HashAlgorithm, "use SHA1 or SHA256");
        Require(options.Lifecycle.SweepInterval > TimeSpan.Zero, "Lifecycle:SweepInterval", options.Lifecycle.SweepInterval, "expected a positive duration");
        Require(options.Lifecycle.BatchSize > 0, "Lifecycle:BatchSize", options.Lifecycle.BatchSize, "expected at least 1");
        Require(options.Lifecycle.MaxAttempts > 0, "Lifecycle:MaxAttempts", options.Lifecycle.MaxAttempts, "expected at least 1");
        if (options.Storage.LocalDisk.PolicySigningKey.Length > 0)
        {
            var valid = true;
            try
            {
                valid = Convert.FromBase64String(options.Storage.LocalDisk.PolicySigningKey).Length >= 32;
            }
            catch (FormatException)
            {
                valid = false;
            }

            Require(valid, "Storage:LocalDisk:PolicySigningKey", "(hidden)", "expected base64 of at least 32 random bytes");
        }

        if (options.Storage.Provider == StorageProvider.S3)
        {
            Require(options.Storage.S3.RawBucket.Length > 0, "Storage:S3:RawBucket", options.Storage.S3.RawBucket, "required with the S3 provider");
            Require(options.Storage.S3.RenditionsBucket.Length > 0, "Storage:S3:RenditionsBucket", options.Storage.S3.RenditionsBucket, "required with the S3 provider");
        }

        return options;
    }

    /// <summary>
    /// The CloudFront key pair delivery signs with: from settings (PEM), or, when none is set, one made for this process
    /// (local-disk delivery verifies with it; URLs from an earlier process stop working). A CDN needs the real key
    /// outside Development.
    /// </summary>
    public static (CloudFrontSigner Signer, CloudFrontVerifier Verifier) Keys(MediaOptions options, bool development)
    {
        var delivery = options.Delivery;
        var hash = delivery.HashAlgorithm == "SHA256" ? CloudFrontHash.Sha256 : CloudFrontHash.Sha1;
        RSA privateKey;
        if (delivery.PrivateKeyPem.Length > 0)
        {
            privateKey = RSA.Create();
            try
            {
                privateKey.ImportFromPem(delivery.PrivateKeyPem);
            }
            catch (ArgumentException)
            {
                throw new ConfigurationException($"{Section}:Delivery:PrivateKeyPem", "(hidden)", "expected an RSA private key in PEM (PKCS#1 or PKCS#8)");
            }
        }
        else if (options.Storage.Provider == StorageProvider.S3 && !development)
        {
            throw new ConfigurationException($"{Section}:Delivery:PrivateKeyPem", null, "required with the S3 provider outside Development: the private key of the CloudFront key group's public key");
        }
        else
        {
            privateKey = RSA.Create(2048);
        }

        var publicKey = RSA.Create();
        if (delivery.PublicKeyPem.Length > 0)
            publicKey.ImportFromPem(delivery.PublicKeyPem);
        else
            publicKey.ImportRSAPublicKey(privateKey.ExportRSAPublicKey(), out _);

        var keyPairId = delivery.KeyPairId.Length > 0 ? delivery.KeyPairId : "LOCAL";
        return (new CloudFrontSigner(keyPairId, privateKey, hash), new CloudFrontVerifier(keyPairId, publicKey));
    }

    private static void Require(bool valid, string key, object value, string problem)
    {
        if (!valid)
            throw new ConfigurationException($"{Section}:{key}", Convert.ToString(value, CultureInfo.InvariantCulture), problem);
    }
}
