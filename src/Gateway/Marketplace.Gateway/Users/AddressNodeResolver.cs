using GraphQL;
using Marketplace.Gateway.Errors;
using Marketplace.Gateway.Execution;
using Marketplace.Gateway.Relay;
using Marketplace.Modules.Users.Contracts.V1;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Users;

/// <summary><c>node(id:)</c> for addresses: as <c>viewer.addresses</c>, a buyer's own only (anything else is null).</summary>
internal sealed class AddressNodeResolver : INodeResolver
{
    public string TypeName => UsersArea.AddressTypeName;

    public Type ClrType => typeof(Address);

    public async Task<object?> ResolveAsync(string id, IResolveFieldContext context) =>
        context.GetCaller().IsInRole(Roles.Buyer)
            ? await ContractCalls.OrNullAsync(async () => await UsersArea.Profiles(context).GetAddressAsync(new GetAddressRequest { Id = id }, cancellationToken: context.CancellationToken))
            : null;
}
