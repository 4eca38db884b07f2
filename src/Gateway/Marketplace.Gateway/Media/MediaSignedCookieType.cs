using GraphQL.Types;
using Marketplace.Modules.Media.Contracts.V1;

namespace Marketplace.Gateway.Media;

internal sealed class MediaSignedCookieType : ObjectGraphType<SignedCookie>
{
    public MediaSignedCookieType()
    {
        Name = "MediaSignedCookie";
        Description = "A CloudFront signed cookie (CloudFront-Policy, CloudFront-Signature, CloudFront-Key-Pair-Id).";
        Field<NonNullGraphType<StringGraphType>>("name").Description("The cookie's name.").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<StringGraphType>>("value").Description("The cookie's value.").Resolve(c => c.Source.Value);
    }
}
