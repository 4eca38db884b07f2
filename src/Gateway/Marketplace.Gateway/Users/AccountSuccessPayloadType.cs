using GraphQL.Types;
using Marketplace.Gateway.Errors;

namespace Marketplace.Gateway.Users;

/// <summary><c>SellerEmailVerifyPayload</c>, <c>SessionEndPayload</c>, …: whether it worked, or userErrors.</summary>
internal sealed class AccountSuccessPayloadType<TMutation> : ObjectGraphType<AccountPayload>
    where TMutation : IAccountMutation
{
    public AccountSuccessPayloadType()
    {
        Name = TMutation.TypePrefix + "Payload";
        Description = $"The result of {TMutation.Purpose}.";
        Field<NonNullGraphType<BooleanGraphType>>("success").Description("True when it was done; false with userErrors otherwise.").Resolve(c => c.Source.Success);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AreaUserErrorType<AccountErrors>>>>>("userErrors")
            .Description("Why nothing was done; empty on success.")
            .Resolve(c => c.Source.UserErrors);
    }
}
