using GraphQL.Types;

namespace Marketplace.Gateway.Catalog;

internal sealed class CatalogSearchReindexStatusType : EnumerationGraphType
{
    public CatalogSearchReindexStatusType()
    {
        Name = "CatalogSearchReindexStatus";
        Description = "Where a rebuild of the product search projection is.";
        Add("REQUESTED", "REQUESTED", "Waiting for its first step.");
        Add("RUNNING", "RUNNING", "Batches are filling the shadow table; search answers from the current rows.");
        Add("COMPLETED", "COMPLETED", "Swapped in: search answers from the rebuilt rows.");
        Add("ABANDONED", "ABANDONED", "Made no progress for too long and was superseded by a newer request.");
    }
}
