using System.Net;
using System.Net.Sockets;
using Marketplace.Modules.Notifications.Contracts;
using Marketplace.Modules.Notifications.Contracts.V1;
using Marketplace.Notifications.Tests.Support;
using Marketplace.Shared.Contracts;
using Marketplace.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Notifications.Tests;

public sealed class DeliveryLogTests
{
    [Fact]
    public async Task An_unreachable_SMTP_server_is_retried_with_backoff_and_logged_with_reason_and_attempts()
    {
        // A loopback port nobody listens on: connection refused, a transient failure.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var deadPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var run = Guid.NewGuid().ToString("N")[..10];
        var database = await TestServices.CreateDatabaseAsync("notifications_smtp");
        var factory = NotificationsHost.Configure(new MarketplaceFactory(), database, $"nd{run}", $"test:nd{run}:")
            .With("Modules:Notifications:Email:Port", deadPort.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .With("Modules:Notifications:MaxAttempts", "3");
        try
        {
            var channels = factory.Services.GetRequiredService<ContractChannels>();
            var to = NotificationsHost.UniqueEmail("unreachable");
            using (CallContext.Push(new CallContext(Caller.Service("Users"), CallContext.NewCorrelationId())))
            {
                await new NotificationsContract.NotificationsContractClient(channels.InvokerFor("Notifications")).SendTransactionalEmailAsync(new SendTransactionalEmailRequest
                {
                    Template = TransactionalTemplates.PasswordReset,
                    RecipientEmail = to,
                    IdempotencyKey = Guid.NewGuid().ToString(),
                    Data = { ["displayName"] = "Kim", ["resetUrl"] = "https://marketplace.test/reset?t=secret" },
                });
            }

            var host = new DeliveryLogProbe(database);
            var failed = await NotificationsHost.UntilAsync(
                () => host.QueryAsync("SELECT state, attempts, last_error FROM notifications.deliveries"),
                rows => rows.Count == 1 && (string)rows[0]["state"]! == "Failed",
                "the delivery failed after its attempts");

            failed[0]["attempts"].Should().Be(3);
            ((string)failed[0]["last_error"]!).Should().StartWith("SMTP: SocketException");
            (await host.QueryAsync("SELECT data_json FROM notifications.notifications"))[0]["data_json"].Should().BeNull("a failed delivery no longer needs the secret link");
        }
        finally
        {
            await factory.DisposeAsync();
            await TestServices.DropDatabaseAsync(database);
            await NotificationsHost.DeleteStreamsAsync($"nd{run}");
        }
    }

    private sealed class DeliveryLogProbe(string database)
    {
        public async Task<List<Dictionary<string, object?>>> QueryAsync(string sql)
        {
            await using var connection = new Npgsql.NpgsqlConnection(database);
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand(sql, connection);
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<Dictionary<string, object?>>();
            while (await reader.ReadAsync())
                rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i)));
            return rows;
        }
    }
}
