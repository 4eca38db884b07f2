using GraphQL;
using GraphQL.Types;
using Marketplace.Gateway.Auth;
using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.Relay;
using Marketplace.Gateway.Schema;
using Marketplace.Modules.Users.Contracts.V1;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Users;

/// <summary>
/// Buyers' address books: <c>addressCreate</c>, <c>addressUpdate</c>, <c>addressSetDefault</c>, <c>addressDelete</c>.
/// The Users module scopes every address to its owner: another buyer's address is <c>ADDRESS_NOT_FOUND</c>.
/// </summary>
internal sealed class AddressMutations : ISchemaContribution
{
    public void ConfigureMutation(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<AddressPayloadType<AddressCreate>>>("addressCreate")
            .Description("Buyers: adds an address to your address book (at most 20; the first becomes the default).")
            .Argument<NonNullGraphType<AddressCreateInputType>>("input", "The new address.")
            .RequireRoles(Roles.Buyer)
            .ResolveAsync(async c => await AddressPayload.RunAsync(async () =>
                await UsersArea.Profiles(c).CreateAddressAsync(new CreateAddressRequest { Address = AddressInputType.Read(c.Input()) }, cancellationToken: c.CancellationToken)));

        mutation.Field<NonNullGraphType<AddressPayloadType<AddressUpdate>>>("addressUpdate")
            .Description("Buyers: replaces the fields of one of your addresses.")
            .Argument<NonNullGraphType<AddressUpdateInputType>>("input", "The address and its new fields.")
            .RequireRoles(Roles.Buyer)
            .ResolveAsync(async c => await AddressPayload.RunAsync(async () =>
            {
                var input = c.Input();
                var request = new UpdateAddressRequest { Id = input.RequiredId("id", UsersArea.AddressTypeName), Address = AddressInputType.Read(input) };
                return await UsersArea.Profiles(c).UpdateAddressAsync(request, cancellationToken: c.CancellationToken);
            }));

        mutation.Field<NonNullGraphType<AddressPayloadType<AddressSetDefault>>>("addressSetDefault")
            .Description("Buyers: makes one of your addresses the default (the old default stops being one).")
            .Argument<NonNullGraphType<AddressIdInputType<AddressSetDefault>>>("input", "The address.")
            .RequireRoles(Roles.Buyer)
            .ResolveAsync(async c => await AddressPayload.RunAsync(async () =>
            {
                var request = new SetDefaultAddressRequest { Id = c.Input().RequiredId("id", UsersArea.AddressTypeName) };
                return await UsersArea.Profiles(c).SetDefaultAddressAsync(request, cancellationToken: c.CancellationToken);
            }));

        mutation.Field<NonNullGraphType<AddressDeletePayloadType>>("addressDelete")
            .Description("Buyers: removes one of your addresses; deleting the default makes the oldest remaining address the default.")
            .Argument<NonNullGraphType<AddressIdInputType<AddressDelete>>>("input", "The address.")
            .RequireRoles(Roles.Buyer)
            .ResolveAsync(async c => await AddressPayload.DeleteAsync(async () =>
            {
                var request = new DeleteAddressRequest { Id = c.Input().RequiredId("id", UsersArea.AddressTypeName) };
                var answer = await UsersArea.Profiles(c).DeleteAddressAsync(request, cancellationToken: c.CancellationToken);
                return GlobalId.Encode(UsersArea.AddressTypeName, answer.DeletedAddressId);
            }));
    }
}
