using Marketplace.Gateway.Errors;
using Marketplace.Modules.Catalog.Contracts;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Catalog;

/// <summary>The codes of the category mutations' userErrors: <c>CategoryErrorCode</c> and <c>CategoryUserError</c>.</summary>
internal sealed class CategoryErrors : IErrorCodeArea
{
    public static string Prefix => "Category";

    public static IReadOnlyList<Type> CodeClasses => [typeof(CommonErrorCodes), typeof(CatalogErrorCodes.Taxonomy)];
}
