using Marketplace.Gateway.Errors;
using Marketplace.Modules.Media.Contracts;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Media;

/// <summary>The codes of the media mutations' userErrors and of a failed asset: <c>MediaErrorCode</c> and <c>MediaUserError</c>.</summary>
internal sealed class MediaErrors : IErrorCodeArea
{
    public static string Prefix => "Media";

    public static IReadOnlyList<Type> CodeClasses => [typeof(CommonErrorCodes), typeof(MediaErrorCodes)];
}
