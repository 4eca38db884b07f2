using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Hangfire;
using Hangfire.InMemory;
using Marketplace.Events.Tests.Fixtures;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.Jobs;
using Marketplace.Testing;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Marketplace.Events.Tests;

// Unit tests of the job plumbing: in-memory storage is fine here (never in the application).
public sealed class JobsTests
{
    [Fact]
    public void A_job_is_enqueued_on_its_modules_own_queue()
    {
        using var storage = new InMemoryStorage();
        var scheduler = new JobScheduler(new BackgroundJobClient(storage), [new JobRegistration(typeof(DeliverReceiptJob), "Mailer")]);

        var id = scheduler.Enqueue<DeliverReceiptJob>(job => job.RunAsync(42));

        var queues = storage.GetMonitoringApi().Queues();
        queues.Should().ContainSingle(q => q.Name == "mailer").Which.Length.Should().Be(1);
        storage.GetMonitoringApi().JobDetails(id).Job.Args.Should().Equal(42);
    }

    [Fact]
    public void A_modules_internal_job_class_can_be_enqueued()
    {
        using var storage = new InMemoryStorage();
        var scheduler = new JobScheduler(new BackgroundJobClient(storage), [new JobRegistration(typeof(InternalJob), "Shop")]);

        var id = scheduler.Enqueue<InternalJob>(job => job.RunAsync(Guid.Empty));

        storage.GetMonitoringApi().JobDetails(id).Job.Type.Should().Be<InternalJob>();
    }

    [Fact]
    public void A_job_whose_arguments_look_like_secrets_is_refused_before_it_is_stored()
    {
        using var storage = new InMemoryStorage();
        var scheduler = new JobScheduler(new BackgroundJobClient(storage), [new JobRegistration(typeof(SendOtpJob), "Users")]);

        var enqueue = () => scheduler.Enqueue<SendOtpJob>(job => job.RunAsync("+4512345678", "123456"));

        enqueue.Should().Throw<InvalidOperationException>().WithMessage("*otpCode*ids, never secrets*");
        storage.GetMonitoringApi().Queues().Should().BeEmpty();
    }

    [Fact]
    public void A_job_of_a_class_no_module_declared_is_refused()
    {
        using var storage = new InMemoryStorage();
        var scheduler = new JobScheduler(new BackgroundJobClient(storage), []);

        var enqueue = () => scheduler.Enqueue<DeliverReceiptJob>(job => job.RunAsync(1));

        enqueue.Should().Throw<InvalidOperationException>().WithMessage("*AddJob<DeliverReceiptJob>*");
    }

