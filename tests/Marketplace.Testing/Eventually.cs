namespace Marketplace.Testing;

/// <summary>Awaits an asynchronous effect with a bounded poll, never a fixed sleep.</summary>
public static class Eventually
{
    public static async Task<T> ReturnsAsync<T>(Func<Task<T?>> probe, Func<T?, bool> done, TimeSpan? timeout = null, string? because = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        var delay = TimeSpan.FromMilliseconds(20);
        while (true)
        {
            var value = await probe();
            if (done(value))
                return value!;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Condition not met within {timeout ?? TimeSpan.FromSeconds(15)}{(because is null ? "" : $": {because}")}; last value: {value}");
            await Task.Delay(delay);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 250));
        }
    }

    public static Task AssertAsync(Func<Task<bool>> condition, TimeSpan? timeout = null, string? because = null) =>
        ReturnsAsync(async () => (bool?)await condition(), v => v == true, timeout, because);
}
