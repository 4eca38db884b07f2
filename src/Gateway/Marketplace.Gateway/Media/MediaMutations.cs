using GraphQL.Types;
using Marketplace.Gateway.Auth;
using Marketplace.Gateway.Catalog;
using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.Schema;
using Marketplace.Gateway.Sellers;
using Marketplace.Modules.Media.Contracts.V1;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Media;

/// <summary><c>mediaUploadCreate</c> and <c>mediaUploadComplete</c>: sellers upload store and product media.</summary>
internal sealed class MediaMutations : ISchemaContribution
{
    public void ConfigureMutation(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<MediaUploadCreatePayloadType>>("mediaUploadCreate")
            .Description("Sellers: starts an upload for a store you run or a product of yours and answers where to send the bytes (a signed form, or "
                + "presigned parts for large videos). At most 120 uploads an hour; the form expires after 10 minutes.")
            .Argument<NonNullGraphType<MediaUploadCreateInputType>>("input", "The file you are about to upload.")
            .RequireRoles(Roles.Seller)
            .ResolveAsync(async c => await MediaUploadCreatePayload.RunAsync(async () =>
            {
                var input = c.Input();
                var request = new CreateUploadRequest
                {
                    Purpose = input.Text("purpose"),
                    ContentType = input.Text("contentType"),
                    ByteSize = input.WholeNumber("byteSize") ?? 0,
                    StoreId = input.Id("storeId", SellersArea.StoreTypeName) ?? "",
                    ProductId = input.Id("productId", CatalogArea.ProductTypeName) ?? "",
                };
                return await MediaArea.Assets(c).CreateUploadAsync(request, cancellationToken: c.CancellationToken);
            }));

        mutation.Field<NonNullGraphType<MediaUploadCompletePayloadType>>("mediaUploadComplete")
            .Description("The asset's seller: the bytes are sent; checks the file's size and type and queues processing. Calling it again "
                + "(or storage telling the marketplace first) changes nothing. A refused file is deleted and the asset FAILED.")
            .Argument<NonNullGraphType<MediaUploadCompleteInputType>>("input", "The upload whose bytes are sent.")
            .RequireRoles(Roles.Seller)
            .ResolveAsync(async c => await MediaUploadCompletePayload.RunAsync(async () =>
            {
                var input = c.Input();
                var request = new CompleteUploadRequest { AssetId = input.RequiredId("id", MediaArea.AssetTypeName) };
                foreach (var part in input.NestedList("parts") ?? [])
                    request.Parts.Add(new CompletedPart { PartNumber = (int)(part.WholeNumber("partNumber") ?? 0), Etag = part.Text("etag") });
                return await MediaArea.Assets(c).CompleteUploadAsync(request, cancellationToken: c.CancellationToken);
            }));
    }
}
