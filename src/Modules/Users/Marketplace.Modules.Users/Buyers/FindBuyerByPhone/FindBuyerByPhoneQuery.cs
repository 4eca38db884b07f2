using Marketplace.Modules.Users.Domain;
using Mediator;

namespace Marketplace.Modules.Users.Buyers.FindBuyerByPhone;

/// <summary>A module looks a buyer up by phone (any parseable form; the normaliser decides).</summary>
internal sealed record FindBuyerByPhoneQuery(string Phone) : IQuery<User?>;
