using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.Errors;
using Marketplace.Modules.Users.Contracts.V1;

namespace Marketplace.Gateway.Users;

/// <summary>
/// What the sign-in, account and session mutations answer: a sign-in (tokens and the viewer), a yes/no result, or the
/// userErrors. Invalid input, broken rules and limits (with <c>retryAfterSeconds</c>) become userErrors through
/// <see cref="ContractCalls.PayloadAsync{TPayload}"/>; who may call stays a top-level error.
/// </summary>
internal sealed record AccountPayload(SignedIn? SignedIn, bool Success, int? ExpiresInSeconds, IReadOnlyList<UserError> UserErrors)
{
    /// <summary>A mutation that signs someone in.</summary>
    public static Task<AccountPayload> SignInAsync(Func<Task<SignedIn>> call) =>
        ContractCalls.PayloadAsync(async () => new AccountPayload(await call(), true, null, []), Failed);

    /// <summary>
    /// A mutation that answers yes or no (<c>success</c>, <c>unlocked</c>, <c>codeSent</c>); an unknown object named by
    /// the input field <paramref name="notFoundField"/> is a userError too.
    /// </summary>
    public static Task<AccountPayload> RunAsync(Func<Task<bool>> call, string? notFoundField = null) =>
        ContractCalls.PayloadAsync(async () => new AccountPayload(null, await call(), null, []), Failed, notFoundField);

    /// <summary><c>buyerLoginCodeRequest</c>: the code's lifetime.</summary>
    public static Task<AccountPayload> CodeSentAsync(Func<Task<int>> call) =>
        ContractCalls.PayloadAsync(async () => new AccountPayload(null, true, await call(), []), Failed);

    private static AccountPayload Failed(IReadOnlyList<UserError> errors) => new(null, false, null, errors);
}

/// <summary>Names an account mutation's input and payload types (<c>SellerLoginInput</c>, <c>SellerLoginPayload</c>).</summary>
internal interface IAccountMutation
{
    static abstract string TypePrefix { get; }

    /// <summary>What the mutation does, for its payload's description.</summary>
    static abstract string Purpose { get; }
}

internal sealed class BuyerLoginCodeVerify : IAccountMutation
{
    public static string TypePrefix => "BuyerLoginCodeVerify";

    public static string Purpose => "a buyer's sign-in with a texted code";
}

internal sealed class SellerRegister : IAccountMutation
{
    public static string TypePrefix => "SellerRegister";

    public static string Purpose => "a seller's registration";
}

internal sealed class SellerLogin : IAccountMutation
{
    public static string TypePrefix => "SellerLogin";

    public static string Purpose => "a password sign-in";
}

internal sealed class SessionRefresh : IAccountMutation
{
    public static string TypePrefix => "SessionRefresh";

    public static string Purpose => "trading a refresh token for new tokens";
}

internal sealed class SellerEmailVerify : IAccountMutation
{
    public static string TypePrefix => "SellerEmailVerify";

    public static string Purpose => "verifying a seller's email address";
}

internal sealed class SellerVerificationResend : IAccountMutation
{
    public static string TypePrefix => "SellerVerificationResend";

    public static string Purpose => "sending a new verification link";
}

internal sealed class PasswordResetRequest : IAccountMutation
{
    public static string TypePrefix => "PasswordResetRequest";

    public static string Purpose => "asking for a password reset link";
}

internal sealed class PasswordResetComplete : IAccountMutation
{
    public static string TypePrefix => "PasswordResetComplete";

    public static string Purpose => "setting a new password with a reset link";
}

internal sealed class SessionEnd : IAccountMutation
{
    public static string TypePrefix => "SessionEnd";

    public static string Purpose => "ending this request's session (signing out)";
}

internal sealed class SessionRevoke : IAccountMutation
{
    public static string TypePrefix => "SessionRevoke";

    public static string Purpose => "ending one of your sessions";
}
