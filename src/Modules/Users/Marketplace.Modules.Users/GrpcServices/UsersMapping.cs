using Marketplace.Modules.Users.Auth;
using Marketplace.Modules.Users.Domain;
using Marketplace.Modules.Users.Sms;
using Marketplace.Shared.Contracts;
using GeoPoint = Marketplace.Shared.Contracts.V1.GeoPoint;
using V1 = Marketplace.Modules.Users.Contracts.V1;

namespace Marketplace.Modules.Users.GrpcServices;

/// <summary>What the use cases return, as the contract's messages.</summary>
internal static class UsersMapping
{
    /// <summary>The contract's view of a user; email and phone only for the user themselves.</summary>
    public static V1.UserProfile ToContract(this User user, bool includePrivate) => new()
    {
        Id = user.Id.ToString(),
        Roles = { user.Role },
        DisplayName = user.DisplayName,
        Email = includePrivate ? user.Email ?? "" : "",
        Phone = includePrivate ? user.Phone ?? "" : "",
        EmailVerified = user.EmailVerifiedAt is not null,
        Avatar = user.Avatar ?? "",
        CreatedAt = Timestamps.Format(user.CreatedAt),
    };

    public static V1.SignedIn ToContract(this SignedInSession signedIn) => new()
    {
        AccessToken = signedIn.AccessToken,
        AccessTokenExpiresInSeconds = (int)signedIn.AccessTokenLifetime.TotalSeconds,
        RefreshToken = signedIn.RefreshToken,
        SessionId = signedIn.Session.Id.ToString(),
        User = signedIn.User.ToContract(includePrivate: true),
    };

    public static V1.SessionInfo ToContract(this Session session, Guid? current) => new()
    {
        Id = session.Id.ToString(),
        Device = session.Device,
        Ip = session.Ip,
        CreatedAt = Timestamps.Format(session.CreatedAt),
        LastUsedAt = Timestamps.Format(session.LastUsedAt),
        Current = session.Id == current,
    };

    public static V1.Address ToContract(this Addresses.Address address) => new()
    {
        Id = address.Id.ToString(),
        OwnerUserId = address.UserId.ToString(),
        IsDefault = address.IsDefault,
        CreatedAt = Timestamps.Format(address.CreatedAt),
        UpdatedAt = Timestamps.Format(address.UpdatedAt),
        Fields = new V1.AddressFields
        {
            Label = address.Label,
            Recipient = address.Recipient,
            Phone = address.Phone,
            Lines = { address.Lines },
            City = address.City,
            Region = address.Region,
            PostalCode = address.PostalCode,
            Country = address.Country,
            Location = address is { Latitude: { } lat, Longitude: { } lng } ? new GeoPoint { Latitude = lat, Longitude = lng } : null,
        },
    };

    public static V1.DevelopmentSms ToContract(this DevelopmentSmsMessage message) =>
        new() { To = message.To, Body = message.Body, SentAt = Timestamps.Format(message.SentAt) };
}
