namespace Pith.Index;

/// <summary>
/// The parts of the schema a bulk load into an empty index drops and builds again after the rows (faster than row by
/// row): the secondary indexes, the triggers that keep the title search (records_fts) in step with records, and those
/// that keep the counts (index_counts) as rows are inserted: a trigger on an insert gives that statement a statement
/// journal, into which SQLite copies each already-changed page the insert touches again (32 KiB each). These
/// definitions must be what the migrations made; a test holds them to it, so a change here needs a migration too.
/// </summary>
internal static class BulkLoadSchema
{
    public static readonly (string Name, string Create)[] TitleSearchTriggers =
    [
        ("records_fts_insert",
            """
            CREATE TRIGGER records_fts_insert AFTER INSERT ON records BEGIN
                INSERT INTO records_fts (rowid, title) VALUES (new.id, new.title);
            END
            """),
        ("records_fts_delete",
            """
            CREATE TRIGGER records_fts_delete AFTER DELETE ON records BEGIN
                INSERT INTO records_fts (records_fts, rowid, title) VALUES ('delete', old.id, old.title);
            END
            """),
        ("records_fts_update",
            """
            CREATE TRIGGER records_fts_update AFTER UPDATE OF title ON records BEGIN
                INSERT INTO records_fts (records_fts, rowid, title) VALUES ('delete', old.id, old.title);
                INSERT INTO records_fts (rowid, title) VALUES (new.id, new.title);
            END
            """),
    ];

    public static readonly (string Name, string Create)[] CountTriggers =
    [
        ("index_counts_records_insert", "CREATE TRIGGER index_counts_records_insert AFTER INSERT ON records BEGIN UPDATE index_counts SET records = records + 1; END"),
        ("index_counts_history_insert", "CREATE TRIGGER index_counts_history_insert AFTER INSERT ON record_history BEGIN UPDATE index_counts SET history_copies = history_copies + 1; END"),
        ("index_counts_documents_insert", "CREATE TRIGGER index_counts_documents_insert AFTER INSERT ON record_documents BEGIN UPDATE index_counts SET documents = documents + 1; END"),
    ];

    public static readonly (string Name, string Create)[] DeferredIndexes =
    [
        ("aliases_lookup", "CREATE INDEX IF NOT EXISTS aliases_lookup ON aliases(normalized, kind)"),
        ("records_code", "CREATE INDEX IF NOT EXISTS records_code ON records(code)"),
        ("records_source", "CREATE INDEX IF NOT EXISTS records_source ON records(source_kind, source_id, source_version)"),
    ];

    /// <summary>Re-reads every title into the search (after a load without its triggers).</summary>
    private const string RebuildTitleSearch = "INSERT INTO records_fts (records_fts) VALUES ('rebuild')";

    /// <summary>Counts what the index holds (after a load without the counting triggers).</summary>
    private const string Recount =
        "UPDATE index_counts SET records = (SELECT count(*) FROM records), history_copies = (SELECT count(*) FROM record_history), " +
        "documents = (SELECT count(*) FROM record_documents)";

    /// <summary>
    /// Before a load: into an empty index, drops the secondary indexes and the search's triggers and returns true (a
    /// bulk load: <see cref="Finish"/> builds them after the rows); otherwise makes sure they are all there, finishing a
    /// bulk load that was interrupted before its end, and returns false.
    /// </summary>
    public static bool Prepare(IndexDatabase database)
    {
        var empty = database.Scalar<long>("SELECT NOT EXISTS (SELECT 1 FROM records)") == 1;
        foreach (var (name, create) in DeferredIndexes)
            database.Execute(empty ? $"DROP INDEX IF EXISTS {name}" : create);
        if (empty)
        {
            foreach (var (name, _) in TitleSearchTriggers.Concat(CountTriggers)) database.Execute($"DROP TRIGGER IF EXISTS {name}");
        }
        else if (!TitleSearchInStep(database))
        {
            InOneTransaction(database, TitleSearchRestore());
        }
        return empty;
    }

    /// <summary>After a bulk load: the indexes and the title search back, in one transaction (one sync), together or not at all.</summary>
    public static void Finish(IndexDatabase database) =>
        InOneTransaction(database, string.Concat(DeferredIndexes.Select(index => index.Create + ";\n")) + TitleSearchRestore());

    /// <summary>
    /// Why the index is not whole after a bulk load that stopped before its end (killed, a full disk): its title search
    /// misses records and its look-ups lack their indexes until the next import rebuilds them; null when it is whole.
    /// </summary>
    public static string? Unfinished(IndexDatabase database) => TitleSearchInStep(database)
        ? null
        : "an import into this index stopped before it finished, so its title search misses records (and look-ups lack their " +
          "indexes): the next 'pith import' into it rebuilds them";

    private static bool TitleSearchInStep(IndexDatabase database) =>
        database.Scalar<long>("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN ("
                              + string.Join(", ", TitleSearchTriggers.Select(t => $"'{t.Name}'")) + ")")
        == TitleSearchTriggers.Length;

    // The triggers back, every title re-read and the rows counted: the search and the counts are in step whenever the
    // search's triggers exist (a bulk load drops and restores both sets together).
    private static string TitleSearchRestore() =>
        string.Concat(TitleSearchTriggers.Concat(CountTriggers).Select(t => $"DROP TRIGGER IF EXISTS {t.Name};\n{t.Create};\n")) +
        RebuildTitleSearch + ";\n" + Recount + ";\n";

    private static void InOneTransaction(IndexDatabase database, string statements) => database.Execute("BEGIN IMMEDIATE;\n" + statements + "COMMIT;");
}
