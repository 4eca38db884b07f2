using Grpc.Core;
using Marketplace.Shared.Contracts;
using Codes = Marketplace.Modules.Catalog.Contracts.CatalogErrorCodes.Taxonomy;

namespace Marketplace.Modules.Catalog.Taxonomy;

/// <summary>Category ids in requests, and the errors of the taxonomy's use cases.</summary>
internal static class CategoryRows
{
    /// <summary>A category id as text: anything that is not a UUID names no category.</summary>
    public static Guid ParseId(string id) => Guid.TryParse(id, out var categoryId) ? categoryId : throw NotFound();

    public static RpcException NotFound() => ContractError.NotFound(Codes.CategoryNotFound, "There is no category with this id.");

    public static RpcException SlugTaken() => Invalid("slug", Codes.SlugTaken, "Another category uses this slug; choose another.");

    public static RpcException UnknownParent() => Invalid("parentId", Codes.UnknownCategory, "There is no category with this id.");

    public static RpcException TooDeep() => Invalid("parentId", Codes.TooDeep, $"The tree is at most {Domain.CatalogRules.MaxCategoryDepth} levels deep.");

    /// <summary>One field of the request at fault: an InvalidArgument whose reason is the field's code.</summary>
    public static RpcException Invalid(string field, string code, string message) =>
        ContractError.InvalidArgument(code, message, [new FieldViolation(field, message, code)]);
}
