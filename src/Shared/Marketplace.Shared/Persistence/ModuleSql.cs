using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Marketplace.Shared.Persistence;

/// <summary>
/// Hand-written statements on a module's connection, inside the command's transaction when one is open: for what EF's
/// change tracker cannot express (Inventory's conditional counter moves, Ordering's row locks, idempotency claims and
/// batched inserts). Parameters only, never string concatenation of values.
/// </summary>
public static class ModuleSql
{
    public static async Task<int> ExecuteAsync(this ModuleDbContext db, string sql, Action<NpgsqlParameterCollection> parameters, CancellationToken cancellationToken)
    {
        await using var command = await CommandAsync(db, sql, cancellationToken);
        parameters(command.Parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<List<T>> QueryAsync<T>(this ModuleDbContext db, string sql, Action<NpgsqlParameterCollection> parameters, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
            await connection.OpenAsync(cancellationToken);
        try
        {
            await using var command = await CommandAsync(db, sql, cancellationToken);
            parameters(command.Parameters);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var rows = new List<T>();
            while (await reader.ReadAsync(cancellationToken))
                rows.Add(read(reader));
            return rows;
        }
        finally
        {
            if (opened)
                await connection.CloseAsync();
        }
    }

    /// <summary>
    /// Several statements in one round trip (PostgreSQL runs them in order inside the transaction). The rows of result
    /// set <paramref name="resultIndex"/> are read, counting only the statements that return rows (a SELECT, or a
    /// statement ending in one): Npgsql's reader passes over the others.
    /// </summary>
    public static async Task<List<T>> BatchAsync<T>(this ModuleDbContext db, IReadOnlyList<NpgsqlBatchCommand> commands, int resultIndex, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var batch = new NpgsqlBatch(connection, Transaction(db));
        foreach (var command in commands)
            batch.BatchCommands.Add(command);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        for (var index = 0; ; index++)
        {
            if (index == resultIndex)
            {
                while (await reader.ReadAsync(cancellationToken))
                    rows.Add(read(reader));
            }

            if (!await reader.NextResultAsync(cancellationToken))
                break;
        }

        return rows;
    }

    public static NpgsqlBatchCommand Statement(string sql, params object[] positional)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in positional)
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        return command;
    }

    private static async Task<NpgsqlCommand> CommandAsync(ModuleDbContext db, string sql, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != ConnectionState.Open)
            await connection.OpenAsync(cancellationToken);
        return new NpgsqlCommand(sql, connection, Transaction(db));
    }

    private static NpgsqlTransaction? Transaction(ModuleDbContext db) => db.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction;
}
