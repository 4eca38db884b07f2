using GraphQL.Types;

namespace Marketplace.Gateway.Catalog;

internal sealed class ProductStatusType : EnumerationGraphType
{
    public ProductStatusType()
    {
        Name = "ProductStatus";
        Description = "Where a product is in its life: being prepared, for sale, or withdrawn.";
        Add("DRAFT", "DRAFT", "Being prepared; only its seller sees it.");
        Add("ACTIVE", "ACTIVE", "Published: buyers see it while its store is ACTIVE.");
        Add("ARCHIVED", "ARCHIVED", "No longer sold or found; its seller may publish it again.");
    }
}
