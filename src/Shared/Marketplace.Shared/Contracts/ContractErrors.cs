using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using RpcStatus = Google.Rpc.Status;

namespace Marketplace.Shared.Contracts;

/// <summary>
/// Contract errors use gRPC's rich error model (google.rpc.Status in the <c>grpc-status-details-bin</c> trailer):
/// a status code, a human message, an <see cref="ErrorInfo"/> with a machine-readable reason, and for invalid
/// input a <see cref="BadRequest"/> naming each field. It crosses a real socket unchanged.
/// </summary>
public static class ContractError
{
    public const string Domain = "marketplace";

    public static RpcException InvalidArgument(string reason, string message, IEnumerable<FieldViolation>? fields = null) =>
        Create(Code.InvalidArgument, reason, message, fields);

    public static RpcException NotFound(string reason, string message) => Create(Code.NotFound, reason, message);

    public static RpcException AlreadyExists(string reason, string message) => Create(Code.AlreadyExists, reason, message);

    /// <summary>A broken rule; <paramref name="fields"/> may list each offending item (e.g. each cart line short of stock).</summary>
    public static RpcException FailedPrecondition(string reason, string message, IEnumerable<FieldViolation>? fields = null) =>
        Create(Code.FailedPrecondition, reason, message, fields);

    public static RpcException PermissionDenied(string reason, string message) => Create(Code.PermissionDenied, reason, message);

    public static RpcException Unauthenticated(string reason, string message) => Create(Code.Unauthenticated, reason, message);

    public static RpcException ResourceExhausted(string reason, string message, TimeSpan? retryAfter = null)
    {
        var status = NewStatus(Code.ResourceExhausted, reason, message);
        if (retryAfter is { } delay)
            status.Details.Add(Any.Pack(new RetryInfo { RetryDelay = Duration.FromTimeSpan(delay) }));
        return status.ToRpcException();
    }

    /// <summary>Reason of a call that could not reach the module's process (it is down, restarting or unreachable).</summary>
    public const string ServiceUnavailableReason = "SERVICE_UNAVAILABLE";

    /// <summary>Reason of a call to another process's module that did not answer within its deadline.</summary>
    public const string ServiceTimeoutReason = "SERVICE_TIMEOUT";

    /// <summary>The <see cref="ErrorInfo"/> metadata key naming the module a service error is about.</summary>
    public const string ModuleKey = "module";

    public static RpcException ServiceUnavailable(string module, Exception? cause = null) =>
        Remote(Code.Unavailable, ServiceUnavailableReason, module, $"The {module} service cannot be reached right now; try again shortly.", cause);

    public static RpcException ServiceTimeout(string module, Exception? cause = null) =>
        Remote(Code.DeadlineExceeded, ServiceTimeoutReason, module, $"The {module} service did not answer in time; try again shortly.", cause);

    /// <summary>The module a <see cref="ServiceUnavailableReason"/> or <see cref="ServiceTimeoutReason"/> error is about.</summary>
    public static string? Module(this RpcException exception) =>
        exception.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Metadata.TryGetValue(ModuleKey, out var module) == true ? module : null;

    private static RpcException Remote(Code code, string reason, string module, string message, Exception? cause)
    {
        var status = NewStatus(code, reason, message);
        status.Details.Clear();
        status.Details.Add(Any.Pack(new ErrorInfo { Reason = reason, Domain = Domain, Metadata = { [ModuleKey] = module } }));
        var rpc = status.ToRpcException();
        return new RpcException(new Grpc.Core.Status(rpc.StatusCode, rpc.Status.Detail, cause), rpc.Trailers);
    }

    /// <summary>The machine-readable reason of a contract error, e.g. <c>ADDRESS_NOT_FOUND</c>.</summary>
    public static string? Reason(this RpcException exception) => exception.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason;

    public static IReadOnlyList<FieldViolation> FieldViolations(this RpcException exception) =>
        exception.GetRpcStatus()?.GetDetail<BadRequest>() is { } badRequest
            ? badRequest.FieldViolations.Select(v => new FieldViolation(v.Field, v.Description, v.Reason)).ToList()
            : [];

    public static TimeSpan? RetryAfter(this RpcException exception) =>
        exception.GetRpcStatus()?.GetDetail<RetryInfo>()?.RetryDelay?.ToTimeSpan();

    private static RpcException Create(Code code, string reason, string message, IEnumerable<FieldViolation>? fields = null)
    {
        var status = NewStatus(code, reason, message);
        if (fields is not null)
        {
            var badRequest = new BadRequest();
            badRequest.FieldViolations.AddRange(fields.Select(f => new BadRequest.Types.FieldViolation
            {
                Field = f.Field,
                Description = f.Message,
                Reason = f.Code,
            }));
            status.Details.Add(Any.Pack(badRequest));
        }

        return status.ToRpcException();
    }

    private static RpcStatus NewStatus(Code code, string reason, string message) => new()
    {
        Code = (int)code,
        Message = message,
        Details = { Any.Pack(new ErrorInfo { Reason = reason, Domain = Domain }) },
    };
}

/// <summary>One invalid input field: its path (camelCase, dotted), a stable code and a message for people.</summary>
public sealed record FieldViolation(string Field, string Message, string Code);
