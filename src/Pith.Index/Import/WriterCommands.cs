using Microsoft.Data.Sqlite;

namespace Pith.Index.Import;

/// <summary>
/// The Microsoft.Data.Sqlite commands of an import writer: prepared once with their named parameters, bound by name,
/// enlisted together in the batch's transaction and disposed together.
/// </summary>
internal sealed class WriterCommands(SqliteConnection connection) : IDisposable
{
    private readonly List<SqliteCommand> _all = [];

    public SqliteCommand Add(string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters) command.Parameters.Add(new SqliteParameter { ParameterName = name });
        _all.Add(command);
        return command;
    }

    /// <summary>Binds every command to the transaction under way (Microsoft.Data.Sqlite requires it).</summary>
    public void Enlist(SqliteTransaction transaction)
    {
        foreach (var command in _all) command.Transaction = transaction;
    }

    public void Dispose()
    {
        foreach (var command in _all) command.Dispose();
    }

    public static SqliteCommand Bind(SqliteCommand command, params (string Name, object? Value)[] values)
    {
        foreach (var (name, value) in values) command.Parameters[name].Value = value ?? DBNull.Value;
        return command;
    }
}
