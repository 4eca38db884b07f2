using Marketplace.Modules.Users.Contracts.V1;

namespace Marketplace.Modules.Users.Auth;

/// <summary>
/// The client as the gateway saw it (address, User-Agent): facts, not claims, since only a trusted process calls
/// contracts. Limits are counted by the address; sessions record both.
/// </summary>
internal sealed record ClientFacts(string? Ip, string? Device)
{
    public static ClientFacts From(ClientInfo? client) =>
        new(string.IsNullOrEmpty(client?.Ip) ? null : client.Ip, string.IsNullOrEmpty(client?.Device) ? null : client.Device);
}
