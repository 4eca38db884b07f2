using System.Text;
using Marketplace.Modules.Media.Contracts;
using Marketplace.Modules.Media.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Marketplace.Modules.Media.Uploads;

/// <summary>
/// Accepts browser-style POST uploads in local-disk mode (what S3 does in S3 mode): a <c>multipart/form-data</c> body
/// with the signed form fields first and the file last. The policy is checked before a byte of the file is read, the
/// size while it streams; a refused upload leaves nothing behind. Answers 204 like S3, or a JSON error
/// <c>{ "code", "message" }</c> with 400 (bad form, size) or 403 (signature, expiry).
/// </summary>
internal sealed class LocalUploadEndpoint(
    LocalDiskMediaStorage storage, PostPolicyChecker checker, TimeProvider time, long largestUploadBytes, Func<string, CancellationToken, Task>? onStored = null)
{
    private const int MaxFieldBytes = 16 * 1024;
    private const int MaxFields = 16;
    // Room for the form fields and part headers around the file.
    private const long FormOverheadBytes = 256 * 1024;

    public async Task HandleAsync(HttpContext context)
    {
        try
        {
            var accepted = await ReceiveAsync(context);
            // What S3's event notification does in S3 mode: the module takes the object (idempotently) right away.
            if (onStored is not null)
                await onStored(accepted, context.RequestAborted);
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            context.Response.Headers.ETag = (await storage.HeadAsync(StorageArea.Raw, accepted, context.RequestAborted))?.ETag;
        }
        catch (MediaException e)
        {
            context.Response.StatusCode = e.Code is MediaErrorCodes.BadSignature or MediaErrorCodes.PolicyExpired
                ? StatusCodes.Status403Forbidden
                : StatusCodes.Status400BadRequest;
            await context.Response.WriteAsJsonAsync(new { code = e.Code, message = e.Message }, context.RequestAborted);
        }
    }

    private async Task<string> ReceiveAsync(HttpContext context)
    {
        // The host's general body limit is small; this endpoint's own limit is the largest upload any policy allows,
        // and each policy's exact range is enforced while the file streams.
        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
            sizeFeature.MaxRequestBodySize = largestUploadBytes + FormOverheadBytes;

        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
            throw new MediaException(MediaErrorCodes.PolicyViolation, "Send the upload as multipart/form-data.");

        var reader = new MultipartReader(boundary, context.Request.Body)
        {
            HeadersLengthLimit = 8 * 1024,
            HeadersCountLimit = 8,
            BodyLengthLimit = largestUploadBytes + FormOverheadBytes,
        };
        var fields = new List<KeyValuePair<string, string>>();
        while (await reader.ReadNextSectionAsync(context.RequestAborted) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                throw new MediaException(MediaErrorCodes.PolicyViolation, "Every part of the form must be a form field.");

            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
            if (name != PostPolicySigner.FileField)
            {
                if (fields.Count >= MaxFields)
                    throw new MediaException(MediaErrorCodes.PolicyViolation, "Too many form fields.");
                fields.Add(new(name, await ReadFieldAsync(section, context.RequestAborted)));
                continue;
            }

            var accepted = checker.Check(fields, time.GetUtcNow());
            var written = await storage.WriteAsync(StorageArea.Raw, accepted.Key, section.Body, accepted.MaxBytes, context.RequestAborted);
            try
            {
                if (written < accepted.MinBytes)
                    throw new MediaException(MediaErrorCodes.TooSmall, $"The file is smaller than {accepted.MinBytes} bytes.");
                // S3 ignores anything after the file; we refuse it, so a form built wrong fails loudly in development.
                if (await reader.ReadNextSectionAsync(context.RequestAborted) is not null)
                    throw new MediaException(MediaErrorCodes.PolicyViolation, "The file must be the last field of the form.");
            }
            catch
            {
                await storage.DeleteAsync(StorageArea.Raw, accepted.Key, CancellationToken.None);
                throw;
            }

            return accepted.Key;
        }

        throw new MediaException(MediaErrorCodes.PolicyViolation, "The form has no file field.");
    }

    private static async Task<string> ReadFieldAsync(MultipartSection section, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxFieldBytes + 1];
        var read = await section.Body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
        if (read > MaxFieldBytes)
            throw new MediaException(MediaErrorCodes.PolicyViolation, "A form field is too long.");
        return Encoding.UTF8.GetString(buffer, 0, read);
    }
}
