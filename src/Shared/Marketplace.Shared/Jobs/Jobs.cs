using System.Linq.Expressions;
using Hangfire;
using Hangfire.Common;
using Hangfire.Dashboard;
using Hangfire.Redis.StackExchange;
using Hangfire.Server;
using Hangfire.States;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.Operations;
using Marketplace.Shared.Events;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using HangfireLog = Hangfire.Logging;

namespace Marketplace.Shared.Jobs;

/// <summary>A job class declared by a module with <c>AddJob</c>; it runs on the module's queue.</summary>
public sealed record JobRegistration(Type JobType, string Module)
{
    public string Queue => QueueOf(Module);

    /// <summary>Hangfire queue names are lower case letters, digits and underscores: <c>Notifications</c> → <c>notifications</c>.</summary>
    public static string QueueOf(string module) => module.ToLowerInvariant();
}

/// <summary>
/// Enqueues a module's background work. Arguments are ids (they are stored in Redis and shown on the dashboard):
/// the job loads what it needs, so secrets never sit in a job. Throws when the job store is unreachable, so a
/// consumer that enqueues does not acknowledge its message until the job is safely stored.
/// </summary>
public interface IJobScheduler
{
    string Enqueue<TJob>(Expression<Func<TJob, Task>> call)
        where TJob : class;

    string Schedule<TJob>(Expression<Func<TJob, Task>> call, TimeSpan delay)
        where TJob : class;
}

internal sealed class JobScheduler(IBackgroundJobClient client, IEnumerable<JobRegistration> registrations) : IJobScheduler
{
    private static readonly string[] SecretWords = ["password", "secret", "token", "otp", "code", "pin"];

    public string Enqueue<TJob>(Expression<Func<TJob, Task>> call)
        where TJob : class =>
        Create(call, new EnqueuedState(RegistrationOf(typeof(TJob)).Queue));

    public string Schedule<TJob>(Expression<Func<TJob, Task>> call, TimeSpan delay)
        where TJob : class =>
        Create(call, new ScheduledState(delay));

    private string Create<TJob>(Expression<Func<TJob, Task>> call, IState state)
        where TJob : class
    {
        var registration = RegistrationOf(typeof(TJob));
        var job = Build(call, registration.Queue);
        // The job runs as its module, under the correlation id of the work that enqueued it (JobContextFilter).
        var parameters = new Dictionary<string, object>
        {
            [JobContextFilter.ModuleParameter] = registration.Module,
            [JobContextFilter.CorrelationParameter] = CallContext.Current.CorrelationId,
        };
        return client is IBackgroundJobClientV2 withParameters ? withParameters.Create(job, state, parameters) : client.Create(job, state);
    }

    private static Job Build<TJob>(Expression<Func<TJob, Task>> call, string queue)
        where TJob : class
    {
        var job = Job.FromExpression(call, queue);
        // Ids, not secrets: a parameter named like a secret is refused before anything reaches Redis.
        var suspicious = job.Method.GetParameters().FirstOrDefault(p => SecretWords.Any(w => p.Name?.Contains(w, StringComparison.OrdinalIgnoreCase) == true));
        if (suspicious is not null)
            throw new InvalidOperationException($"Job {typeof(TJob).Name}.{job.Method.Name} takes '{suspicious.Name}': job arguments hold ids, never secrets.");
        return job;
    }

    private JobRegistration RegistrationOf(Type jobType) =>
        registrations.FirstOrDefault(r => r.JobType == jobType)
        ?? throw new InvalidOperationException($"{jobType.Name} is not declared with module.AddJob<{jobType.Name}>(); its module's queue is unknown.");
}

/// <summary>Settings under <c>Jobs</c>.</summary>
public sealed class JobOptions
{
    public const string Section = "Jobs";

    /// <summary>Run a Hangfire server in this process (off for command-line use or API-only replicas).</summary>
    public bool Server { get; set; } = true;

    public int WorkerCount { get; set; } = Math.Min(Environment.ProcessorCount * 5, 20);

