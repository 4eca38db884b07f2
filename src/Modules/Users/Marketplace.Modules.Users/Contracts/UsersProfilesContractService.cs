using Grpc.Core;
using Marketplace.Modules.Users.Addresses;
using Marketplace.Modules.Users.Auth;
using Address = Marketplace.Modules.Users.Contracts.V1.Address;
using Marketplace.Modules.Users.Contracts.V1;
using Marketplace.Modules.Users.Profiles;
using Marketplace.Shared.Contracts;

namespace Marketplace.Modules.Users.Contracts;

/// <summary>Profiles and address books. Each method works on the caller's own data only (or, for modules, the named owner's).</summary>
internal sealed class UsersProfilesContractService(ProfileEditor profiles, AddressBook addresses, SessionService sessions) : UsersProfiles.UsersProfilesBase
{
    public override async Task<UpdateProfileResponse> UpdateProfile(UpdateProfileRequest request, ServerCallContext context) =>
        await profiles.UpdateAsync(await SignedInAsync(context, buyerOnly: false), request, context.CancellationToken);

    public override async Task<UserProfile> ConfirmPhoneChange(ConfirmPhoneChangeRequest request, ServerCallContext context) =>
        await profiles.ConfirmPhoneChangeAsync(await SignedInAsync(context, buyerOnly: true), request.Code, context.CancellationToken);

    public override async Task<ListAddressesResponse> ListAddresses(ListAddressesRequest request, ServerCallContext context) =>
        await addresses.ListAsync(await SignedInAsync(context, buyerOnly: true), request.First, request.After, context.CancellationToken);

    public override async Task<Address> CreateAddress(CreateAddressRequest request, ServerCallContext context) =>
        await addresses.CreateAsync(await SignedInAsync(context, buyerOnly: true), request.Address, context.CancellationToken);

    public override async Task<Address> UpdateAddress(UpdateAddressRequest request, ServerCallContext context) =>
        await addresses.UpdateAsync(await SignedInAsync(context, buyerOnly: true), request.Id, request.Address, context.CancellationToken);

    public override async Task<DeleteAddressResponse> DeleteAddress(DeleteAddressRequest request, ServerCallContext context)
    {
        await addresses.DeleteAsync(await SignedInAsync(context, buyerOnly: true), request.Id, context.CancellationToken);
        return new DeleteAddressResponse { DeletedAddressId = request.Id };
    }

    public override async Task<Address> SetDefaultAddress(SetDefaultAddressRequest request, ServerCallContext context) =>
        await addresses.SetDefaultAsync(await SignedInAsync(context, buyerOnly: true), request.Id, context.CancellationToken);

    public override async Task<Address> GetAddress(GetAddressRequest request, ServerCallContext context)
    {
        var caller = CallContext.Current.Caller;
        Guid owner;
        if (caller.Kind == CallerKind.Service)
        {
            // A module (e.g. Ordering at checkout) acts for a buyer it names; it gets that buyer's address or nothing.
            if (!Guid.TryParse(request.OwnerUserId, out owner))
                throw ContractError.NotFound("ADDRESS_NOT_FOUND", "No such address.");
        }
        else
        {
            owner = await SignedInAsync(context, buyerOnly: true);
        }

        return await addresses.GetAsync(owner, request.Id, context.CancellationToken);
    }

    private async Task<Guid> SignedInAsync(ServerCallContext context, bool buyerOnly)
    {
        var caller = CallContext.Current.Caller;
        if (caller.Kind != CallerKind.User || !Guid.TryParse(caller.Id, out var userId))
            throw ContractError.Unauthenticated("SIGN_IN_REQUIRED", "Sign in first.");
        if (!Guid.TryParse(caller.SessionId, out var sessionId) || await sessions.FindLiveAsync(sessionId, context.CancellationToken) is not { } session || session.UserId != userId)
            throw ContractError.Unauthenticated("SESSION_ENDED", "This session has ended; sign in again.");
        if (buyerOnly && !caller.IsInRole(Roles.Buyer))
            throw ContractError.PermissionDenied("BUYERS_ONLY", "Address books belong to buyers.");
        return userId;
    }
}
