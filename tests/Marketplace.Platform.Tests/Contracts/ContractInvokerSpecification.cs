using System.Diagnostics;
using Grpc.Core;
using Marketplace.Platform.Tests.Contracts.V1;
using Marketplace.Shared.Contracts;
using Marketplace.Testing;

namespace Marketplace.Platform.Tests.Contracts;

/// <summary>
/// What a module may rely on when it calls another module's contract. Runs twice, in process and over a real
/// gRPC socket, and must pass both ways: that is what lets a module move out of the process by configuration.
/// </summary>
public abstract class ContractInvokerSpecification : IAsyncLifetime
{
    private static readonly ActivitySource TestSource = new("Marketplace.Tests.Invoker");
    private static readonly ActivityListener Listener = ListenToTestActivities();

    private IProbeTopology _topology = null!;

    protected abstract Task<IProbeTopology> CreateTopologyAsync(bool detailedErrors);

    protected ProbeContract.ProbeContractClient Client => _topology.Client;

    public async ValueTask InitializeAsync() => _topology = await CreateTopologyAsync(detailedErrors: false);

    public ValueTask DisposeAsync() => _topology.DisposeAsync();

    [Fact]
    public async Task Unary_call_returns_the_reply()
    {
        var reply = await Client.EchoAsync(new EchoRequest { Text = "hello", Tags = { "a", "b" } });

        reply.Text.Should().Be("hello");
        reply.Tags.Should().Equal("a", "b");
    }

    [Fact]
    public void Blocking_unary_call_returns_the_reply()
    {
        var reply = Client.Echo(new EchoRequest { Text = "sync" });

        reply.Text.Should().Be("sync");
    }

    [Fact]
    public async Task Messages_are_copied_both_ways()
    {
        var request = new EchoRequest { Text = "original", Tags = { "x" } };

        var reply = await Client.EchoAsync(request);
        request.Tags.Add("changed by the client after the call");
        reply.Tags.Add("changed by the client");

        _topology.ServerState.ReceivedRequests.Last(r => r.Text == "original").Tags.Should().Equal("x");
        _topology.ServerState.SentReplies.Last(r => r.Text == "original").Tags.Should().Equal("x");
    }

    [Fact]
    public async Task Caller_identity_and_correlation_id_travel_as_metadata()
    {
        var correlationId = $"corr-{Guid.NewGuid():N}";
        using var context = CallContext.Push(new CallContext(Caller.User("user-42", ["BUYER", "SELLER"], "session-7"), correlationId));

        var reply = await Client.EchoAsync(new EchoRequest { Text = "who" });

        reply.CallerKind.Should().Be("User");
        reply.CallerId.Should().Be("user-42");
        reply.CallerRoles.Should().Equal("BUYER", "SELLER");
        reply.CallerSession.Should().Be("session-7");
        reply.CorrelationId.Should().Be(correlationId);
    }

    [Fact]
    public async Task Without_a_context_the_caller_is_anonymous_with_a_fresh_correlation_id()
    {
        var first = await Client.EchoAsync(new EchoRequest());
        var second = await Client.EchoAsync(new EchoRequest());

        first.CallerKind.Should().Be("Anonymous");
        first.CallerId.Should().BeEmpty();
        first.CorrelationId.Should().NotBeNullOrEmpty().And.NotBe(second.CorrelationId);
    }

    [Fact]
    public async Task The_callers_trace_continues_in_the_handler()
    {
        using var activity = TestSource.StartActivity("calling a contract");
        activity.Should().NotBeNull();

        var reply = await Client.EchoAsync(new EchoRequest { HeaderToEcho = CallMetadata.TraceParent });

        reply.EchoedHeader.Should().Contain(activity!.TraceId.ToHexString());
    }

    [Fact]
    public async Task Custom_headers_reach_the_handler()
    {
        var headers = new Metadata { { "x-idempotency-key", "key-1" } };

        var reply = await Client.EchoAsync(new EchoRequest { HeaderToEcho = "x-idempotency-key" }, headers);

        reply.EchoedHeader.Should().Be("key-1");
        headers.Should().ContainSingle("the caller's metadata object is not modified");
    }

    [Theory]
    [InlineData(StatusCode.NotFound, "ADDRESS_NOT_FOUND")]
    [InlineData(StatusCode.AlreadyExists, "EMAIL_TAKEN")]
    [InlineData(StatusCode.FailedPrecondition, "EMAIL_NOT_VERIFIED")]
    [InlineData(StatusCode.PermissionDenied, "NOT_OWNER")]
    [InlineData(StatusCode.Unauthenticated, "SESSION_REVOKED")]
    [InlineData(StatusCode.ResourceExhausted, "TOO_MANY_CODES")]
    public async Task Contract_errors_keep_their_status_reason_and_message(StatusCode code, string reason)
    {
        var call = () => Client.FailAsync(new FailRequest { Code = (int)code, Reason = reason, Message = "what went wrong" }).ResponseAsync;

        var error = (await call.Should().ThrowAsync<RpcException>()).Which;
        error.StatusCode.Should().Be(code);
        error.Status.Detail.Should().Be("what went wrong");
        error.Reason().Should().Be(reason);
    }

