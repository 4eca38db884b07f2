using System.Collections.Concurrent;
using System.Linq.Expressions;
using Hangfire;
using Hangfire.Common;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Marketplace.Shared.Jobs;

/// <summary>A job a module runs on a schedule (<c>ModuleBuilder.AddRecurringJob</c>), on its module's queue.</summary>
public sealed class RecurringJobRegistration
{
    private static readonly ConcurrentDictionary<Type, string> Modules = new();

    private RecurringJobRegistration(string id, string cron, string module, Job job)
    {
        Id = id;
        Cron = cron;
        Module = module;
        Job = job;
    }

    public string Id { get; }

    public string Cron { get; }

    public string Module { get; }

    public Job Job { get; }

    public static RecurringJobRegistration Create<TJob>(string id, string cron, string module, Expression<Func<TJob, Task>> call)
        where TJob : class
    {
        if (string.IsNullOrWhiteSpace(cron))
            throw new ConfigurationException($"Modules:{module}", cron, $"the schedule of {id} is empty");
        Modules[typeof(TJob)] = module;
        return new RecurringJobRegistration(id, cron, module, Job.FromExpression(call, JobRegistration.QueueOf(module)));
    }

    /// <summary>The module a recurring job class belongs to (its runs carry no parameters to say so).</summary>
    internal static string? ModuleOf(Type jobType) => Modules.GetValueOrDefault(jobType);
}

/// <summary>Registers (or updates) every declared recurring job with Hangfire when the host starts.</summary>
internal sealed class RecurringJobsRegistrar(IEnumerable<RecurringJobRegistration> registrations, IServiceProvider services, ILogger<RecurringJobsRegistrar> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var list = registrations.ToList();
        if (list.Count == 0)
            return Task.CompletedTask;
        var manager = new RecurringJobManager((JobStorage)services.GetService(typeof(JobStorage))!);
        foreach (var registration in list)
        {
            try
            {
                manager.AddOrUpdate(registration.Id, registration.Job, registration.Cron, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
            }
            catch (ArgumentException exception)
            {
                throw new ConfigurationException($"Modules:{registration.Module}", registration.Cron, $"the schedule of {registration.Id} is not a cron expression ({exception.Message})");
            }

            logger.LogInformation("Recurring job {Id} of {Module} runs on '{Cron}' (UTC)", registration.Id, registration.Module, registration.Cron);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