    /// <summary>Attempts after the first failure; delays double from <see cref="FirstRetryDelay"/> up to <see cref="MaxRetryDelay"/>.</summary>
    public int RetryAttempts { get; set; } = 10;

    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Redis key prefix, so several deployments can share one Redis.</summary>
    public string Prefix { get; set; } = "marketplace:jobs:";

    /// <summary>How often an idle worker polls Redis (new jobs also arrive by pub/sub at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    internal int[] RetryDelaysInSeconds() =>
        Enumerable.Range(0, RetryAttempts)
            .Select(i => (int)Math.Min(FirstRetryDelay.TotalSeconds * Math.Pow(2, i), MaxRetryDelay.TotalSeconds))
            .ToArray();
}

public static class JobsServiceCollectionExtensions
{
    public const string DashboardPath = "/jobs";
    public const string DashboardPolicy = "jobs-dashboard";

    private static readonly Lock FilterLock = new();

    /// <summary>
    /// Hangfire on Redis (the shared <see cref="IConnectionMultiplexer"/>): one queue per module that declared jobs
    /// (plus <c>default</c>), exponential retries, failure metrics, and the ADMIN-only dashboard policy.
    /// </summary>
    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(JobOptions.Section).Get<JobOptions>() ?? new JobOptions();
        services.AddSingleton(options);
        // Our storage instance, registered before AddHangfire, so Hangfire's client and server use it rather than
        // the static JobStorage.Current (two hosts in one process, as in the tests, keep separate stores).
        services.AddSingleton<JobStorage>(sp => new RedisStorage(sp.GetRequiredService<IConnectionMultiplexer>(), new RedisStorageOptions
        {
            Prefix = options.Prefix,
            FetchTimeout = options.PollInterval,
        }));
        services.AddHangfire((sp, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new ResilientLogProvider(sp.GetRequiredService<ILoggerFactory>())));
        ConfigureGlobalFilters(options);
        services.AddSingleton<IJobScheduler, JobScheduler>();

        if (options.Server)
        {
            services.AddHangfireServer((sp, server) =>
            {
                server.Queues = sp.GetServices<JobRegistration>().Select(r => r.Queue).Append("default").Distinct(StringComparer.Ordinal).ToArray();
                server.WorkerCount = options.WorkerCount;
                server.SchedulePollingInterval = options.PollInterval;
            });
        }

        services.AddHostedService<RecurringJobsRegistrar>();
        services.AddAuthorizationBuilder().AddPolicy(DashboardPolicy, policy => policy.RequireRole(Roles.Admin));
        return services;
    }

    /// <summary>
    /// The dashboard at <c>/jobs</c>, for callers whose <see cref="System.Security.Claims.ClaimsPrincipal"/> has the
    /// ADMIN role (the policy is evaluated by the dashboard itself, so it holds whatever middleware order the host uses;
    /// without an authentication scheme nobody is admin and everyone is refused).
    /// </summary>
    public static IApplicationBuilder UseJobsDashboard(this IApplicationBuilder app) =>
        app.UseHangfireDashboard(DashboardPath, new DashboardOptions
        {
            Authorization = [],
            AsyncAuthorization = [new PolicyDashboardAuthorization(DashboardPolicy)],
            DisplayStorageConnectionString = false,
            DashboardTitle = "Marketplace jobs",
        }, app.ApplicationServices.GetRequiredService<JobStorage>());

    private static void ConfigureGlobalFilters(JobOptions options)
    {
        // Hangfire's filters are process-wide; replace its default retry once rather than stacking copies.
        lock (FilterLock)
        {
            foreach (var existing in GlobalJobFilters.Filters.Where(f => f.Instance is AutomaticRetryAttribute or JobFailureMetrics or JobContextFilter).ToList())
                GlobalJobFilters.Filters.Remove(existing.Instance);
            GlobalJobFilters.Filters.Add(new AutomaticRetryAttribute
            {
                Attempts = options.RetryAttempts,
                DelaysInSeconds = options.RetryDelaysInSeconds(),
                LogEvents = true,
                OnAttemptsExceeded = AttemptsExceededAction.Fail,
            });
            GlobalJobFilters.Filters.Add(new JobFailureMetrics());
            GlobalJobFilters.Filters.Add(new JobContextFilter());
        }
    }
}