    [Fact]
    public async Task Invalid_argument_carries_each_field()
    {
        var call = () => Client.FailAsync(new FailRequest
        {
            Code = (int)StatusCode.InvalidArgument,
            Reason = "VALIDATION_FAILED",
            Message = "The input is not valid.",
            InvalidFields = { "email", "address.postalCode" },
        }).ResponseAsync;

        var error = (await call.Should().ThrowAsync<RpcException>()).Which;
        error.StatusCode.Should().Be(StatusCode.InvalidArgument);
        error.FieldViolations().Select(f => (f.Field, f.Code)).Should().Equal(("email", "INVALID"), ("address.postalCode", "INVALID"));
    }

    [Fact]
    public async Task Resource_exhausted_says_when_to_retry()
    {
        var call = () => Client.FailAsync(new FailRequest { Code = (int)StatusCode.ResourceExhausted, Reason = "SLOW_DOWN", Message = "later" }).ResponseAsync;

        var error = (await call.Should().ThrowAsync<RpcException>()).Which;
        error.RetryAfter().Should().Be(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_status_set_by_the_handler_ends_the_call_with_it()
    {
        var call = () => Client.FailAsync(new FailRequest { Kind = FailRequest.Types.Kind.StatusSet, Code = (int)StatusCode.Aborted, Message = "conflict" }).ResponseAsync;

        var error = (await call.Should().ThrowAsync<RpcException>()).Which;
        error.StatusCode.Should().Be(StatusCode.Aborted);
        error.Status.Detail.Should().Be("conflict");
    }

    [Fact]
    public async Task An_unexpected_exception_is_internal_without_its_message()
    {
        var call = () => Client.FailAsync(new FailRequest { Kind = FailRequest.Types.Kind.Unexpected }).ResponseAsync;

        var error = (await call.Should().ThrowAsync<RpcException>()).Which;
        error.StatusCode.Should().Be(StatusCode.Internal);
        error.Status.Detail.Should().NotContain("secret");
    }

    [Fact]
    public async Task In_development_an_unexpected_exception_shows_its_message()
    {
        await using var development = await CreateTopologyAsync(detailedErrors: true);

        var call = () => development.Client.FailAsync(new FailRequest { Kind = FailRequest.Types.Kind.Unexpected }).ResponseAsync;

        var error = (await call.Should().ThrowAsync<RpcException>()).Which;
        error.StatusCode.Should().Be(StatusCode.Internal);
        error.Status.Detail.Should().Contain("InvalidOperationException").And.Contain("secret internal detail");
    }

    [Fact]
    public async Task A_method_the_module_does_not_implement_is_unimplemented()
    {
        var call = () => Client.NotImplementedAsync(new EchoRequest()).ResponseAsync;

        (await call.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.Unimplemented);
    }

    [Fact]
    public async Task The_deadline_reaches_the_handler()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);

        var reply = await Client.EchoAsync(new EchoRequest(), deadline: deadline);

        reply.DeadlineUnixMs.Should().BeCloseTo(new DateTimeOffset(deadline).ToUnixTimeMilliseconds(), 1000);
    }

    [Fact]
    public async Task A_passed_deadline_ends_the_call_and_cancels_the_handler()
    {
        var marker = Guid.NewGuid().ToString();

        var call = () => Client.WaitAsync(
            new WaitRequest { Milliseconds = 30_000, HonourCancellation = true, Marker = marker },
            deadline: DateTime.UtcNow.AddMilliseconds(200)).ResponseAsync;

        (await call.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.DeadlineExceeded);
        await Eventually.AssertAsync(() => Task.FromResult(_topology.ServerState.CancellationObserved.ContainsKey(marker)), because: "the handler's token is cancelled at the deadline");
    }

    [Fact]
    public async Task A_handler_that_ignores_its_deadline_does_not_hold_the_caller()
    {
        var marker = Guid.NewGuid().ToString();

        var call = () => Client.WaitAsync(
            new WaitRequest { Milliseconds = 5_000, HonourCancellation = false, Marker = marker },
            deadline: DateTime.UtcNow.AddMilliseconds(200)).ResponseAsync;

        (await call.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.DeadlineExceeded);
        _topology.ServerState.Finished.ContainsKey(marker).Should().BeFalse("the caller got its answer while the handler was still running");
    }

    [Fact]
    public async Task A_deadline_already_passed_fails_at_once()
    {
        var call = () => Client.EchoAsync(new EchoRequest(), deadline: DateTime.UtcNow.AddSeconds(-1)).ResponseAsync;

        (await call.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.DeadlineExceeded);
    }

