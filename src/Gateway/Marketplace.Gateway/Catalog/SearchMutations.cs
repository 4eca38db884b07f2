using GraphQL.Types;
using Marketplace.Gateway.Auth;
using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.Schema;
using Marketplace.Modules.Catalog.Contracts.V1;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Catalog;

/// <summary><c>catalogSearchReindexStart</c>, for administrators.</summary>
internal sealed class SearchMutations : ISchemaContribution
{
    public void ConfigureMutation(ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<CatalogSearchReindexStartPayloadType>>("catalogSearchReindexStart")
            .Description("Administrators: rebuilds the whole product search projection through JetStream in batches, while productsNear keeps answering from the current rows; "
                + "swapped in when done. While one runs, answers that one (started: false). Follow it with catalogSearchReindexStatus.")
            .Argument<CatalogSearchReindexStartInputType>("input", "How the rebuild runs; defaults when left out.")
            .RequireRoles(Roles.Admin)
            .ResolveAsync(async c => await CatalogSearchReindexStartPayload.RunAsync(async () =>
            {
                var request = new StartSearchReindexRequest { BatchSize = (int)(c.Input().WholeNumber("batchSize") ?? 0) };
                return await CatalogArea.Search(c).StartSearchReindexAsync(request, cancellationToken: c.CancellationToken);
            }));
}
