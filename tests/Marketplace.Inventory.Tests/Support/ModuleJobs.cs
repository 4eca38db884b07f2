using Marketplace.Shared.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Inventory.Tests.Support;

/// <summary>
/// Runs one of the Inventory module's background jobs now, as Hangfire would (its module as the caller), but without
/// Hangfire's filters: so a test can also run several sweeps at once, which the recurring schedule never does, and show
/// they stay correct anyway. The job classes are internal to the module; they are found by name.
/// </summary>
public static class ModuleJobs
{
    public static async Task<object?> RunAsync(InventoryApp app, string jobName)
    {
        var type = typeof(Marketplace.Modules.Inventory.InventoryModule).Assembly.GetType($"Marketplace.Modules.Inventory.Jobs.{jobName}", throwOnError: true)!;
        await using var scope = app.Services.CreateAsyncScope();
        using var _ = InventoryApp.As(Caller.Service("Inventory"));
        var task = (Task)type.GetMethod("RunAsync")!.Invoke(scope.ServiceProvider.GetRequiredService(type), [])!;
        await task;
        return task.GetType().GetProperty("Result")?.GetValue(task);
    }
}