    [Fact]
    public async Task Cancelling_the_call_cancels_the_handler()
    {
        var marker = Guid.NewGuid().ToString();
        using var cancellation = new CancellationTokenSource();

        var call = Client.WaitAsync(new WaitRequest { Milliseconds = 30_000, HonourCancellation = true, Marker = marker }, cancellationToken: cancellation.Token);
        await Eventually.AssertAsync(() => Task.FromResult(_topology.ServerState.Started.ContainsKey(marker)));
        await cancellation.CancelAsync();

        var error = await ((Func<Task>)(() => call.ResponseAsync)).Should().ThrowAsync<RpcException>();
        error.Which.StatusCode.Should().Be(StatusCode.Cancelled);
        await Eventually.AssertAsync(() => Task.FromResult(_topology.ServerState.CancellationObserved.ContainsKey(marker)));
    }

    [Fact]
    public async Task Status_and_trailers_are_readable_after_the_call()
    {
        using var call = Client.EchoAsync(new EchoRequest { Text = "t" });
        await call.ResponseAsync;

        call.GetStatus().StatusCode.Should().Be(StatusCode.OK);
        call.GetTrailers().Should().NotBeNull();
        (await call.ResponseHeadersAsync).Should().NotBeNull();
    }

    [Fact]
    public async Task Server_streaming_delivers_every_message_in_order()
    {
        using var call = Client.Count(new CountRequest { UpTo = 25 });

        var values = new List<int>();
        await foreach (var reply in call.ResponseStream.ReadAllAsync())
            values.Add(reply.Value);

        values.Should().Equal(Enumerable.Range(1, 25));
        call.GetStatus().StatusCode.Should().Be(StatusCode.OK);
    }

    [Fact]
    public async Task Server_streaming_failure_arrives_after_the_messages_sent_before_it()
    {
        using var call = Client.Count(new CountRequest { UpTo = 10, FailAfter = 3 });

        var values = new List<int>();
        var read = async () =>
        {
            await foreach (var reply in call.ResponseStream.ReadAllAsync())
                values.Add(reply.Value);
        };

        var error = (await read.Should().ThrowAsync<RpcException>()).Which;
        values.Should().Equal(1, 2, 3);
        error.StatusCode.Should().Be(StatusCode.FailedPrecondition);
        error.Reason().Should().Be("COUNT_STOPPED");
    }

    [Fact]
    public async Task Server_streaming_honours_the_deadline()
    {
        var marker = Guid.NewGuid().ToString();
        using var call = Client.Count(new CountRequest { UpTo = 1000, DelayMs = 100, Marker = marker }, deadline: DateTime.UtcNow.AddMilliseconds(400));

        var read = async () =>
        {
            await foreach (var unused in call.ResponseStream.ReadAllAsync())
            {
            }
        };

        (await read.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.DeadlineExceeded);
        await Eventually.AssertAsync(() => Task.FromResult(_topology.ServerState.CancellationObserved.ContainsKey(marker)));
    }

    [Fact]
    public async Task Disposing_a_streaming_call_cancels_the_handler()
    {
        var marker = Guid.NewGuid().ToString();
        var call = Client.Count(new CountRequest { UpTo = 1000, DelayMs = 50, Marker = marker });
        (await call.ResponseStream.MoveNext(CancellationToken.None)).Should().BeTrue();

        call.Dispose();

        await Eventually.AssertAsync(() => Task.FromResult(_topology.ServerState.CancellationObserved.ContainsKey(marker)));
    }

    private static ActivityListener ListenToTestActivities()
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == TestSource.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    internal static ActivityListener KeepListenerAlive => Listener;
}

public sealed class InProcessContractInvokerTests : ContractInvokerSpecification
{
    protected override Task<IProbeTopology> CreateTopologyAsync(bool detailedErrors) =>
        Task.FromResult<IProbeTopology>(new InProcessTopology(detailedErrors));

    [Fact]
    public async Task No_socket_is_involved()
    {
        var reply = await Client.EchoAsync(new EchoRequest());

        reply.Peer.Should().Be("in-process");
    }
}

public sealed class OverGrpcContractInvokerTests : ContractInvokerSpecification
{
    protected override async Task<IProbeTopology> CreateTopologyAsync(bool detailedErrors) =>
        await OverGrpcTopology.StartAsync(detailedErrors);

    [Fact]
    public async Task The_call_crosses_a_real_socket()
    {
        var reply = await Client.EchoAsync(new EchoRequest());

        reply.Peer.Should().StartWith("ipv4:127.0.0.1:");
    }

    [Fact]
    public async Task A_server_with_a_service_token_refuses_callers_without_it()
    {
        await using var guarded = await OverGrpcTopology.StartAsync(serverToken: "s3cret", clientToken: null);

        var call = () => guarded.Client.EchoAsync(new EchoRequest()).ResponseAsync;

        (await call.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.Unauthenticated);
    }

    [Fact]
    public async Task A_server_with_a_service_token_serves_callers_with_it()
    {
        await using var guarded = await OverGrpcTopology.StartAsync(serverToken: "s3cret", clientToken: "s3cret");

        var reply = await guarded.Client.EchoAsync(new EchoRequest { Text = "ok" });

        reply.Text.Should().Be("ok");
    }
}
