using Marketplace.Gateway.Errors;
using Marketplace.Modules.Catalog.Contracts;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Catalog;

/// <summary>The codes of <c>catalogSearchReindexStart</c>'s userErrors: <c>CatalogSearchErrorCode</c> and <c>CatalogSearchUserError</c>.</summary>
internal sealed class CatalogSearchErrors : IErrorCodeArea
{
    public static string Prefix => "CatalogSearch";

    public static IReadOnlyList<Type> CodeClasses => [typeof(CommonErrorCodes), typeof(CatalogErrorCodes.Search)];
}
