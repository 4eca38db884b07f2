using Marketplace.Modules.Notifications.Email;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Marketplace.Modules.Notifications.Push;

/// <summary>One line at start-up per channel that is off, naming the setting that turns it on.</summary>
internal sealed partial class ChannelStatusLog(FcmClient fcm, EmailOptions email, ILogger<ChannelStatusLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!fcm.Enabled)
            LogPushDisabled(logger);
        else
            LogPushEnabled(logger, fcm.ProjectId);
        if (!email.Enabled)
            LogEmailDisabled(logger);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Push notifications are disabled: set Modules:Notifications:Push:ServiceAccountFile (an FCM service-account key) to enable them")]
    private static partial void LogPushDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Push notifications go to FCM project {ProjectId}")]
    private static partial void LogPushEnabled(ILogger logger, string? projectId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email is disabled: set Modules:Notifications:Email:Host to an SMTP server to enable it")]
    private static partial void LogEmailDisabled(ILogger logger);
}
