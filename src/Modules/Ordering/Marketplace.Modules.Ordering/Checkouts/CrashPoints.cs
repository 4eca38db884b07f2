using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Marketplace.Modules.Ordering.Checkouts;

/// <summary>
/// The test-only hook of <c>Modules:Ordering:Testing:CrashAfter</c>: at the named point of checkoutComplete (or of an order's transition) the process
/// ends on the spot (<see cref="Environment.FailFast(string)"/>: no finally blocks, no graceful shutdown), as a power cut
/// would. Never honoured in Production, whatever the setting says.
/// </summary>
internal sealed class CrashPoints(OrderingOptions options, IHostEnvironment environment, ILogger<CrashPoints> logger)
{
    public const string PaymentAuthorized = "PaymentAuthorized";
    public const string StockCommitted = "StockCommitted";
    public const string OrdersWritten = "OrdersWritten";
    public const string TransitionCommitted = "TransitionCommitted";

    public void Reached(string point)
    {
        if (options.Testing.CrashAfter != point || environment.IsProduction())
            return;
        logger.LogCritical("Test hook: crashing after {Point}", point);
        Environment.FailFast($"Ordering test hook: crash after {point}");
    }
}
