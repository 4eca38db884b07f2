using Npgsql;

namespace Marketplace.Testing;

/// <summary>
/// Where the real services of the test run are: the ones <c>scripts/services.sh</c> starts, unless the environment says
/// otherwise (the same variables the host reads; <c>scripts/test.sh</c> sets them from <c>services.sh test-env</c>). The
/// defaults are the suite's own database and Redis database, never the demo's.
/// </summary>
public static class TestServices
{
    /// <summary>
    /// The database of this test process's host when its suite runs in a database of its own (set once by the suite's
    /// fixture before its host starts, e.g. <c>CatalogApp</c>); then <see cref="Postgres"/>, and with it the helpers that
    /// read the database (<c>Gql.ScalarAsync</c>, <see cref="TestSigningKey"/>), use it. Null: the test run's database.
    /// A test assembly is one process with one suite fixture, so one value per process is enough.
    /// </summary>
    public static string? SuiteDatabase { get; set; }

    public static string Postgres => SuiteDatabase ?? RunDatabase;

    /// <summary>The test run's database (<c>marketplace_test</c> unless the environment says otherwise).</summary>
    public static string RunDatabase { get; } = NotTheDemo(
        Environment.GetEnvironmentVariable("ConnectionStrings__Marketplace")
        ?? "Host=127.0.0.1;Port=15432;Database=marketplace_test;Username=marketplace;Password=marketplace");

    public static string Redis => Environment.GetEnvironmentVariable("ConnectionStrings__Redis") ?? "127.0.0.1:16379,defaultDatabase=1";

    /// <summary>
    /// The signing-key passphrase of every test host (Development's built-in one): production-mode hosts must be given
    /// one, and with the same passphrase everywhere every host reads the keys the others create in the shared database.
    /// </summary>
    public const string SigningKeyPassphrase = "marketplace-development-signing-key-passphrase";

    public static string Nats => Environment.GetEnvironmentVariable("ConnectionStrings__Nats") ?? "nats://127.0.0.1:14222";

    /// <summary>Creates an empty database (PostGIS comes from template1) and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.CreateVersion7():N}"[..Math.Min(prefix.Length + 33, 63)].ToLowerInvariant();
        await using var connection = new NpgsqlConnection(WithDatabase(Postgres, "postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return WithDatabase(Postgres, name);
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(WithDatabase(Postgres, "postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        // An autovacuum worker (the superuser's) visiting the young database is one FORCE may not terminate as the test
        // role (42501): it finishes within moments, so the drop is retried until it goes through, within a bound.
        await Eventually.ReturnsAsync(
            async () =>
            {
                try
                {
                    await command.ExecuteNonQueryAsync();
                    return "dropped";
                }
                catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.InsufficientPrivilege)
                {
                    return exception.MessageText;
                }
            },
            outcome => outcome == "dropped",
            TimeSpan.FromSeconds(10),
            $"database {name} is dropped");
    }

    /// <summary>The demo database (<c>marketplace</c>, what start.sh seeds) is refused: a test run must not fill it.</summary>
    private static string NotTheDemo(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString).Database == "marketplace"
            ? throw new InvalidOperationException("Tests never use the demo database 'marketplace': run them with scripts/test.sh (or eval \"$(scripts/services.sh test-env)\").")
            : connectionString;

    public static string WithDatabase(string connectionString, string database) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Database = database }.ConnectionString;
}
