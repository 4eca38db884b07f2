using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Marketplace.Modules.Ordering.Payments;

/// <summary>One line at start-up saying which payment methods are on (CARD is off until Stripe keys are configured).</summary>
internal sealed class PaymentStartupLog(IEnumerable<IPaymentProvider> providers, ILogger<PaymentStartupLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var off = providers.Where(p => !p.Enabled).Select(p => p.Method).ToList();
        if (off.Count > 0)
            logger.LogWarning("Payment methods off: {Methods} (CARD needs Modules:Ordering:Stripe:SecretKey); on: {On}", string.Join(", ", off), string.Join(", ", providers.Where(p => p.Enabled).Select(p => p.Method)));
        else
            logger.LogInformation("Payment methods on: {On}", string.Join(", ", providers.Select(p => p.Method)));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
