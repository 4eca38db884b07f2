using GraphQL;
using GraphQL.Types;
using Marketplace.Gateway.Auth;
using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.Errors;
using Marketplace.Gateway.Schema;
using Marketplace.Modules.Sellers.Contracts.V1;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Sellers;

/// <summary><c>storeCreate</c> and <c>storeUpdate</c>.</summary>
internal sealed class StoreMutations : ISchemaContribution
{
    public void ConfigureMutation(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<StorePayloadType<StoreCreate>>>("storeCreate")
            .Description("Sellers with a verified email: opens a store (ACTIVE); a seller runs at most 10. The slug is generated from the name when omitted.")
            .Argument<NonNullGraphType<StoreCreateInputType>>("input", "What to change.")
            .RequireRoles(Roles.Seller)
            .ResolveAsync(async c => await StorePayload.RunAsync(async () =>
            {
                var input = c.Input();
                var request = new CreateStoreRequest
                {
                    Name = input.Text("name"),
                    Slug = input.Text("slug"),
                    Description = input.Text("description"),
                    ContactEmail = input.Text("contactEmail"),
                    ContactPhone = input.Text("contactPhone"),
                    Address = input.Text("address"),
                    Location = input.GeoPoint("location"),
                    ServiceRadiusKm = input.Number("serviceRadiusKm") ?? 0,
                    Logo = MediaReferenceType.FromInput(input.Text("logo")),
                    Banner = MediaReferenceType.FromInput(input.Text("banner")),
                    Categories = { input.Strings("categories") ?? [] },
                    OpeningHours = { StoreInputs.Intervals(input) ?? [] },
                };
                return await SellersArea.Stores(c).CreateStoreAsync(request, cancellationToken: c.CancellationToken);
            }));

        mutation.Field<NonNullGraphType<StorePayloadType<StoreUpdate>>>("storeUpdate")
            .Description("The store's seller changes some of its fields. Absent fields stay as they are; null or empty clears "
                + "description, categories, openingHours, logo and banner, and leaves the fields that cannot be empty unchanged. "
                + "Another seller's store: FORBIDDEN.")
            .Argument<NonNullGraphType<StoreUpdateInputType>>("input", "What to change.")
            .RequireRoles(Roles.Seller)
            .ResolveAsync(async c => await StorePayload.RunAsync(async () =>
            {
                var input = c.Input();
                var request = new UpdateStoreRequest { Id = input.RequiredId("id", SellersArea.StoreTypeName) };
                if (input.OptionalText("name") is { } name)
                    request.Name = name;
                if (input.OptionalText("slug") is { } slug)
                    request.Slug = slug;
                if (input.OptionalText("contactEmail") is { } email)
                    request.ContactEmail = email;
                if (input.OptionalText("contactPhone") is { } phone)
                    request.ContactPhone = phone;
                if (input.OptionalText("address") is { } address)
                    request.Address = address;
                if (input.GeoPoint("location") is { } location)
                    request.Location = location;
                if (input.Number("serviceRadiusKm") is { } radius)
                    request.ServiceRadiusKm = radius;
                if (input.Has("description"))
                    request.Description = input.Text("description");
                if (input.Has("logo"))
                    request.Logo = MediaReferenceType.FromInput(input.Text("logo"));
                if (input.Has("banner"))
                    request.Banner = MediaReferenceType.FromInput(input.Text("banner"));
                if (input.Has("categories"))
                    request.Categories = new CategoryList { Values = { input.Strings("categories") ?? [] } };
                if (input.Has("openingHours"))
                    request.OpeningHours = new OpeningHours { Intervals = { StoreInputs.Intervals(input) ?? [] } };
                if (input.WholeNumber("expectedVersion") is { } expected)
                    request.ExpectedVersion = expected;
                return await SellersArea.Stores(c).UpdateStoreAsync(request, cancellationToken: c.CancellationToken);
            }));
    }
}
