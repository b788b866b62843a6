/// The SQLite schema, one frozen text per migration. Application types never appear here.
enum Schema {
    static let v1 = """
        CREATE TABLE document (
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            format TEXT NOT NULL,
            encoding TEXT NOT NULL,
            document_type TEXT,
            document_type_key TEXT,
            number TEXT,
            number_key TEXT,
            symbol TEXT,
            issuer TEXT,
            issuer_key TEXT,
            place TEXT,
            issued_date TEXT,
            title TEXT,
            imported_at TEXT NOT NULL,
            contract TEXT NOT NULL
        );
        CREATE INDEX document_sha256 ON document(sha256);
        CREATE INDEX document_number_key ON document(number_key);
        CREATE INDEX document_name ON document(name);

        CREATE TABLE outline_node (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
            section TEXT NOT NULL,
            label TEXT NOT NULL,
            heading TEXT NOT NULL,
            position INTEGER NOT NULL
        );
        CREATE INDEX outline_node_document ON outline_node(document_id);

        CREATE TABLE paragraph (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
            section TEXT NOT NULL,
            marker TEXT,
            text TEXT NOT NULL,
            folded TEXT NOT NULL
        );
        CREATE INDEX paragraph_document ON paragraph(document_id);
        -- Full text over folded text (case, diacritics and đ removed before indexing).
        CREATE VIRTUAL TABLE paragraph_fts USING fts5(folded, content='paragraph', content_rowid='id', tokenize='unicode61');
        CREATE TRIGGER paragraph_ai AFTER INSERT ON paragraph BEGIN
            INSERT INTO paragraph_fts(rowid, folded) VALUES (new.id, new.folded);
        END;
        CREATE TRIGGER paragraph_ad AFTER DELETE ON paragraph BEGIN
            INSERT INTO paragraph_fts(paragraph_fts, rowid, folded) VALUES ('delete', old.id, old.folded);
        END;

        CREATE TABLE citation (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            number TEXT,
            number_key TEXT,
            date TEXT,
            issuer TEXT,
            title TEXT,
            role TEXT NOT NULL,
            section TEXT NOT NULL,
            quote TEXT NOT NULL
        );
        CREATE INDEX citation_number_key ON citation(number_key);
        CREATE INDEX citation_document ON citation(document_id);

        CREATE TABLE agency (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            key TEXT NOT NULL UNIQUE
        );
        -- Counts kept current by the writer, so that listing agencies never scans every task.
        CREATE TABLE agency_stats (
            agency_id INTEGER PRIMARY KEY REFERENCES agency(id) ON DELETE CASCADE,
            tasks INTEGER NOT NULL,
            documents INTEGER NOT NULL
        );
        CREATE TABLE agency_alias (
            agency_id INTEGER NOT NULL REFERENCES agency(id) ON DELETE CASCADE,
            alias TEXT NOT NULL,
            key TEXT NOT NULL,
            PRIMARY KEY (agency_id, alias)
        );
        CREATE INDEX agency_alias_key ON agency_alias(key);

        CREATE TABLE task (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
            document_label TEXT NOT NULL, -- number, else file name (copied: answers need no join)
            section TEXT NOT NULL,
            text TEXT NOT NULL,
            deadline TEXT
        );
        CREATE INDEX task_document ON task(document_id);
        CREATE TABLE task_agency (
            task_id INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
            agency_id INTEGER NOT NULL REFERENCES agency(id),
            role TEXT NOT NULL CHECK (role IN ('lead', 'support')),
            PRIMARY KEY (task_id, agency_id, role)
        );
        CREATE INDEX task_agency_agency ON task_agency(agency_id, role, task_id);

        CREATE TABLE deadline (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
            document_label TEXT NOT NULL,
            document_year INTEGER,
            date TEXT,
            resolved_date TEXT,
            recurrence TEXT,
            relation TEXT,
            section TEXT NOT NULL,
            quote TEXT NOT NULL,
            agencies TEXT NOT NULL
        );
        CREATE INDEX deadline_date ON deadline(date);
        CREATE INDEX deadline_document ON deadline(document_id);
        CREATE TABLE deadline_agency (
            deadline_id INTEGER NOT NULL REFERENCES deadline(id) ON DELETE CASCADE,
            agency_id INTEGER NOT NULL REFERENCES agency(id),
            PRIMARY KEY (deadline_id, agency_id)
        );
        CREATE INDEX deadline_agency_agency ON deadline_agency(agency_id);

        CREATE TABLE target (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
            value REAL NOT NULL,
            upper REAL,
            unit TEXT NOT NULL,
            unit_key TEXT NOT NULL,
            comparator TEXT NOT NULL,
            indicator TEXT NOT NULL,
            indicator_key TEXT NOT NULL,
            year INTEGER,
            section TEXT NOT NULL,
            quote TEXT NOT NULL
        );
        CREATE INDEX target_year ON target(year);
        CREATE INDEX target_unit ON target(unit_key);
        CREATE INDEX target_document ON target(document_id);

        CREATE TABLE failure (
            path TEXT PRIMARY KEY,
            reason TEXT NOT NULL,
            sha256 TEXT,
            failed_at TEXT NOT NULL
        );
        """

