using Marketplace.Testing;
using Npgsql;

namespace Marketplace.Platform.Tests.Persistence;

/// <summary>The host's <c>migrate</c> command, run as a process against fresh databases.</summary>
public sealed class MigrationTests
{
    private static readonly string[] ModuleSchemas = ["users", "sellers", "catalog", "notifications"];

    [Fact]
    public async Task Migrate_creates_each_module_schema_with_its_history_table_inside()
    {
        var database = await TestServices.CreateDatabaseAsync("migrate");
        try
        {
            var result = await Migrate(database);

            result.ExitCode.Should().Be(0, result.StandardError);
            foreach (var schema in ModuleSchemas)
                (await TableExists(database, schema, "__ef_migrations_history")).Should().BeTrue($"schema {schema} holds its own history");
            (await TableExists(database, "public", "__ef_migrations_history")).Should().BeFalse("no module migrates into public");
        }
        finally
        {
            await TestServices.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task A_first_migration_logs_no_failure()
    {
        // A newcomer's first start.sh used to print eight red "fail:" lines: EF reading history tables not created yet.
        var database = await TestServices.CreateDatabaseAsync("migrate");
        try
        {
            var result = await Migrate(database, new Dictionary<string, string?> { ["ASPNETCORE_ENVIRONMENT"] = "Development" });

            result.ExitCode.Should().Be(0, result.StandardError);
            var output = result.StandardOutput + result.StandardError;
            output.Should().Contain("is up to date");
            output.Should().NotContain("fail:").And.NotContain("crit:");
        }
        finally
        {
            await TestServices.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task Migrate_is_idempotent()
    {
        var database = await TestServices.CreateDatabaseAsync("migrate");
        try
        {
            (await Migrate(database)).ExitCode.Should().Be(0);
            var applied = await CountHistoryRows(database);

            var second = await Migrate(database);

            second.ExitCode.Should().Be(0, second.StandardError);
            (await CountHistoryRows(database)).Should().Be(applied);
        }
        finally
        {
            await TestServices.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task Processes_migrating_one_database_at_once_both_succeed()
    {
        var database = await TestServices.CreateDatabaseAsync("migrate");
        try
        {
            var results = await Task.WhenAll(Migrate(database), Migrate(database), Migrate(database));

            results.Should().AllSatisfy(r => r.ExitCode.Should().Be(0, r.StandardError + r.StandardOutput));
            foreach (var schema in ModuleSchemas)
                (await TableExists(database, schema, "__ef_migrations_history")).Should().BeTrue();
        }
        finally
        {
            await TestServices.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task A_module_with_its_own_connection_string_migrates_into_its_own_database()
    {
        var shared = await TestServices.CreateDatabaseAsync("migrate");
        var usersOnly = await TestServices.CreateDatabaseAsync("migrate_users");
        try
        {
            var result = await Migrate(shared, new Dictionary<string, string?> { ["ConnectionStrings__Users"] = usersOnly });

            result.ExitCode.Should().Be(0, result.StandardError);
            (await TableExists(usersOnly, "users", "__ef_migrations_history")).Should().BeTrue();
            (await TableExists(shared, "users", "__ef_migrations_history")).Should().BeFalse();
            (await TableExists(shared, "catalog", "__ef_migrations_history")).Should().BeTrue();
        }
        finally
        {
            await TestServices.DropDatabaseAsync(shared);
            await TestServices.DropDatabaseAsync(usersOnly);
        }
    }

    private static Task<HostProcess.Result> Migrate(string database, Dictionary<string, string?>? extra = null)
    {
        var environment = new Dictionary<string, string?>
        {
            ["ConnectionStrings__Marketplace"] = database,
            ["ConnectionStrings__Redis"] = TestServices.Redis,
            ["ConnectionStrings__Nats"] = TestServices.Nats,
        };
        foreach (var (key, value) in extra ?? [])
            environment[key] = value;
        return HostProcess.RunAsync(["migrate"], environment);
    }

    private static async Task<bool> TableExists(string database, string schema, string table)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT EXISTS (SELECT 1 FROM information_schema.tables WHERE table_schema = @schema AND table_name = @table)", connection);
        command.Parameters.AddWithValue("schema", schema);
        command.Parameters.AddWithValue("table", table);
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<long> CountHistoryRows(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        long total = 0;
        foreach (var schema in ModuleSchemas)
        {
            await using var command = new NpgsqlCommand($"SELECT count(*) FROM \"{schema}\".__ef_migrations_history", connection);
            total += (long)(await command.ExecuteScalarAsync())!;
        }

        return total;
    }
}
