using System.Collections.Concurrent;
using GraphQL;
using GraphQL.Types;
using Marketplace.Gateway.Auth;
using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.Errors;
using GraphQL.DataLoader;
using Marketplace.Gateway.DataLoading;
using Marketplace.Gateway.Execution;
using Marketplace.Gateway.Relay;
using Marketplace.Gateway.Schema;
using Marketplace.Gateway.Tests.Contract;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Gateway.Tests.Support;

/// <summary>A test-only schema area exercising each mechanism: DataLoader, errors, auth, connections, subscriptions.</summary>
internal sealed class TestContribution(GatewayTestContract.GatewayTestContractClient contract, TestEvents events) : ISchemaContribution
{
    public void ConfigureQuery(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<TestItemType>>>>("testItems")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids")
            .Argument<NonNullGraphType<StringGraphType>>("tag")
            .AllowAnonymous()
            .Resolve(c => c.GetArgument<List<string>>("ids").Select(id => new TestItemRef(id, c.GetArgument<string>("tag"))).ToList());

        query.Field<ConnectionType<TestItemType, TestItemRef>>("testPage")
            .PageArguments()
            .AllowAnonymous()
            .Resolve(c =>
            {
                var page = c.GetPageRequest();
                var start = page.AfterKey is null ? 0 : int.Parse(page.AfterKey, System.Globalization.CultureInfo.InvariantCulture) + 1;
                var slice = Enumerable.Range(start, Math.Max(0, Math.Min(page.First + 1, 25 - start))).Select(i => new TestItemRef(i.ToString(System.Globalization.CultureInfo.InvariantCulture), "page")).ToList();
                return Connection<TestItemRef>.FromSlice(slice, page, i => i.Id, totalCount: 25);
            });

        query.Field<StringGraphType>("testFail")
            .Argument<NonNullGraphType<StringGraphType>>("status")
            .AllowAnonymous()
            .ResolveAsync(async c =>
            {
                await contract.FailAsync(new FailRequest { Status = c.GetArgument<string>("status") });
                return "unreachable";
            });

        query.Field<StringGraphType>("testSlow")
            .AllowAnonymous()
            .ResolveAsync(async c =>
            {
                // Waits for the execution timeout to cancel it; never finishes on its own.
                await Task.Delay(Timeout.Infinite, c.CancellationToken);
                return "late";
            });

        query.Field<StringGraphType>("testBuyerOnly").RequireRoles(Roles.Buyer).Resolve(c => "for buyers");
        query.Field<StringGraphType>("testSignedIn").RequireSignedIn().Resolve(c => c.GetCaller().Id);
        query.Field<StringGraphType>("testOwned")
            .Argument<NonNullGraphType<IdGraphType>>("ownerId")
            .RequireSignedIn()
            .Resolve(c =>
            {
                c.RequireOwner(c.GetArgument<string>("ownerId"));
                return "owner's secret";
            });
        query.Field<StringGraphType>("testCallerSeenByContract")
            .AllowAnonymous()
            .ResolveAsync(async c => (await contract.GetItemsAsync(new GetItemsRequest { Ids = { "x" }, Tag = "caller-" + Guid.NewGuid() })).Items[0].CallerId);

        query.Field<MoneyType>("testMoney").AllowAnonymous().Resolve(_ => new Money(12345678901234.567890123456m, "EUR"));
        query.Field<StringGraphType>("testEcho")
            .Argument<ExactDecimalGraphType>("amount")
            .Argument<UtcDateTimeGraphType>("at")
            .AllowAnonymous()
            .Resolve(c =>
            {
                var amount = c.GetArgument<decimal?>("amount");
                var at = c.GetArgument<DateTimeOffset?>("at");
                return $"{amount?.ToString(System.Globalization.CultureInfo.InvariantCulture)}|{(at is { } t ? UtcDateTimeGraphType.Format(t) : "")}";
            });
        query.Field<UtcDateTimeGraphType>("testNow").AllowAnonymous().Resolve(_ => new DateTimeOffset(2026, 11, 24, 5, 30, 0, TimeSpan.FromHours(2)));
        query.Field<NonNullGraphType<IdGraphType>>("testGlobalId")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .AllowAnonymous()
            .Resolve(c => GlobalId.Encode("TestItem", c.GetArgument<string>("id")));
        query.Field<StringGraphType>("testRateLimited")
            .Argument<NonNullGraphType<StringGraphType>>("subject")
            .AllowAnonymous()
            .ResolveAsync(async c =>
            {
                var limiter = c.RequestServices!.GetRequiredService<ISubjectRateLimiter>();
                await limiter.EnforceAsync(TestLimits.Login, c.GetArgument<string>("subject"), c.CancellationToken);
                return "ok";
            });
    }

    public void ConfigureMutation(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<TestItemCreatePayloadType>>("testItemCreate")
            .Argument<NonNullGraphType<TestItemCreateInputType>>("input")
            .RequireRoles(Roles.Seller)
            .ResolveAsync(async c => await ContractCalls.PayloadAsync(
                async () =>
                {
                    await contract.FailAsync(new FailRequest { Status = "InvalidArgument" });
                    return new TestItemCreatePayload(null, []);
                },
                errors => new TestItemCreatePayload(null, errors)));
        mutation.Field<StringGraphType>("testPing").AllowAnonymous().Resolve(_ => "pong");
    }

    public void ConfigureSubscription(ObjectGraphType subscription)
    {
        subscription.Field<StringGraphType>("testTicks")
            .Argument<NonNullGraphType<StringGraphType>>("topic")
            .AllowAnonymous()
            .ResolveStream(c => events.Stream(c.GetArgument<string>("topic")));
        subscription.Field<StringGraphType>("testPrivateTicks")
            .Argument<NonNullGraphType<StringGraphType>>("topic")
            .RequireSignedIn()
            .ResolveStream(c =>
            {
                var caller = c.GetCaller().Id;
                return events.Stream(c.GetArgument<string>("topic"), e => $"{e} for {caller}");
            });
    }