    [Fact]
    public async Task A_failing_job_is_counted_and_scheduled_for_a_retry()
    {
        var failures = 0L;
        using var listener = new System.Diagnostics.Metrics.MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Name == "marketplace.jobs.failures")
                    l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "job" && Equals(tag.Value, nameof(FailingJob)))
                    Interlocked.Add(ref failures, value);
            }
        });
        listener.Start();
        // AddJobs installs the process-wide filters (exponential retry, failure metrics) Hangfire's server applies.
        new ServiceCollection().AddJobs(new ConfigurationBuilder().Build());
        using var storage = new InMemoryStorage();
        using var server = new BackgroundJobServer(new BackgroundJobServerOptions { Queues = ["jobs_test"], Activator = new JobActivator(), SchedulePollingInterval = TimeSpan.FromSeconds(1) }, storage);
        var scheduler = new JobScheduler(new BackgroundJobClient(storage), [new JobRegistration(typeof(FailingJob), "Jobs_Test")]);

        var id = scheduler.Enqueue<FailingJob>(job => job.RunAsync(7));

        await Eventually.AssertAsync(() => Task.FromResult(Interlocked.Read(ref failures) >= 1), TimeSpan.FromSeconds(30));
        await Eventually.AssertAsync(() => Task.FromResult(storage.GetMonitoringApi().JobDetails(id).History.Any(h => h.StateName == "Scheduled" && h.Reason.Contains("Retry attempt 1 of 10"))),
            TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_job_runs_as_its_module_under_the_correlation_id_of_the_work_that_enqueued_it()
    {
        new ServiceCollection().AddJobs(new ConfigurationBuilder().Build());
        using var storage = new InMemoryStorage();
        using var server = new BackgroundJobServer(new BackgroundJobServerOptions { Queues = ["context_test"], Activator = new JobActivator() }, storage);
        var scheduler = new JobScheduler(new BackgroundJobClient(storage), [new JobRegistration(typeof(ContextProbeJob), "Context_Test")]);
        var probe = Guid.NewGuid();

        using (CallContext.Push(new CallContext(Caller.User("buyer-7", [Roles.Buyer]), "corr-job-1")))
            scheduler.Enqueue<ContextProbeJob>(job => job.RunAsync(probe));

        var seen = await Eventually.ReturnsAsync(() => Task.FromResult(ContextProbeJob.Seen.GetValueOrDefault(probe)), c => c is not null, TimeSpan.FromSeconds(30));
        seen!.CorrelationId.Should().Be("corr-job-1");
        seen.Caller.Kind.Should().Be(CallerKind.Service);
        seen.Caller.Id.Should().Be("Context_Test");
    }

    [Fact]
    public void Job_retries_back_off_exponentially_up_to_the_cap()
    {
        var options = new JobOptions { RetryAttempts = 6, FirstRetryDelay = TimeSpan.FromSeconds(10), MaxRetryDelay = TimeSpan.FromMinutes(2) };

        options.RetryDelaysInSeconds().Should().Equal(10, 20, 40, 80, 120, 120);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("BUYER,SELLER", HttpStatusCode.Forbidden)]
    [InlineData("ADMIN", HttpStatusCode.OK)]
    public async Task The_jobs_dashboard_is_for_admins_only(string? roles, HttpStatusCode expected)
    {
        await using var app = await DashboardAppAsync();
        using var client = app.GetTestClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/jobs");
        if (roles is not null)
            request.Headers.Add(TestAuthentication.RolesHeader, roles);

        using var response = await client.SendAsync(request);

        response.StatusCode.Should().Be(expected);
    }

    private static async Task<WebApplication> DashboardAppAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Jobs:Server"] = "false" });
        builder.Services.AddSingleton<IConnectionMultiplexer>(_ => throw new InvalidOperationException("no Redis in this unit test"));
        builder.Services.AddJobs(builder.Configuration);
        builder.Services.AddSingleton<JobStorage>(new InMemoryStorage());
        // Stands in for the gateway's JWT bearer scheme (issue 3): roles from a header.
        builder.Services.AddAuthentication(TestAuthentication.SchemeName).AddScheme<AuthenticationSchemeOptions, TestAuthentication>(TestAuthentication.SchemeName, _ => { });
        var app = builder.Build();
        app.UseJobsDashboard();
        await app.StartAsync();
        return app;
    }

    public sealed class ContextProbeJob
    {
        public static System.Collections.Concurrent.ConcurrentDictionary<Guid, CallContext> Seen { get; } = new();

        public Task RunAsync(Guid probe)
        {
            Seen[probe] = CallContext.Current;
            return Task.CompletedTask;
        }
    }

    public sealed class FailingJob
    {
        public Task RunAsync(int number) => throw new InvalidOperationException($"job {number} fails");
    }

    internal sealed class InternalJob
    {
        public Task RunAsync(Guid orderId) => Task.CompletedTask;
    }

    public sealed class SendOtpJob
    {
        public Task RunAsync(string phone, string otpCode) => Task.CompletedTask;
    }

    private sealed class TestAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string SchemeName = "Test";
        public const string RolesHeader = "X-Test-Roles";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (!Request.Headers.TryGetValue(RolesHeader, out var roles))
                return Task.FromResult(AuthenticateResult.NoResult());
            var identity = new ClaimsIdentity(roles.ToString().Split(',').Select(r => new Claim(ClaimTypes.Role, r)).Append(new Claim(ClaimTypes.Name, "someone")), SchemeName);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
        }
    }
}
