namespace Pith.Index;

/// <summary>
/// The schema, as ordered migrations: migration i takes <c>PRAGMA user_version</c> from i to i+1. Append only;
/// never edit a migration that has shipped. Each is frozen SQL text, built from nothing the code uses today (what a bulk
/// load drops and restores is in <see cref="BulkLoadSchema"/>, and a test holds it to what these migrations make).
/// </summary>
internal static class Migrations
{
    public static readonly string[] Steps =
    [
        // 1: records, their aliases, older copies, import runs and rejected inputs.
        """
        CREATE TABLE import_runs (
            id          INTEGER PRIMARY KEY,
            started_at  TEXT NOT NULL,
            finished_at TEXT,
            sources     TEXT NOT NULL,   -- JSON array of the paths given
            imported    INTEGER NOT NULL DEFAULT 0,
            updated     INTEGER NOT NULL DEFAULT 0,
            unchanged   INTEGER NOT NULL DEFAULT 0,
            historical  INTEGER NOT NULL DEFAULT 0,
            rejected    INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE records (
            id             INTEGER PRIMARY KEY,
            pith_number    TEXT NOT NULL UNIQUE,
            code           TEXT NOT NULL,      -- the 26 base32 characters
            digest         BLOB NOT NULL,      -- canonical SHA-256, 32 bytes
            year           TEXT NOT NULL,
            source_kind    TEXT NOT NULL,
            source_id      TEXT NOT NULL,
            source_version INTEGER NOT NULL,
            title          TEXT,
            key_id         TEXT NOT NULL,
            signature      TEXT NOT NULL,
            updated_at     TEXT,               -- the record's own updated_at: which copy is current
            imported_at    TEXT NOT NULL,
            imported_from  TEXT NOT NULL,      -- path, with :LINE for JSON Lines
            run_id         INTEGER NOT NULL REFERENCES import_runs(id),
            bytes_sha256   BLOB NOT NULL,      -- of the original bytes: recognises an unchanged input
            original       BLOB NOT NULL       -- the file's bytes exactly
        );
        CREATE INDEX records_source ON records(source_kind, source_id, source_version);
        CREATE INDEX records_code ON records(code);
        CREATE TABLE record_history (
            id            INTEGER PRIMARY KEY,
            record_id     INTEGER NOT NULL REFERENCES records(id),
            updated_at    TEXT,
            imported_at   TEXT NOT NULL,
            imported_from TEXT NOT NULL,
            run_id        INTEGER NOT NULL REFERENCES import_runs(id),
            bytes_sha256  BLOB NOT NULL,
            original      BLOB NOT NULL,
            UNIQUE (record_id, bytes_sha256)
        );
        CREATE TABLE aliases (
            record_id  INTEGER NOT NULL REFERENCES records(id),
            kind       TEXT NOT NULL,
            value      TEXT NOT NULL,
            normalized TEXT NOT NULL,
            PRIMARY KEY (record_id, kind)
        ) WITHOUT ROWID;
        CREATE INDEX aliases_lookup ON aliases(normalized, kind);
        CREATE TABLE rejects (
            id     INTEGER PRIMARY KEY,
            run_id INTEGER NOT NULL REFERENCES import_runs(id),
            path   TEXT NOT NULL,
            line   INTEGER,
            reason TEXT NOT NULL
        );
        CREATE INDEX rejects_run ON rejects(run_id);
        """,

        // 2: full-text search over titles. An external-content FTS5 table (the titles are stored once, in records),
        // kept in step by triggers, so that every writer of records (the importer among them) keeps it current
        // without knowing of it; filled from the records an older index already holds.
        """
        CREATE VIRTUAL TABLE records_fts USING fts5(title, content = 'records', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
        CREATE TRIGGER records_fts_insert AFTER INSERT ON records BEGIN
            INSERT INTO records_fts (rowid, title) VALUES (new.id, new.title);
        END;
        CREATE TRIGGER records_fts_delete AFTER DELETE ON records BEGIN
            INSERT INTO records_fts (records_fts, rowid, title) VALUES ('delete', old.id, old.title);
        END;
        CREATE TRIGGER records_fts_update AFTER UPDATE OF title ON records BEGIN
            INSERT INTO records_fts (records_fts, rowid, title) VALUES ('delete', old.id, old.title);
            INSERT INTO records_fts (rowid, title) VALUES (new.id, new.title);
        END;
        INSERT INTO records_fts (records_fts) VALUES ('rebuild');
        """,

        // 3: bundles and state files. One record per Pith number whatever documents brought it: records.original is the
        // record document when one was imported, else the first bundle (or, failing that, state file) that brought the
        // number, and records.document_type says which. Every bundle and state file is kept in record_documents.
        """
        ALTER TABLE records ADD COLUMN document_type TEXT NOT NULL DEFAULT 'pith_number_record';  -- the type of records.original
        ALTER TABLE records ADD COLUMN unsigned INTEGER NOT NULL DEFAULT 0;  -- 1: only a state file (--allow-unsigned) brought it: no receipt verified, key_id and signature ''
        ALTER TABLE import_runs ADD COLUMN noted INTEGER NOT NULL DEFAULT 0;
        CREATE TABLE record_documents (
            id             INTEGER PRIMARY KEY,
            record_id      INTEGER NOT NULL REFERENCES records(id),
            bytes_sha256   BLOB NOT NULL,
            document_type  TEXT NOT NULL,      -- pith_open_graph_bundle or pith_open_graph_state
            imported_from  TEXT NOT NULL,
            first_seen_run INTEGER NOT NULL REFERENCES import_runs(id),
            original       BLOB NOT NULL,      -- the file's bytes exactly: its events and graph snapshots are in no record
            UNIQUE (record_id, bytes_sha256)
        );
        -- Every document type seen for each record: record copies (current and older), bundles and state files.
        CREATE VIEW record_document_types (record_id, document_type) AS
            SELECT id, document_type FROM records
            UNION SELECT record_id, 'pith_number_record' FROM record_history
            UNION SELECT record_id, document_type FROM record_documents;
        """,

        // 4: the stored bytes of the current copies in a table of their own. Building the secondary indexes and the title
        // search reads every row of records: with the bytes (about 7 KB a record) in the rows, a bulk load read its whole
        // index back three times (2.7 GB at 100,000 records); without them, about a twentieth of that. records is rebuilt
        // rather than altered: DROP COLUMN rewrites the rows in place and leaves the table's pages as many as before, nearly
        // empty. (SQLite's way to rebuild a table: foreign keys are off while migrating, and checked before the commit.)
        // Its indexes, search triggers and view come back with it, and the search is re-read, whatever state it was in.
        """
        CREATE TABLE record_originals (
            record_id INTEGER PRIMARY KEY REFERENCES records(id),
            original  BLOB NOT NULL             -- the file's bytes exactly (records.document_type says which document)
        );
        INSERT INTO record_originals (record_id, original) SELECT id, original FROM records;
        CREATE TABLE records_rebuilt (
            id             INTEGER PRIMARY KEY,
            pith_number    TEXT NOT NULL UNIQUE,
            code           TEXT NOT NULL,      -- the 26 base32 characters
            digest         BLOB NOT NULL,      -- canonical SHA-256, 32 bytes
            year           TEXT NOT NULL,
            source_kind    TEXT NOT NULL,
            source_id      TEXT NOT NULL,
            source_version INTEGER NOT NULL,
            title          TEXT,
            key_id         TEXT NOT NULL,
            signature      TEXT NOT NULL,
            updated_at     TEXT,               -- the record's own updated_at: which copy is current
            imported_at    TEXT NOT NULL,
            imported_from  TEXT NOT NULL,      -- path, with :LINE for JSON Lines
            run_id         INTEGER NOT NULL REFERENCES import_runs(id),
            bytes_sha256   BLOB NOT NULL,      -- of the stored bytes: recognises an unchanged input
            document_type  TEXT NOT NULL DEFAULT 'pith_number_record',  -- the type of the document stored in record_originals
            unsigned       INTEGER NOT NULL DEFAULT 0  -- 1: only a state file (--allow-unsigned) brought it: no receipt verified, key_id and signature ''
        );
        INSERT INTO records_rebuilt
        SELECT id, pith_number, code, digest, year, source_kind, source_id, source_version, title, key_id, signature, updated_at,
               imported_at, imported_from, run_id, bytes_sha256, document_type, unsigned
        FROM records ORDER BY id;
        DROP VIEW record_document_types;
        DROP TABLE records;
        ALTER TABLE records_rebuilt RENAME TO records;
        CREATE VIEW record_document_types (record_id, document_type) AS
            SELECT id, document_type FROM records
            UNION SELECT record_id, 'pith_number_record' FROM record_history
            UNION SELECT record_id, document_type FROM record_documents;
        CREATE INDEX IF NOT EXISTS records_code ON records(code);
        CREATE INDEX IF NOT EXISTS records_source ON records(source_kind, source_id, source_version);
        CREATE TRIGGER records_fts_insert AFTER INSERT ON records BEGIN
            INSERT INTO records_fts (rowid, title) VALUES (new.id, new.title);
        END;
        CREATE TRIGGER records_fts_delete AFTER DELETE ON records BEGIN
            INSERT INTO records_fts (records_fts, rowid, title) VALUES ('delete', old.id, old.title);
        END;
        CREATE TRIGGER records_fts_update AFTER UPDATE OF title ON records BEGIN
            INSERT INTO records_fts (records_fts, rowid, title) VALUES ('delete', old.id, old.title);
            INSERT INTO records_fts (rowid, title) VALUES (new.id, new.title);
        END;
        INSERT INTO records_fts (records_fts) VALUES ('rebuild');
        """,

        // 5: whether an import run was stopped by SIGINT or SIGTERM. Such a run finishes (its counts are kept and
        // finished_at is set), so finished_at alone cannot tell it from a run that read all its inputs.
        """
        ALTER TABLE import_runs ADD COLUMN interrupted INTEGER NOT NULL DEFAULT 0;  -- 1: stopped by SIGINT or SIGTERM before reading all its inputs
        """,

        // 6: a feed of the documents stored, in the order they were stored, for mirrors that follow this index (pith serve's
        // /feed.jsonl, pith sync), and where each followed feed was read up to. A feed row names a document by its record and
        // its bytes' SHA-256; the bytes stay where they are kept (the record's row, record_history or record_documents). An
        // older index's documents are entered in the order an export writes them. feed_identity tells this index's feed
        // from another's: a cursor carries it, so a cursor given out by another index is never read as one of this one's.
        """
        CREATE TABLE document_feed (
            seq          INTEGER PRIMARY KEY,
            record_id    INTEGER NOT NULL REFERENCES records(id),
            bytes_sha256 BLOB NOT NULL
        );
        INSERT INTO document_feed (record_id, bytes_sha256) SELECT id, bytes_sha256 FROM records ORDER BY id;
        INSERT INTO document_feed (record_id, bytes_sha256) SELECT record_id, bytes_sha256 FROM record_history ORDER BY id;
        INSERT INTO document_feed (record_id, bytes_sha256)
            SELECT d.record_id, d.bytes_sha256 FROM record_documents d JOIN records r ON r.id = d.record_id
            WHERE d.bytes_sha256 <> r.bytes_sha256 ORDER BY d.id;
        CREATE TABLE feed_identity (id TEXT NOT NULL);  -- one row
        INSERT INTO feed_identity (id) VALUES (lower(hex(randomblob(8))));
        CREATE TABLE sync_sources (
            url       TEXT PRIMARY KEY,   -- the feed followed, as given to pith sync
            cursor    TEXT NOT NULL,      -- where its last committed page ended
            synced_at TEXT NOT NULL
        );
        """,

        // 7: what the index holds, counted as it is written: a server shows these counts on every page, and counting
        // millions of rows per request would cost it more than the request. Triggers keep them, so every writer (import,
        // and anything that writes later) keeps them exact in its own transaction without knowing of them; a bulk load
        // drops them with the title search's and recounts at its end (BulkLoadSchema).
        """
        CREATE TABLE index_counts (
            id             INTEGER PRIMARY KEY CHECK (id = 1),  -- one row
            records        INTEGER NOT NULL,
            history_copies INTEGER NOT NULL,
            documents      INTEGER NOT NULL   -- bundles and state files kept in record_documents
        );
        INSERT INTO index_counts (id, records, history_copies, documents)
        VALUES (1, (SELECT count(*) FROM records), (SELECT count(*) FROM record_history), (SELECT count(*) FROM record_documents));
        CREATE TRIGGER index_counts_records_insert AFTER INSERT ON records BEGIN UPDATE index_counts SET records = records + 1; END;
        CREATE TRIGGER index_counts_records_delete AFTER DELETE ON records BEGIN UPDATE index_counts SET records = records - 1; END;
        CREATE TRIGGER index_counts_history_insert AFTER INSERT ON record_history BEGIN UPDATE index_counts SET history_copies = history_copies + 1; END;
        CREATE TRIGGER index_counts_history_delete AFTER DELETE ON record_history BEGIN UPDATE index_counts SET history_copies = history_copies - 1; END;
        CREATE TRIGGER index_counts_documents_insert AFTER INSERT ON record_documents BEGIN UPDATE index_counts SET documents = documents + 1; END;
        CREATE TRIGGER index_counts_documents_delete AFTER DELETE ON record_documents BEGIN UPDATE index_counts SET documents = documents - 1; END;
        """,

        // 8: variants: copies of a record with its Pith number and its updated_at (or a date not believed) but other content,
        // which never become current. A table of their own rather than rows of record_history: they are not older copies,
        // and every reader of record_history (older copies in show, stats, resolve) stays true without a filter. Each has
        // its own id (storage order), its record's id, its bytes' SHA-256 and its bytes exactly, like an older copy.
        """
        CREATE TABLE record_variants (
            id            INTEGER PRIMARY KEY,
            record_id     INTEGER NOT NULL REFERENCES records(id),
            updated_at    TEXT,               -- as the copy states it
            imported_at   TEXT NOT NULL,
            imported_from TEXT NOT NULL,
            run_id        INTEGER NOT NULL REFERENCES import_runs(id),
            bytes_sha256  BLOB NOT NULL,
            original      BLOB NOT NULL,      -- the file's bytes exactly
            UNIQUE (record_id, bytes_sha256)
        );
        ALTER TABLE import_runs ADD COLUMN variants INTEGER NOT NULL DEFAULT 0;
        DROP VIEW record_document_types;
        CREATE VIEW record_document_types (record_id, document_type) AS
            SELECT id, document_type FROM records
            UNION SELECT record_id, 'pith_number_record' FROM record_history
            UNION SELECT record_id, 'pith_number_record' FROM record_variants
            UNION SELECT record_id, document_type FROM record_documents;
        """,
    ];

    public static int Latest => Steps.Length;
}