    public IEnumerable<Type> AdditionalTypes => [];
}

internal static class TestLimits
{
    public static readonly Marketplace.Shared.RateLimiting.SubjectRateLimit Login = new("test-login", 3, TimeSpan.FromMinutes(5));
}

/// <summary>An in-process event stream the tests trigger: the source of the test subscriptions.</summary>
public sealed class TestEvents
{
    private readonly ConcurrentDictionary<string, List<IObserver<string>>> _observers = new();

    public int SubscriberCount(string topic) => _observers.TryGetValue(topic, out var list) ? list.Count : 0;

    public IObservable<string> Stream(string topic, Func<string, string>? map = null) => new TopicStream(this, topic, map ?? (e => e));

    private void Add(string topic, IObserver<string> observer)
    {
        var list = _observers.GetOrAdd(topic, _ => []);
        lock (list)
            list.Add(observer);
    }

    private void Remove(string topic, IObserver<string> observer)
    {
        if (_observers.TryGetValue(topic, out var list))
        {
            lock (list)
                list.Remove(observer);
        }
    }

    private sealed class TopicStream(TestEvents events, string topic, Func<string, string> map) : IObservable<string>
    {
        public IDisposable Subscribe(IObserver<string> observer)
        {
            var mapped = new Mapped(observer, map);
            events.Add(topic, mapped);
            return new Unsubscribe(() => events.Remove(topic, mapped));
        }
    }

    private sealed class Mapped(IObserver<string> inner, Func<string, string> map) : IObserver<string>
    {
        public void OnCompleted() => inner.OnCompleted();

        public void OnError(Exception error) => inner.OnError(error);

        public void OnNext(string value) => inner.OnNext(map(value));
    }

    private sealed class Unsubscribe(Action action) : IDisposable
    {
        public void Dispose() => action();
    }

    public void Publish(string topic, string value)
    {
        if (!_observers.TryGetValue(topic, out var list))
            return;
        IObserver<string>[] targets;
        lock (list)
            targets = [.. list];
        foreach (var observer in targets)
            observer.OnNext(value);
    }

    public void Complete(string topic)
    {
        if (!_observers.TryGetValue(topic, out var list))
            return;
        IObserver<string>[] targets;
        lock (list)
            targets = [.. list];
        foreach (var observer in targets)
            observer.OnCompleted();
    }
}

internal sealed record TestItemRef(string Id, string Tag);

internal sealed record TestItemCreatePayload(TestItemRef? Item, IReadOnlyList<UserError> UserErrors);

internal sealed class TestItemType : ObjectGraphType<TestItemRef>
{
    public TestItemType()
    {
        Name = "TestItem";
        Interface<NodeInterface>();
        IsTypeOf = value => value is TestItemRef;
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode("TestItem", c.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("localId").Resolve(c => c.Source.Id);
        Field<StringGraphType>("name").ResolveAsync(c =>
        {
            var contract = c.RequestServices!.GetRequiredService<GatewayTestContract.GatewayTestContractClient>();
            var loader = c.RequestServices!.GetRequiredService<DataLoaderContext>().GetOrAdd<string, Item>(
                "Test.GetItems:" + c.Source.Tag,
                async (ids, cancellationToken) =>
                {
                    var response = await contract.GetItemsAsync(new GetItemsRequest { Ids = { ids }, Tag = c.Source.Tag }, cancellationToken: cancellationToken);
                    return response.Items.ToDictionary(i => i.Id);
                });
            return Task.FromResult<object?>(loader.Load(c.Source.Id).Then(item => item?.Name));
        });
    }
}

internal sealed class TestItemCreateInputType : InputObjectGraphType
{
    public TestItemCreateInputType()
    {
        Name = "TestItemCreateInput";
        Field<StringGraphType>("name");
        Field<ExactDecimalGraphType>("price");
    }
}

internal sealed class TestItemCreatePayloadType : ObjectGraphType<TestItemCreatePayload>
{
    public TestItemCreatePayloadType()
    {
        Name = "TestItemCreatePayload";
        Field<TestItemType>("item").Resolve(c => c.Source.Item);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AreaUserErrorType<TestErrors>>>>>("userErrors").Resolve(c => c.Source.UserErrors);
    }
}

/// <summary>node(id:) for TestItem: "hidden-*" items exist but only their owner (the id after the dash) may see them.</summary>
internal sealed class TestNodeResolver : INodeResolver
{
    public string TypeName => "TestItem";

    public Type ClrType => typeof(TestItemRef);

    public Task<object?> ResolveAsync(string id, IResolveFieldContext context)
    {
        if (id.StartsWith("hidden-", StringComparison.Ordinal) && context.GetCaller().Id != id["hidden-".Length..])
            return Task.FromResult<object?>(null);
        return Task.FromResult<object?>(id == "missing" ? null : new TestItemRef(id, "node"));
    }
}

/// <summary>The test area's error codes: the common ones and what the test contract reports.</summary>
internal sealed class TestErrors : IErrorCodeArea
{
    public static string Prefix => "TestItem";

    public static IReadOnlyList<Type> CodeClasses => [typeof(Marketplace.Shared.Contracts.CommonErrorCodes), typeof(TestErrorCodes)];
}

internal static class TestErrorCodes
{
    [System.ComponentModel.Description("The test item is invalid.")]
    public const string InvalidItem = "INVALID_ITEM";

    [System.ComponentModel.Description("A value must be positive.")]
    public const string NotPositive = "NOT_POSITIVE";
}
