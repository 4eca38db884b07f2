using GraphQL;
using GraphQL.Types;
using Marketplace.Gateway.Auth;
using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.Execution;
using Marketplace.Gateway.Relay;
using Marketplace.Gateway.Schema;
using Marketplace.Modules.Users.Contracts.V1;
using Marketplace.Shared.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Gateway.Users;

/// <summary>
/// The buyer's address book (<c>viewer.addresses</c>, <c>address*</c> mutations) and profile changes. The Users
/// module scopes every address to its owner: another buyer's address id answers ADDRESS_NOT_FOUND.
/// </summary>
internal sealed class AddressesContribution : ISchemaContribution
{
    public const string AddressTypeName = "Address";

    public void ConfigureMutation(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<AddressPayloadType<AddressCreateMarker>>>("addressCreate")
            .Description("Adds an address to your address book (the first becomes the default).")
            .Argument<NonNullGraphType<AddressCreateInputType>>("input")
            .RequireRoles(Roles.Buyer)
            .ResolveAsync(async c => await AddressCall(c, async input =>
                await Profiles(c).CreateAddressAsync(new CreateAddressRequest { Address = AddressInputType.ToFields(input["address"]) }, cancellationToken: c.CancellationToken)));

        mutation.Field<NonNullGraphType<AddressPayloadType<AddressUpdateMarker>>>("addressUpdate")
            .Description("Replaces an address's fields.")
            .Argument<NonNullGraphType<AddressUpdateInputType>>("input")
            .RequireRoles(Roles.Buyer)
            .ResolveAsync(async c => await AddressCall(c, async input =>
                await Profiles(c).UpdateAddressAsync(new UpdateAddressRequest { Id = AddressId(input), Address = AddressInputType.ToFields(input["address"]) }, cancellationToken: c.CancellationToken)));

        mutation.Field<NonNullGraphType<AddressPayloadType<AddressSetDefaultMarker>>>("addressSetDefault")
            .Description("Makes an address your default.")
            .Argument<NonNullGraphType<AddressIdInputType<AddressSetDefaultMarker>>>("input")
            .RequireRoles(Roles.Buyer)
            .ResolveAsync(async c => await AddressCall(c, async input =>
                await Profiles(c).SetDefaultAddressAsync(new SetDefaultAddressRequest { Id = AddressId(input) }, cancellationToken: c.CancellationToken)));

        mutation.Field<NonNullGraphType<AddressDeletePayloadType>>("addressDelete")
            .Description("Removes an address from your address book.")
            .Argument<NonNullGraphType<AddressIdInputType<AddressDeleteMarker>>>("input")
            .RequireRoles(Roles.Buyer)
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<Dictionary<string, object?>>("input");
                return await UserErrors.CatchAsync(
                    async () =>
                    {
                        await Profiles(c).DeleteAddressAsync(new DeleteAddressRequest { Id = AddressId(input) }, cancellationToken: c.CancellationToken);
                        return new AddressPayload(null, [], input["id"]?.ToString());
                    },
                    errors => new AddressPayload(null, errors));
            });

        mutation.Field<NonNullGraphType<ProfileUpdatePayloadType>>("profileUpdate")
            .Description("Changes your profile. A new phone waits for the code texted to it (profilePhoneConfirm); a new email must be verified again.")
            .Argument<NonNullGraphType<ProfileUpdateInputType>>("input")
            .RequireSignedIn()
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<Dictionary<string, object?>>("input");
                var request = new UpdateProfileRequest { Client = UsersContribution.ClientOf(c) };
                if (input.TryGetValue("displayName", out var name) && name is not null)
                    request.DisplayName = name.ToString();
                if (input.TryGetValue("avatarMediaId", out var avatar))
                    request.AvatarMediaId = avatar?.ToString() ?? "";
                if (input.TryGetValue("email", out var email) && email is not null)
                    request.Email = email.ToString();
                if (input.TryGetValue("phone", out var phone) && phone is not null)
                    request.Phone = phone.ToString();
                return await UserErrors.CatchAsync(
                    async () =>
                    {
                        var answer = await Profiles(c).UpdateProfileAsync(request, cancellationToken: c.CancellationToken);
                        return new ProfilePayload(new ViewerSource(c.GetCaller(), answer.Profile), answer.PhoneCodeSent, answer.EmailVerificationSent, []);
                    },
                    errors => new ProfilePayload(null, false, false, errors));
            });

        mutation.Field<NonNullGraphType<ProfilePhoneConfirmPayloadType>>("profilePhoneConfirm")
            .Description("Confirms a phone change with the code texted to the new phone.")
            .Argument<NonNullGraphType<ProfilePhoneConfirmInputType>>("input")
            .RequireRoles(Roles.Buyer)
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<Dictionary<string, object?>>("input");
                return await UserErrors.CatchAsync(
                    async () =>
                    {
                        var profile = await Profiles(c).ConfirmPhoneChangeAsync(new ConfirmPhoneChangeRequest { Code = input["code"]?.ToString() ?? "" }, cancellationToken: c.CancellationToken);
                        return new ProfilePayload(new ViewerSource(c.GetCaller(), profile), false, false, []);
                    },
                    errors => new ProfilePayload(null, false, false, errors));
            });
    }

    public static UsersProfiles.UsersProfilesClient Profiles(IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<UsersProfiles.UsersProfilesClient>();

    private static string AddressId(IDictionary<string, object?> input) =>
        GlobalId.TryDecode(input["id"]?.ToString(), out var type, out var id) && type == AddressTypeName ? id : "";

    private static async Task<object?> AddressCall(IResolveFieldContext context, Func<IDictionary<string, object?>, Task<Address>> call)
    {
        var input = context.GetArgument<Dictionary<string, object?>>("input");
        return await UserErrors.CatchAsync(
            async () => new AddressPayload(await call(input), []),
            errors => new AddressPayload(null, errors));
    }
}

