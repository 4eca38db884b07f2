using Marketplace.Modules.Users.Auth;
using Marketplace.Modules.Users.Domain;
using Mediator;

namespace Marketplace.Modules.Users.Profiles.ConfirmPhoneChange;

/// <summary>The signed-in buyer confirms their pending phone with the code texted to it.</summary>
internal sealed record ConfirmPhoneChangeCommand(SignedInUser Buyer, string Code) : ICommand<Outcome<User>>;
