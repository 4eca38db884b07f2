using GraphQL;
using Marketplace.Gateway.Relay;
using Marketplace.Gateway.Schema;
using Marketplace.Shared.Contracts;
using Marketplace.Modules.Users.Contracts.V1;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Gateway.Users;

/// <summary>
/// The Users area: <c>viewer</c> (profile, sessions, address book), sign-in and seller accounts (<c>buyerLoginCode*</c>,
/// <c>seller*</c>, <c>passwordReset*</c>, <c>session*</c>, <c>signInUnlock</c>), profiles (<c>profile*</c>) and address
/// books (<c>address*</c>), through the <c>UsersAuth</c> and <c>UsersProfiles</c> contracts, which authorize every call
/// again from the caller in its metadata. The gateway's token checks use <c>UsersSigningKeys</c> and
/// <c>UsersAuth.ValidateSession</c> (Auth/).
/// </summary>
internal sealed class UsersArea : IGatewayArea
{
    public const string ViewerTypeName = "Viewer";
    public const string SessionTypeName = "Session";
    public const string AddressTypeName = "Address";

    public void Register(IServiceCollection services)
    {
        services.AddContractClient<UsersSigningKeys.UsersSigningKeysClient>("Users");
        services.AddContractClient<UsersAuth.UsersAuthClient>("Users");
        services.AddContractClient<UsersProfiles.UsersProfilesClient>("Users");
        services.AddSchemaContribution<ViewerQueries>();
        services.AddSchemaContribution<SignInMutations>();
        services.AddSchemaContribution<SellerAccountMutations>();
        services.AddSchemaContribution<SessionMutations>();
        services.AddSchemaContribution<ProfileMutations>();
        services.AddSchemaContribution<AddressMutations>();
        services.AddNodeResolver<ViewerNodeResolver>();
        services.AddNodeResolver<SessionNodeResolver>();
        services.AddNodeResolver<AddressNodeResolver>();
        services.AddTransient<ConnectionType<AddressType, Address>>();
        services.AddTransient<EdgeType<AddressType, Address>>();
    }

    // Resolved per request, not at schema build: the schema never depends on how the contract is reached.
    public static UsersAuth.UsersAuthClient Auth(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<UsersAuth.UsersAuthClient>();

    public static UsersProfiles.UsersProfilesClient Profiles(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<UsersProfiles.UsersProfilesClient>();

    /// <summary>The client as the gateway saw it (address, User-Agent): facts the Users module counts limits by.</summary>
    public static ClientInfo ClientOf(IResolveFieldContext context)
    {
        var http = context.RequestServices?.GetService<IHttpContextAccessor>()?.HttpContext;
        var agent = http?.Request.Headers.UserAgent.ToString() ?? "";
        return new ClientInfo
        {
            Ip = http?.Connection.RemoteIpAddress?.ToString() ?? "",
            Device = agent.Length > 256 ? agent[..256] : agent,
        };
    }
}