/// <summary>Counts failed job executions (each retry included) on <c>marketplace.jobs.failures</c>.</summary>
internal sealed class JobFailureMetrics : JobFilterAttribute, IServerFilter
{
    public void OnPerforming(PerformingContext context)
    {
    }

    public void OnPerformed(PerformedContext context)
    {
        if (context.Exception is not null && !context.ExceptionHandled)
            EventMetrics.JobFailures.Add(1, EventMetrics.Tag("job", context.BackgroundJob.Job.Type.Name));
    }
}

/// <summary>Runs each job with <see cref="CallContext"/> = its module as service caller + the enqueuer's correlation id.</summary>
internal sealed class JobContextFilter : JobFilterAttribute, IServerFilter
{
    public const string ModuleParameter = "Module";
    public const string CorrelationParameter = "CorrelationId";
    private const string ScopeItem = "Marketplace.CallContext";

    public void OnPerforming(PerformingContext context)
    {
        // Recurring runs carry no parameters: their module is known from their declaration (RecurringJobRegistration).
        var module = context.GetJobParameter<string>(ModuleParameter) ?? RecurringJobRegistration.ModuleOf(context.BackgroundJob.Job.Type);
        if (module is null)
            return;
        var correlation = context.GetJobParameter<string>(CorrelationParameter) ?? CallContext.NewCorrelationId();
        // Filters run synchronously around the job on the same flow, so the pushed context is the job's.
        context.Items[ScopeItem] = CallContext.Push(new CallContext(Caller.Service(module), correlation));
    }

    public void OnPerformed(PerformedContext context)
    {
        if (context.Items.TryGetValue(ScopeItem, out var scope) && scope is IDisposable disposable)
            disposable.Dispose();
    }
}

internal sealed class PolicyDashboardAuthorization(string policy) : IDashboardAsyncAuthorizationFilter
{
    public async Task<bool> AuthorizeAsync(DashboardContext context)
    {
        var http = context.GetHttpContext();
        // The dashboard may sit before the host's authentication middleware: authenticate with the default scheme
        // ourselves (the JWT bearer scheme once it exists), so the role check sees the real caller.
        // No authentication configured at all (no scheme provider) simply means nobody is ADMIN.
        if (http.User.Identity?.IsAuthenticated != true
            && http.RequestServices.GetService<IAuthenticationSchemeProvider>() is { } schemes
            && (await schemes.GetSchemeAsync(AccessTokenScheme.Name).ConfigureAwait(false) ?? await schemes.GetDefaultAuthenticateSchemeAsync().ConfigureAwait(false)) is { } scheme)
        {
            var result = await http.AuthenticateAsync(scheme.Name).ConfigureAwait(false);
            if (result.Succeeded)
                http.User = result.Principal;
        }

        var authorization = http.RequestServices.GetRequiredService<IAuthorizationService>();
        return (await authorization.AuthorizeAsync(http.User, policy).ConfigureAwait(false)).Succeeded;
    }
}

/// <summary>
/// Hangfire's log provider is process-wide and points at the logger factory of the host that configured it last.
/// When that host is disposed (tests run several hosts in one process; the host command builds one per command)
/// logging must degrade to nothing instead of throwing ObjectDisposedException into job clients and servers.
/// </summary>
internal sealed class ResilientLogProvider(ILoggerFactory factory) : HangfireLog.ILogProvider
{
    private readonly Hangfire.AspNetCore.AspNetCoreLogProvider _inner = new(factory);

    public HangfireLog.ILog GetLogger(string name)
    {
        try
        {
            return new SafeLog(_inner.GetLogger(name));
        }
        catch (ObjectDisposedException)
        {
            return new SafeLog(null);
        }
    }

    private sealed class SafeLog(HangfireLog.ILog? inner) : HangfireLog.ILog
    {
        public bool Log(HangfireLog.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            try
            {
                return inner?.Log(logLevel, messageFunc, exception) ?? false;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }
}
