using Marketplace.Testing;
using Npgsql;

namespace Marketplace.Users.Tests.Support;

/// <summary>Reads (and, for expiry, ages) the Users schema directly: what the API never shows, e.g. the outbox.</summary>
public static class Database
{
    public static async Task<T?> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(TestServices.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)value;
    }

    public static Task<long> CountAsync(string sql, params object[] parameters) => ScalarAsync<long>(sql, parameters);

    /// <summary>Events in the Users outbox with <paramref name="subject"/> whose payload mentions <paramref name="text"/>.</summary>
    public static Task<long> EventsAsync(string subject, string text) =>
        CountAsync("SELECT count(*) FROM users.outbox_messages WHERE subject = $1 AND payload::text LIKE '%' || $2 || '%'", subject, text);
}
