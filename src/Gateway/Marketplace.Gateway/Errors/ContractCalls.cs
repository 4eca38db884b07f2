using Grpc.Core;
using Marketplace.Gateway.Conventions;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Errors;

/// <summary>
/// The one place resolvers turn contract errors into something other than a top-level error. Everything not handled
/// here propagates and <see cref="GatewayErrorInfoProvider"/> maps it (InvalidArgument → BAD_USER_INPUT with
/// <c>fieldViolations</c>, NotFound → NOT_FOUND, PermissionDenied → FORBIDDEN, …); resolvers never catch
/// <see cref="RpcException"/> themselves.
/// </summary>
public static class ContractCalls
{
    /// <summary>A lookup: NotFound (no such object, or not one the caller may see) is null.</summary>
    public static async Task<T?> OrNullAsync<T>(Func<Task<T>> call)
        where T : class
    {
        try
        {
            return await call();
        }
        catch (RpcException exception) when (exception.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>
    /// A call whose refusal is an expected answer rather than a fault, for endpoints outside GraphQL that answer with a
    /// page of their own (e.g. a signed unsubscribe link that does not verify): PermissionDenied and FailedPrecondition
    /// are null. Everything else propagates.
    /// </summary>
    public static async Task<T?> OrNullWhenRefusedAsync<T>(Func<Task<T>> call)
        where T : class
    {
        try
        {
            return await call();
        }
        catch (RpcException exception) when (exception.StatusCode is StatusCode.PermissionDenied or StatusCode.FailedPrecondition)
        {
            return null;
        }
    }

    /// <summary>
    /// A mutation: the expected failures — invalid input (the gateway's <see cref="InputError"/> or the module's
    /// InvalidArgument with its field violations), a broken rule (FailedPrecondition), a conflict (AlreadyExists), too
    /// many attempts (ResourceExhausted, with the wait) and, when <paramref name="notFoundField"/> names the input field
    /// holding the object's id, NotFound — become the payload's userErrors. Authorization failures and faults stay
    /// top-level errors.
    /// </summary>
    public static async Task<TPayload> PayloadAsync<TPayload>(
        Func<Task<TPayload>> run, Func<IReadOnlyList<UserError>, TPayload> failed, string? notFoundField = null)
    {
        try
        {
            return await run();
        }
        catch (InputError error)
        {
            return failed([new UserError(error.Field.Split('.'), error.FieldCode, error.Message)]);
        }
        catch (RpcException exception) when (exception.StatusCode is StatusCode.InvalidArgument or StatusCode.FailedPrecondition or StatusCode.AlreadyExists or StatusCode.ResourceExhausted)
        {
            return failed(UserErrors.From(exception));
        }
        catch (RpcException exception) when (exception.StatusCode == StatusCode.NotFound && notFoundField is not null)
        {
            return failed([new UserError(["input", .. notFoundField.Split('.')], exception.Reason() ?? "NOT_FOUND", exception.Status.Detail)]);
        }
    }
}
