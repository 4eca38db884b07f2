using Grpc.Core;
using Marketplace.Modules.Users.Addresses;
using Marketplace.Modules.Users.Addresses.CreateAddress;
using Marketplace.Modules.Users.Addresses.DeleteAddress;
using Marketplace.Modules.Users.Addresses.GetAddress;
using Marketplace.Modules.Users.Addresses.ListAddresses;
using Marketplace.Modules.Users.Addresses.SetDefaultAddress;
using Marketplace.Modules.Users.Addresses.UpdateAddress;
using Marketplace.Modules.Users.Auth;
using Marketplace.Modules.Users.Contracts.V1;
using Marketplace.Modules.Users.Profiles.ConfirmPhoneChange;
using Marketplace.Modules.Users.Profiles.UpdateProfile;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.Contracts.V1;
using Mediator;
using Address = Marketplace.Modules.Users.Contracts.V1.Address;

namespace Marketplace.Modules.Users.GrpcServices;

/// <summary>
/// The <c>UsersProfiles</c> contract: profiles and address books. Each method works on the caller's own data only (or,
/// for modules, the named owner's): it checks who is calling, sends one use case and maps its result.
/// </summary>
internal sealed class UsersProfilesGrpcService(ISender mediator) : UsersProfiles.UsersProfilesBase
{
    public override async Task<UpdateProfileResponse> UpdateProfile(UpdateProfileRequest request, ServerCallContext context)
    {
        var user = Callers.User();
        var change = await mediator.Send(UpdateProfileCommand.From(user, CallContext.Current.Caller.IsInRole(Roles.Buyer), request), context.CancellationToken);
        return new UpdateProfileResponse
        {
            Profile = change.User.ToContract(includePrivate: true),
            EmailVerificationSent = change.EmailVerificationSent,
            PhoneCodeSent = change.PhoneCodeSent,
        };
    }

    public override async Task<UserProfile> ConfirmPhoneChange(ConfirmPhoneChangeRequest request, ServerCallContext context)
    {
        var buyer = Callers.Buyer();
        return (await mediator.Send(new ConfirmPhoneChangeCommand(buyer, request.Code), context.CancellationToken)).OrThrow().ToContract(includePrivate: true);
    }

    public override async Task<ListAddressesResponse> ListAddresses(ListAddressesRequest request, ServerCallContext context)
    {
        var buyer = Callers.Buyer();
        var page = request.Page ?? new PageRequest();
        var result = await mediator.Send(new ListAddressesQuery(buyer, page.First, page.After), context.CancellationToken);
        return new ListAddressesResponse
        {
            Addresses = { result.Items.Select(a => a.ToContract()) },
            PageInfo = new PageInfo { HasNextPage = result.HasNextPage },
            TotalCount = result.TotalCount,
        };
    }

    public override async Task<Address> CreateAddress(CreateAddressRequest request, ServerCallContext context)
    {
        var buyer = Callers.Buyer();
        return (await mediator.Send(CreateAddressCommand.From(buyer, request), context.CancellationToken)).ToContract();
    }

    public override async Task<Address> UpdateAddress(UpdateAddressRequest request, ServerCallContext context)
    {
        var buyer = Callers.Buyer();
        return (await mediator.Send(UpdateAddressCommand.From(buyer, request), context.CancellationToken)).ToContract();
    }

    public override async Task<DeleteAddressResponse> DeleteAddress(DeleteAddressRequest request, ServerCallContext context)
    {
        var buyer = Callers.Buyer();
        var deleted = await mediator.Send(new DeleteAddressCommand(buyer, AddressRows.ParseId(request.Id)), context.CancellationToken);
        return new DeleteAddressResponse { DeletedAddressId = deleted.ToString() };
    }

    public override async Task<Address> SetDefaultAddress(SetDefaultAddressRequest request, ServerCallContext context)
    {
        var buyer = Callers.Buyer();
        return (await mediator.Send(new SetDefaultAddressCommand(buyer, AddressRows.ParseId(request.Id)), context.CancellationToken)).ToContract();
    }

    public override async Task<Address> GetAddress(GetAddressRequest request, ServerCallContext context)
    {
        GetAddressQuery query;
        if (CallContext.Current.Caller.Kind == CallerKind.Service)
        {
            // A module (e.g. Ordering at checkout) acts for a buyer it names; it gets that buyer's address or nothing.
            query = new GetAddressQuery(Guid.TryParse(request.OwnerUserId, out var owner) ? owner : throw AddressRows.NotFound(), AddressRows.ParseId(request.Id), null);
        }
        else
        {
            var buyer = Callers.Buyer();
            query = new GetAddressQuery(buyer.UserId, AddressRows.ParseId(request.Id), buyer);
        }

        return (await mediator.Send(query, context.CancellationToken)).ToContract();
    }
}
