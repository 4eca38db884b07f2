using Marketplace.Modules.Media.Assets;
using Marketplace.Modules.Media.Assets.CreateUpload;
using Marketplace.Modules.Media.Contracts.V1;
using Marketplace.Modules.Media.Domain;
using Marketplace.Shared.Contracts;

namespace Marketplace.Modules.Media.GrpcServices;

/// <summary>Use-case results → contract messages.</summary>
internal static class MediaMapping
{
    public static Asset ToContract(this AssetView view)
    {
        var asset = view.Asset;
        var message = new Asset
        {
            Id = asset.Id.ToString(),
            OwnerId = asset.OwnerId.ToString(),
            Purpose = asset.Purpose,
            Kind = asset.Kind,
            Status = asset.Status,
            StoreId = asset.StoreId.ToString(),
            ProductId = asset.ProductId?.ToString() ?? "",
            ContentType = asset.ContentType,
            ByteSize = asset.DeclaredBytes,
            Version = asset.Version,
            CreatedAt = Timestamps.Format(asset.CreatedAt),
            UpdatedAt = Timestamps.Format(asset.UpdatedAt),
            ReadyAt = asset.ReadyAt is { } ready ? Timestamps.Format(ready) : "",
        };
        if (asset.Status == AssetStatus.Ready)
        {
            message.Width = asset.Width ?? 0;
            message.Height = asset.Height ?? 0;
            message.DurationSeconds = asset.DurationSeconds ?? 0;
            message.Placeholder = asset.Placeholder ?? "";
        }

        if (view.ShowFailure && asset.Status == AssetStatus.Failed)
        {
            message.FailureCode = asset.FailureCode ?? "";
            message.FailureMessage = asset.FailureMessage ?? "";
        }

        if (view.Delivery is { } delivery)
        {
            message.UrlsExpireAt = Timestamps.Format(delivery.ExpiresAt);
            message.Renditions.AddRange(delivery.Renditions.Select(r => Rendition(r.File, r.Url)));
            message.Poster.AddRange(delivery.Poster.Select(r => Rendition(r.File, r.Url)));
            message.Url = delivery.DefaultUrl;
            if (delivery.MasterPlaylistUrl is { } master && asset.Hls is { } hls)
            {
                message.Hls = new Hls { MasterPlaylistUrl = master, CookiePath = delivery.CookiePath };
                message.Hls.Cookies.AddRange(delivery.Cookies.Select(c => new SignedCookie { Name = c.Key, Value = c.Value }));
                message.Hls.Rungs.AddRange(hls.Rungs.Select(r => new HlsRung { Name = r.Name, Width = r.Width, Height = r.Height, VideoKbps = r.VideoKbps }));
            }
        }

        return message;
    }

    public static CreateUploadResponse ToContract(this PlannedUpload planned, AssetView view)
    {
        var response = new CreateUploadResponse { Asset = view.ToContract() };
        if (planned.Plan.Form is { } form)
        {
            response.Form = new UploadForm { Url = form.Url.AbsoluteUri };
            response.Form.Fields.AddRange(form.Fields.Select(f => new FormField { Name = f.Key, Value = f.Value }));
            response.ExpiresAt = Timestamps.Format(form.ExpiresAt);
        }

        if (planned.Plan.Multipart is { } multipart)
        {
            response.Multipart = new MultipartUpload { PartBytes = multipart.PartBytes };
            response.Multipart.Parts.AddRange(multipart.Parts.Select(p => new PartUrl { PartNumber = p.PartNumber, Url = p.Url.AbsoluteUri }));
            response.ExpiresAt = Timestamps.Format(multipart.PartsExpireAt);
        }

        return response;
    }

    private static Rendition Rendition(StoredFile file, string url) =>
        new() { Format = file.Format, Width = file.Width, Height = file.Height, Url = url, ByteSize = file.Bytes };
}