    /// The order of `documents` listings (and of their cursor), so that a page is an
    /// index range instead of a sort of every document.
    static let v2 = """
        CREATE INDEX document_listing ON document(coalesce(issued_date, ''), name, id);
        """

    /// Paragraphs enter the full-text index once per written batch (`SQLiteStore.write`),
    /// not through a trigger per row; deletions still go through `paragraph_ad`.
    static let v3 = """
        DROP TRIGGER paragraph_ai;
        """

    /// The contract version each document was stored under (contract 2 added it),
    /// so that a newer VanBan re-reads older documents when their files are imported again.
    static let v4 = """
        ALTER TABLE document ADD COLUMN schema_version TEXT NOT NULL DEFAULT '1';
        """

    /// The same bytes are one document: other paths they arrived under are kept here.
    /// Documents stored twice before are merged into the first (its agency counts kept right).
    static let v5 = """
        CREATE TABLE document_path (
            path TEXT PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE
        );
        CREATE INDEX document_path_document ON document_path(document_id);
        CREATE TEMP TABLE vb_duplicate AS
            SELECT d.id, d.path, (SELECT min(e.id) FROM document e WHERE e.sha256 = d.sha256) AS keep
            FROM document d WHERE EXISTS (SELECT 1 FROM document e WHERE e.sha256 = d.sha256 AND e.id < d.id);
        INSERT OR IGNORE INTO document_path (path, document_id) SELECT path, keep FROM vb_duplicate;
        UPDATE agency_stats SET
            tasks = tasks - (SELECT count(DISTINCT ta.task_id) FROM task_agency ta JOIN task t ON t.id = ta.task_id
                             WHERE ta.agency_id = agency_stats.agency_id AND ta.role = 'lead'
                               AND t.document_id IN (SELECT id FROM vb_duplicate)),
            documents = documents - (SELECT count(DISTINCT t.document_id) FROM task_agency ta JOIN task t ON t.id = ta.task_id
                                     WHERE ta.agency_id = agency_stats.agency_id AND t.document_id IN (SELECT id FROM vb_duplicate))
        WHERE agency_id IN (SELECT ta.agency_id FROM task_agency ta JOIN task t ON t.id = ta.task_id
                            WHERE t.document_id IN (SELECT id FROM vb_duplicate));
        -- Foreign keys are off while migrations run: no cascade, so every child row goes by hand.
        DELETE FROM task_agency WHERE task_id IN (SELECT t.id FROM task t WHERE t.document_id IN (SELECT id FROM vb_duplicate));
        DELETE FROM deadline_agency WHERE deadline_id IN (SELECT x.id FROM deadline x WHERE x.document_id IN (SELECT id FROM vb_duplicate));
        DELETE FROM task WHERE document_id IN (SELECT id FROM vb_duplicate);
        DELETE FROM deadline WHERE document_id IN (SELECT id FROM vb_duplicate);
        DELETE FROM target WHERE document_id IN (SELECT id FROM vb_duplicate);
        DELETE FROM citation WHERE document_id IN (SELECT id FROM vb_duplicate);
        DELETE FROM paragraph WHERE document_id IN (SELECT id FROM vb_duplicate);
        DELETE FROM outline_node WHERE document_id IN (SELECT id FROM vb_duplicate);
        DELETE FROM document WHERE id IN (SELECT id FROM vb_duplicate);
        DROP TABLE vb_duplicate;
        """

    /// Each document's jurisdiction (`Jurisdiction`): its level, the locality, the province
    /// then and the province now (after the 2025 merger). Filled for stored documents from
    /// their contracts right after this runs (`SQLiteStore.backfillJurisdictions`).
    static let v6 = """
        ALTER TABLE document ADD COLUMN level TEXT;
        ALTER TABLE document ADD COLUMN locality TEXT;
        ALTER TABLE document ADD COLUMN province TEXT;
        ALTER TABLE document ADD COLUMN province_now TEXT;
        CREATE INDEX document_province ON document(province);
        CREATE INDEX document_province_now ON document(province_now);
        """

    /// Agency identity: counts per agency and locality (`Sở Tài chính` of `tỉnh Đồng Nai`
    /// apart from that of `tỉnh Nghệ An`; national bodies under `''`). Filled for stored
    /// documents right after this runs (`SQLiteStore.backfillAgencyPlaces`).
    static let v7 = """
        CREATE TABLE agency_place_stats (
            agency_id INTEGER NOT NULL REFERENCES agency(id) ON DELETE CASCADE,
            locality TEXT NOT NULL,
            tasks INTEGER NOT NULL,
            documents INTEGER NOT NULL,
            PRIMARY KEY (agency_id, locality)
        );
        """

    /// Targets by unit answered from the index alone: every column a listing shows, in
    /// import order after the unit, so that `--unit %` over a whole index (most targets)
    /// never reads the table's rows with their long quotes. Replaces `target_unit`.
    static let v8 = """
        CREATE INDEX target_unit_rows ON target(unit_key, id, document_id, section, value, upper, unit, comparator, year, indicator);
        DROP INDEX target_unit;
        """
}
