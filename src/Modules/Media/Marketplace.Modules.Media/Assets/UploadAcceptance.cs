using Marketplace.Modules.Media.Contracts;
using Marketplace.Modules.Media.Contracts.Events;
using Marketplace.Modules.Media.Domain;
using Marketplace.Modules.Media.Persistence;
using Marketplace.Modules.Media.Storage;
using Marketplace.Modules.Media.Uploads;
using Marketplace.Shared.Contracts;

namespace Marketplace.Modules.Media.Assets;

/// <summary>Why an uploaded object was refused at completion (the asset is FAILED, the raw object deleted).</summary>
internal sealed record UploadRefusal(string Code, string Message);

/// <summary>The asset after a completion, and the refusal when the object was refused.</summary>
internal sealed record CompletedUpload(MediaAsset Asset, UploadRefusal? Refusal);

/// <summary>
/// Takes the object now stored at an asset's raw key, for both completion paths (the owner's call, the storage event):
/// the same object version twice changes nothing (its ETag is recorded), a new one is checked cheaply — size from a
/// HEAD, magic bytes from the first 64 bytes against the declared type — and queued as the next version
/// (<c>asset_uploaded.v1</c>, in the caller's transaction). A refused object is deleted and the asset FAILED with
/// <c>asset_failed.v1</c>. A new object is taken only while the asset is PENDING or FAILED (a corrected file sent with
/// the same, still valid form); once one was accepted, another is deleted and refused (POLICY_VIOLATION): a replacement
/// is a new upload. The asset must be locked by the caller.
/// </summary>
internal sealed class UploadAcceptance(MediaDbContext db, IMediaStorage storage, MediaOptions options, TimeProvider clock)
{
    /// <summary>
    /// <paramref name="fromOwner"/>: the owner asked (a missing object is UPLOAD_MISSING for them); a storage event for
    /// an object that is gone (already processed, or deleted) changes nothing.
    /// </summary>
    public async Task<CompletedUpload> AcceptAsync(MediaAsset asset, bool fromOwner, CancellationToken cancellationToken)
    {
        if (asset.Status is AssetStatus.Expired or AssetStatus.Deleted)
        {
            if (!fromOwner)
                return new(asset, null);
            throw ContractError.FailedPrecondition(MediaErrorCodes.UploadExpired, "This upload expired; start a new one.");
        }

        var head = await storage.HeadAsync(StorageArea.Raw, asset.RawKey, cancellationToken);
        if (head is null)
        {
            if (fromOwner && asset.Status == AssetStatus.Pending)
                throw ContractError.FailedPrecondition(MediaErrorCodes.UploadMissing, "Nothing was uploaded for this asset yet.");
            // Refused already (the storage event may have come first): the owner hears why, whichever path ran first.
            if (fromOwner && asset.Status == AssetStatus.Failed)
                return new(asset, new UploadRefusal(asset.FailureCode ?? MediaErrorCodes.RenderFailed, asset.FailureMessage ?? "The upload failed."));
            return new(asset, null);
        }

        var etag = head.ETag?.Trim('"') ?? $"{head.Length}";
        if (etag == asset.ObjectEtag)
            return new(asset, null); // this object version was taken already: a repeated call or event

        var now = clock.GetUtcNow();
        if (asset.Status is not (AssetStatus.Pending or AssetStatus.Failed))
        {
            await storage.DeleteAsync(StorageArea.Raw, asset.RawKey, CancellationToken.None);
            return new(asset, new UploadRefusal(MediaErrorCodes.PolicyViolation, "This upload was completed already; start a new upload to replace the file."));
        }

        var rule = UploadRules.For(asset.Purpose, options.Uploads);
        asset.ObjectEtag = etag;
        asset.ObjectBytes = head.Length;
        asset.UpdatedAt = now;
        if (head.Length > rule.MaxBytes)
            return await RefuseAsync(asset, MediaErrorCodes.TooLarge, $"The file has {head.Length} bytes; at most {rule.MaxBytes} are accepted for {asset.Purpose}.", now);
        if (head.Length == 0)
            return await RefuseAsync(asset, MediaErrorCodes.TooSmall, "The file is empty.", now);

        var format = MediaSniffer.Sniff(await storage.ReadPrefixAsync(StorageArea.Raw, asset.RawKey, MediaSniffer.HeadLength, cancellationToken));
        var kind = MediaSniffer.KindOf(format) switch
        {
            MediaKind.Image => AssetKind.Image,
            MediaKind.Video => AssetKind.Video,
            _ => null,
        };
        if (kind != asset.Kind)
            return await RefuseAsync(asset, MediaErrorCodes.UnsupportedFormat, asset.Kind == AssetKind.Image
                ? "The file is not a JPEG, PNG, WebP, AVIF, GIF or HEIC image."
                : "The file is not an MP4, MOV, WebM or Matroska video.", now);
        if (format != MediaSniffer.FromContentType(asset.ContentType))
            return await RefuseAsync(asset, MediaErrorCodes.ContentTypeMismatch, $"The file is {MediaSniffer.ContentTypeOf(format)}, not {asset.ContentType}.", now);

        asset.Version++;
        asset.Attempts = 0;
        asset.Status = AssetStatus.Uploaded;
        asset.UploadedAt = now;
        asset.FailureCode = null;
        asset.FailureMessage = null;
        db.AddEvent(new AssetUploaded(asset.Id, asset.Version, now));
        return new(asset, null);
    }

    /// <summary>Nothing of a refused object is kept: it is deleted, and the asset says why.</summary>
    public async Task<CompletedUpload> RefuseAsync(MediaAsset asset, string code, string message, DateTimeOffset now)
    {
        await storage.DeleteAsync(StorageArea.Raw, asset.RawKey, CancellationToken.None);
        AssetFailures.Fail(db, asset, code, message, now);
        return new(asset, new UploadRefusal(code, message));
    }
}