internal sealed record AddressPayload(Address? Address, IReadOnlyList<UserError> UserErrors, string? DeletedAddressId = null);

internal sealed record ProfilePayload(ViewerSource? Viewer, bool PhoneCodeSent, bool EmailVerificationSent, IReadOnlyList<UserError> UserErrors);

internal sealed class AddressCreateMarker;

internal sealed class AddressUpdateMarker;

internal sealed class AddressSetDefaultMarker;

internal sealed class AddressDeleteMarker;

internal sealed class AddressType : ObjectGraphType<Address>
{
    public AddressType()
    {
        Name = AddressesContribution.AddressTypeName;
        Description = "A delivery address in a buyer's address book.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(AddressesContribution.AddressTypeName, c.Source.Id));
        Field<StringGraphType>("label").Description("E.g. Home, Work.").Resolve(c => Null(c.Source.Fields.Label));
        Field<NonNullGraphType<StringGraphType>>("recipient").Resolve(c => c.Source.Fields.Recipient);
        Field<StringGraphType>("phone").Description("E.164.").Resolve(c => Null(c.Source.Fields.Phone));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("lines").Resolve(c => c.Source.Fields.Lines.ToList());
        Field<NonNullGraphType<StringGraphType>>("city").Resolve(c => c.Source.Fields.City);
        Field<StringGraphType>("region").Resolve(c => Null(c.Source.Fields.Region));
        Field<StringGraphType>("postalCode").Resolve(c => Null(c.Source.Fields.PostalCode));
        Field<NonNullGraphType<StringGraphType>>("country").Description("ISO 3166-1 alpha-2.").Resolve(c => c.Source.Fields.Country);
        Field<GeoPointType>("location").Resolve(c => c.Source.Fields.Location is { } point ? new Marketplace.Shared.Contracts.V1.GeoPoint { Latitude = point.Latitude, Longitude = point.Longitude } : null);
        Field<NonNullGraphType<BooleanGraphType>>("isDefault").Resolve(c => c.Source.IsDefault);
    }

    private static string? Null(string value) => value.Length == 0 ? null : value;
}

