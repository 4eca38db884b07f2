using Mediator;

namespace Marketplace.Modules.Users.Sellers.VerifySellerEmail;

/// <summary>Anyone holding the emailed link proves the address; answers the account's id.</summary>
internal sealed record VerifySellerEmailCommand(string Token) : ICommand<Guid>;
