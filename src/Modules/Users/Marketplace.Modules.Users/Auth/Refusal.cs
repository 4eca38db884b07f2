using Grpc.Core;
using Marketplace.Modules.Users.Contracts;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.UseCases;

namespace Marketplace.Modules.Users.Auth;

/// <summary>
/// An expected failure a command <em>returns</em> instead of throwing. A command runs in one transaction that rolls back
/// when its handler throws; a sign-in attempt records facts before it can fail — the code's try, the failure counts, the
/// end of a session family whose refresh token was reused — and those must commit with the failure, or guessing would be
/// free. So such handlers answer <see cref="Outcome{T}"/>, the transaction commits, and the gRPC service throws
/// <see cref="ToException"/> afterwards.
/// </summary>
internal sealed record Refusal(StatusCode Status, string Reason, string Message, string? Field = null, TimeSpan? RetryAfter = null)
{
    public static Refusal CodeInvalid() =>
        new(StatusCode.InvalidArgument, UsersErrorCodes.CodeInvalid, "The code is wrong, expired or already used.", "code");

    public static Refusal SignInLocked() =>
        new(StatusCode.ResourceExhausted, UsersErrorCodes.SignInLocked,
            "Too many failed attempts: signing in this way is locked. Reset your password, or contact support to unlock it.");

    public static Refusal TooManyAttempts(TimeSpan wait) =>
        new(StatusCode.ResourceExhausted, UsersErrorCodes.TooManyAttempts, "Too many failed attempts from here; wait before trying again.", RetryAfter: wait);

    public static Refusal CredentialsInvalid() =>
        new(StatusCode.InvalidArgument, UsersErrorCodes.CredentialsInvalid,
            "The email or password is wrong, or the address is not verified yet (follow the link we emailed).", "password");

    public static Refusal RefreshTokenInvalid() =>
        new(StatusCode.InvalidArgument, UsersErrorCodes.RefreshTokenInvalid, "The refresh token is unknown, expired or its session has ended.", "refreshToken");

    public static Refusal RefreshTokenReused() =>
        new(StatusCode.InvalidArgument, UsersErrorCodes.RefreshTokenReused,
            "This refresh token was already used; the session has been ended. Sign in again.", "refreshToken");

    public RpcException ToException() => Status switch
    {
        StatusCode.InvalidArgument => ContractError.InvalidArgument(Reason, Message, Field is null ? null : [new FieldViolation(Field, Message, Reason)]),
        StatusCode.ResourceExhausted => ContractError.ResourceExhausted(Reason, Message, RetryAfter),
        StatusCode.FailedPrecondition => ContractError.FailedPrecondition(Reason, Message),
        StatusCode.AlreadyExists => ContractError.AlreadyExists(Reason, Message),
        StatusCode.PermissionDenied => ContractError.PermissionDenied(Reason, Message),
        _ => throw new InvalidOperationException($"A refusal with status {Status} is not mapped."),
    };
}

/// <summary>What a command that may be refused answers: its result, or the <see cref="Refusal"/> (see there why).</summary>
internal readonly record struct Outcome<T>(T? Value, Refusal? Refusal) : IRefusable
    where T : class
{
    public string? RefusalReason => Refusal?.Reason;

    public static implicit operator Outcome<T>(T value) => new(value, null);

    public static implicit operator Outcome<T>(Refusal refusal) => new(null, refusal);

    /// <summary>The result; the refusal as the contract's error. Called after the command committed.</summary>
    public T OrThrow() => Refusal is { } refusal ? throw refusal.ToException() : Value!;
}