internal sealed class AddressInputType : InputObjectGraphType
{
    public AddressInputType()
    {
        Name = "AddressInput";
        Field<StringGraphType>("label");
        Field<NonNullGraphType<StringGraphType>>("recipient");
        Field<StringGraphType>("phone").Description("With country code.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("lines").Description("1 to 3 lines.");
        Field<NonNullGraphType<StringGraphType>>("city");
        Field<StringGraphType>("region");
        Field<StringGraphType>("postalCode");
        Field<NonNullGraphType<StringGraphType>>("country").Description("ISO 3166-1 alpha-2, e.g. GB.");
        Field<GeoPointInputType>("location");
    }

    public static AddressFields ToFields(object? value)
    {
        var input = value as IDictionary<string, object?> ?? new Dictionary<string, object?>();
        var fields = new AddressFields
        {
            Label = input.Text("label"),
            Recipient = input.Text("recipient"),
            Phone = input.Text("phone"),
            City = input.Text("city"),
            Region = input.Text("region"),
            PostalCode = input.Text("postalCode"),
            Country = input.Text("country"),
        };
        if (input.TryGetValue("lines", out var lines) && lines is IEnumerable<object?> list)
            fields.Lines.AddRange(list.Select(l => l?.ToString() ?? ""));
        if (input.TryGetValue("location", out var location) && location is IDictionary<string, object?> point)
            fields.Location = new GeoPoint { Latitude = Convert.ToDouble(point["latitude"], System.Globalization.CultureInfo.InvariantCulture), Longitude = Convert.ToDouble(point["longitude"], System.Globalization.CultureInfo.InvariantCulture) };
        return fields;
    }
}

internal sealed class AddressCreateInputType : InputObjectGraphType
{
    public AddressCreateInputType()
    {
        Name = "AddressCreateInput";
        Field<NonNullGraphType<AddressInputType>>("address");
    }
}

internal sealed class AddressUpdateInputType : InputObjectGraphType
{
    public AddressUpdateInputType()
    {
        Name = "AddressUpdateInput";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<NonNullGraphType<AddressInputType>>("address");
    }
}

internal sealed class AddressIdInputType<TMarker> : InputObjectGraphType
{
    public AddressIdInputType()
    {
        Name = typeof(TMarker) == typeof(AddressDeleteMarker) ? "AddressDeleteInput" : "AddressSetDefaultInput";
        Field<NonNullGraphType<IdGraphType>>("id");
    }
}

internal sealed class AddressPayloadType<TMarker> : ObjectGraphType<AddressPayload>
{
    public AddressPayloadType()
    {
        Name = typeof(TMarker).Name.Replace("Marker", "Payload", StringComparison.Ordinal);
        Field<AddressType>("address").Resolve(c => c.Source.Address);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("userErrors").Resolve(c => c.Source.UserErrors);
    }
}

internal sealed class AddressDeletePayloadType : ObjectGraphType<AddressPayload>
{
    public AddressDeletePayloadType()
    {
        Name = "AddressDeletePayload";
        Field<IdGraphType>("deletedAddressId").Resolve(c => c.Source.DeletedAddressId);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("userErrors").Resolve(c => c.Source.UserErrors);
    }
}

internal sealed class ProfileUpdateInputType : InputObjectGraphType
{
    public ProfileUpdateInputType()
    {
        Name = "ProfileUpdateInput";
        Description = "Only the fields given change.";
        Field<StringGraphType>("displayName");
        Field<IdGraphType>("avatarMediaId").Description("A media reference from an upload; empty string clears it.");
        Field<StringGraphType>("email").Description("Sellers: the new address must be verified again.");
        Field<StringGraphType>("phone").Description("Buyers: a code is texted to the new phone; confirm with profilePhoneConfirm.");
    }
}

internal sealed class ProfilePhoneConfirmInputType : InputObjectGraphType
{
    public ProfilePhoneConfirmInputType()
    {
        Name = "ProfilePhoneConfirmInput";
        Field<NonNullGraphType<StringGraphType>>("code");
    }
}

internal sealed class ProfileUpdatePayloadType : ObjectGraphType<ProfilePayload>
{
    public ProfileUpdatePayloadType()
    {
        Name = "ProfileUpdatePayload";
        Field<ViewerType>("viewer").Resolve(c => c.Source.Viewer);
        Field<NonNullGraphType<BooleanGraphType>>("phoneCodeSent").Description("A code went to the new phone; the phone changes once it is confirmed.").Resolve(c => c.Source.PhoneCodeSent);
        Field<NonNullGraphType<BooleanGraphType>>("emailVerificationSent").Resolve(c => c.Source.EmailVerificationSent);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("userErrors").Resolve(c => c.Source.UserErrors);
    }
}

internal sealed class ProfilePhoneConfirmPayloadType : ObjectGraphType<ProfilePayload>
{
    public ProfilePhoneConfirmPayloadType()
    {
        Name = "ProfilePhoneConfirmPayload";
        Field<ViewerType>("viewer").Resolve(c => c.Source.Viewer);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("userErrors").Resolve(c => c.Source.UserErrors);
    }
}
