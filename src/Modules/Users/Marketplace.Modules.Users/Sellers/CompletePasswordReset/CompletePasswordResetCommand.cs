using Mediator;

namespace Marketplace.Modules.Users.Sellers.CompletePasswordReset;

/// <summary>Anyone holding the emailed reset link sets a new password.</summary>
internal sealed record CompletePasswordResetCommand(string Token, string NewPassword) : ICommand<Unit>;
