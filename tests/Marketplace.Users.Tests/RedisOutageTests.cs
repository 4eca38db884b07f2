using System.Diagnostics;
using System.Diagnostics.Metrics;
using Marketplace.Testing;
using Marketplace.Users.Tests.Support;
using StackExchange.Redis;

namespace Marketplace.Users.Tests;

/// <summary>
/// Each test on a host whose Redis is a private redis-server it may stop and start (and whose budgets start at zero).
/// </summary>
public sealed class RedisOutageTests
{
    private const string Viewer = "{ viewer { userId } }";

    [Fact]
    public async Task A_logout_while_Redis_is_down_ends_the_token_during_and_after_the_outage_and_nothing_hangs()
    {
        // A database of its own too: another host's relay (same database, another Redis) would take the pending mark.
        var database = await TestServices.CreateDatabaseAsync("users_outage");
        await using var redis = await RedisProcess.StartAsync();
        await using var app = (UsersApp)new UsersApp().With("ConnectionStrings:Redis", redis.ConnectionString).With("ConnectionStrings:Marketplace", database);
        var client = app.CreateClient();
        var leaving = await client.SignInBuyerAsync();
        var staying = (await client.SignInBuyerAsync()).Text("accessToken");
        var token = leaving.Text("accessToken");
        var session = leaving["viewer"].Text("sessionId");

        await redis.KillAsync();

        var watch = Stopwatch.StartNew();
        var during = await client.SendAsync(Viewer, token: staying);
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(4), "the revocation check gives up on Redis quickly and asks the Users module");
        during["data"]!["viewer"].Text("userId").Should().NotBeNullOrEmpty(during.ToJsonString());
        (await client.SendAsync("mutation { sessionEnd { success } }", token: token))["data"]!["sessionEnd"]!["success"]!.GetValue<bool>().Should().BeTrue();
        var afterLogout = await client.SendAsync(Viewer, token: token);
        afterLogout["errors"]![0]!["extensions"]!["code"]!.GetValue<string>().Should().Be("UNAUTHENTICATED", "the logout holds while Redis is down");
        await using (var connection = new Npgsql.NpgsqlConnection(database))
        {
            await connection.OpenAsync();
            await using var pending = new Npgsql.NpgsqlCommand("SELECT revocation_mark_pending FROM users.sessions WHERE id = @id", connection);
            pending.Parameters.AddWithValue("id", Guid.Parse(session));
            ((bool)(await pending.ExecuteScalarAsync())!).Should().BeTrue("the mark waits in PostgreSQL");
        }

        await redis.RestartAsync();

