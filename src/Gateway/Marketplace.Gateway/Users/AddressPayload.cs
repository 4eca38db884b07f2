using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.Errors;
using Marketplace.Modules.Users.Contracts.V1;

namespace Marketplace.Gateway.Users;

/// <summary>What every address mutation answers: the address after the change (or the deleted id), or the userErrors.</summary>
internal sealed record AddressPayload(Address? Address, string? DeletedAddressId, IReadOnlyList<UserError> UserErrors)
{
    /// <summary>
    /// Runs an address mutation: invalid input, the book's bound and an address that is not yours
    /// (<c>ADDRESS_NOT_FOUND</c> on <c>id</c>) become userErrors; a malformed id or one of another type is
    /// <c>INVALID_ID</c>.
    /// </summary>
    public static Task<AddressPayload> RunAsync(Func<Task<Address>> call) =>
        ContractCalls.PayloadAsync(async () => new AddressPayload(await call(), null, []), Failed, notFoundField: "id");

    public static Task<AddressPayload> DeleteAsync(Func<Task<string>> call) =>
        ContractCalls.PayloadAsync(async () => new AddressPayload(null, await call(), []), Failed, notFoundField: "id");

    private static AddressPayload Failed(IReadOnlyList<UserError> errors) => new(null, null, errors);
}

/// <summary>Names an address mutation's input and payload types (<c>AddressCreateInput</c>, <c>AddressCreatePayload</c>).</summary>
internal interface IAddressMutation
{
    static abstract string TypePrefix { get; }
}

internal sealed class AddressCreate : IAddressMutation
{
    public static string TypePrefix => "AddressCreate";
}

internal sealed class AddressUpdate : IAddressMutation
{
    public static string TypePrefix => "AddressUpdate";
}

internal sealed class AddressSetDefault : IAddressMutation
{
    public static string TypePrefix => "AddressSetDefault";
}

internal sealed class AddressDelete : IAddressMutation
{
    public static string TypePrefix => "AddressDelete";
}
