using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using Marketplace.Platform.Tests.Contracts.V1;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.Modules;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Platform.Tests.Contracts;

/// <summary>A module whose contract is the probe: loaded in process, or served over gRPC, by the real module system.</summary>
public sealed class ProbeModule : IModule
{
    public string Name => "Probe";

    public string Schema => "probe";

    public void Register(ModuleBuilder module)
    {
        module.Services.AddSingleton<ProbeState>();
        module.AddContract<ProbeService>();
    }
}

/// <summary>What the server side saw, for assertions the reply cannot carry.</summary>
public sealed class ProbeState
{
    public ConcurrentDictionary<string, bool> CancellationObserved { get; } = new();

    public ConcurrentDictionary<string, bool> Started { get; } = new();

    public ConcurrentDictionary<string, bool> Finished { get; } = new();

    public ConcurrentQueue<EchoRequest> ReceivedRequests { get; } = new();

    public ConcurrentQueue<EchoReply> SentReplies { get; } = new();
}

public sealed class ProbeService(ProbeState state) : ProbeContract.ProbeContractBase
{
    public override Task<EchoReply> Echo(EchoRequest request, ServerCallContext context)
    {
        var caller = CallContext.Current;
        var reply = new EchoReply
        {
            Text = request.Text,
            Tags = { request.Tags },
            CallerKind = caller.Caller.Kind.ToString(),
            CallerId = caller.Caller.Id ?? "",
            CallerRoles = { caller.Caller.Roles.Order(StringComparer.Ordinal) },
            CallerSession = caller.Caller.SessionId ?? "",
            CorrelationId = caller.CorrelationId,
            TraceId = Activity.Current?.TraceId.ToHexString() ?? "",
            EchoedHeader = context.RequestHeaders.GetValue(request.HeaderToEcho) ?? "",
            DeadlineUnixMs = context.Deadline == DateTime.MaxValue ? 0 : new DateTimeOffset(context.Deadline).ToUnixTimeMilliseconds(),
            Peer = context.Peer,
        };

        // The server may do as it likes with the objects it got and gave: the client must not see it.
        state.ReceivedRequests.Enqueue(request);
        state.SentReplies.Enqueue(reply);
        return Task.FromResult(reply);
    }

    public override Task<EchoReply> Fail(FailRequest request, ServerCallContext context)
    {
        switch (request.Kind)
        {
            case FailRequest.Types.Kind.Unexpected:
                throw new InvalidOperationException("secret internal detail");
            case FailRequest.Types.Kind.StatusSet:
                context.Status = new Status((StatusCode)request.Code, request.Message);
                return Task.FromResult(new EchoReply());
            default:
                throw (StatusCode)request.Code switch
                {
                    StatusCode.InvalidArgument => ContractError.InvalidArgument(
                        request.Reason, request.Message, request.InvalidFields.Select(f => new FieldViolation(f, $"{f} is wrong", "INVALID"))),
                    StatusCode.NotFound => ContractError.NotFound(request.Reason, request.Message),
                    StatusCode.AlreadyExists => ContractError.AlreadyExists(request.Reason, request.Message),
                    StatusCode.FailedPrecondition => ContractError.FailedPrecondition(request.Reason, request.Message),
                    StatusCode.PermissionDenied => ContractError.PermissionDenied(request.Reason, request.Message),
                    StatusCode.Unauthenticated => ContractError.Unauthenticated(request.Reason, request.Message),
                    StatusCode.ResourceExhausted => ContractError.ResourceExhausted(request.Reason, request.Message, TimeSpan.FromSeconds(30)),
                    var code => new RpcException(new Status(code, request.Message)),
                };
        }
    }

    public override async Task<EchoReply> Wait(WaitRequest request, ServerCallContext context)
    {
        state.Started[request.Marker] = true;
        try
        {
            await Task.Delay(request.Milliseconds, request.HonourCancellation ? context.CancellationToken : CancellationToken.None);
        }
        catch (OperationCanceledException)
        {
            state.CancellationObserved[request.Marker] = true;
            throw;
        }
        finally
        {
            state.Finished[request.Marker] = true;
        }

        return new EchoReply { Text = "waited" };
    }

    public override async Task Count(CountRequest request, IServerStreamWriter<CountReply> responseStream, ServerCallContext context)
    {
        try
        {
            for (var i = 1; i <= request.UpTo; i++)
            {
                if (request.FailAfter > 0 && i > request.FailAfter)
                    throw ContractError.FailedPrecondition("COUNT_STOPPED", $"stopped after {request.FailAfter}");
                if (request.DelayMs > 0)
                    await Task.Delay(request.DelayMs, context.CancellationToken);
                await responseStream.WriteAsync(new CountReply { Value = i });
            }
        }
        catch (OperationCanceledException)
        {
            state.CancellationObserved[request.Marker] = true;
            throw;
        }
    }
}
