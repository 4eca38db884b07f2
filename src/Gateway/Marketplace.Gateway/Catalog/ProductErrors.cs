using Marketplace.Gateway.Errors;
using Marketplace.Modules.Catalog.Contracts;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Catalog;

/// <summary>The codes of the product mutations' userErrors: <c>ProductErrorCode</c> and <c>ProductUserError</c>.</summary>
internal sealed class ProductErrors : IErrorCodeArea
{
    public static string Prefix => "Product";

    public static IReadOnlyList<Type> CodeClasses => [typeof(CommonErrorCodes), typeof(CatalogErrorCodes.Products)];
}