        await Eventually.AssertAsync(async () =>
        {
            await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
            return await connection.GetDatabase().KeyExistsAsync($"marketplace:revoked-session:{session}");
        }, TimeSpan.FromSeconds(30), "the pending mark reaches Redis once it is back: " + app.Logs.Lines("redis") + app.Logs.Lines("revocation"));
        (await client.SendAsync(Viewer, token: token))["errors"]![0]!["extensions"]!["code"]!.GetValue<string>().Should().Be("UNAUTHENTICATED");
        (await client.SendAsync(Viewer, token: staying))["data"]!["viewer"].Text("userId").Should().NotBeNullOrEmpty();
        await app.DisposeAsync();
        await TestServices.DropDatabaseAsync(database);
    }

    [Fact]
    public async Task A_refresh_token_reused_while_Redis_is_down_ends_its_session_durably_and_its_mark_follows()
    {
        // The reuse is answered with an error, but the session family's revocation (and its pending mark) must commit:
        // the command returns the refusal and only the contract turns it into the error.
        var database = await TestServices.CreateDatabaseAsync("users_reuse_outage");
        await using var redis = await RedisProcess.StartAsync();
        await using var app = (UsersApp)new UsersApp().With("ConnectionStrings:Redis", redis.ConnectionString).With("ConnectionStrings:Marketplace", database);
        var client = app.CreateClient();
        var signedIn = await client.SignInBuyerAsync();
        var first = signedIn.Text("refreshToken");
        var refreshed = await client.RefreshAsync(first);
        var current = refreshed.Text("accessToken");
        var session = signedIn["viewer"].Text("sessionId");

        await redis.KillAsync();
        var reused = await client.RefreshAsync(first);

        reused.Codes().Should().Equal("REFRESH_TOKEN_REUSED");
        await using (var connection = new Npgsql.NpgsqlConnection(database))
        {
            await connection.OpenAsync();
            await using var state = new Npgsql.NpgsqlCommand("SELECT revoked_reason, revocation_mark_pending FROM users.sessions WHERE id = @id", connection);
            state.Parameters.AddWithValue("id", Guid.Parse(session));
            await using var row = await state.ExecuteReaderAsync();
            (await row.ReadAsync()).Should().BeTrue();
            row.GetString(0).Should().Be("reuse_detected", "the revocation committed although the answer was an error");
            row.GetBoolean(1).Should().BeTrue("the mark Redis could not take waits in PostgreSQL");
        }

        (await client.SendAsync(Viewer, token: current))["errors"]![0]!["extensions"]!["code"]!.GetValue<string>().Should().Be("UNAUTHENTICATED", "the gateway asks the module while Redis is down");
        (await client.RefreshAsync(refreshed.Text("refreshToken"))).Codes().Should().Equal("REFRESH_TOKEN_INVALID");

        await redis.RestartAsync();

        await Eventually.AssertAsync(async () =>
        {
            await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
            return await connection.GetDatabase().KeyExistsAsync($"marketplace:revoked-session:{session}");
        }, TimeSpan.FromSeconds(30), "the pending mark reaches Redis once it is back");
        await app.DisposeAsync();
        await TestServices.DropDatabaseAsync(database);
    }

    [Fact]
    public async Task While_Redis_is_down_no_code_is_texted_and_the_answer_says_to_retry()
    {
        await using var redis = await RedisProcess.StartAsync();
        await using var app = (UsersApp)new UsersApp().With("ConnectionStrings:Redis", redis.ConnectionString);
        var client = app.CreateClient();
        var phone = Gql.NewPhone();
        _ = app.Services;
        await redis.KillAsync();

        var watch = Stopwatch.StartNew();
        var answer = await client.RequestCodeAsync(phone);

        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(4));
        answer.Codes().Should().Equal(["SENDING_UNAVAILABLE"], "texts cost money: without its budget nothing is sent (fail closed)");
        answer["userErrors"]![0]!["retryAfterSeconds"]!.GetValue<int>().Should().BePositive("the answer says when to retry");
        (await client.DevSmsAsync(phone)).Should().BeEmpty();
    }

    [Fact]
    public async Task The_global_text_budget_trips_with_a_metric_and_a_log_line()
    {
        await using var redis = await RedisProcess.StartAsync();
        await using var app = (UsersApp)new UsersApp()
            .With("ConnectionStrings:Redis", redis.ConnectionString)
            .With("Modules:Users:Limits:SmsGlobalPerHour", "2");
        var client = app.CreateClient();
        var refusals = new List<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "Marketplace" && instrument.Name == "marketplace.messages.budget.refused")
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            var values = tags.ToArray().ToDictionary(t => t.Key, t => t.Value?.ToString());
            if (values.GetValueOrDefault("channel") == "sms" && values.GetValueOrDefault("scope") == "global")
            {
                lock (refusals)
                    refusals.Add("global");
            }
        });
        listener.Start();

        (await client.RequestCodeAsync(Gql.NewPhone()))["codeSent"]!.GetValue<bool>().Should().BeTrue();
        (await client.RequestCodeAsync(Gql.NewPhone()))["codeSent"]!.GetValue<bool>().Should().BeTrue();
        var third = Gql.NewPhone();
        var refused = await client.RequestCodeAsync(third);

        refused.Codes().Should().Equal("RATE_LIMITED");
        (await client.DevSmsAsync(third)).Should().BeEmpty();
        lock (refusals)
            refusals.Should().ContainSingle();
        app.Logs.Contains("Global sms budget spent").Should().BeTrue();
    }
}
