/// The PostgreSQL schema, one frozen list of statements per migration: the
/// tables of the SQLite schema with PostgreSQL types.
///
/// Full text (from `v2`) is a `tsvector` over `vanban_fold(text)`: `unaccent`
/// (which, unlike ICU and FTS5, maps `đ` to `d`), lower case, and ASCII
/// punctuation turned into spaces, the same keys as `Folding.words` gives
/// SQLite. `unaccent()` is only STABLE, so an index cannot call it directly;
/// `vanban_fold` is an IMMUTABLE wrapper that names the dictionary (and the
/// schema the extension lives in), which makes the index expression safe.
/// Other SQL clients search the same way:
/// `to_tsvector('simple', vanban_fold(text)) @@ plainto_tsquery('simple', vanban_fold('Sở Giáo dục'))`.
enum PostgresSchema {
    static let migrations: [(name: String, statements: [String])] = [
        ("v1", statements(v1)),
        ("v2", v2),
        ("v4", ["ALTER TABLE document ADD COLUMN schema_version TEXT NOT NULL DEFAULT '1'"]),
        ("v5", v5),
        ("v6", [
            "ALTER TABLE document ADD COLUMN level TEXT",
            "ALTER TABLE document ADD COLUMN locality TEXT",
            "ALTER TABLE document ADD COLUMN province TEXT",
            "ALTER TABLE document ADD COLUMN province_now TEXT",
            "CREATE INDEX document_province ON document(province)",
            "CREATE INDEX document_province_now ON document(province_now)",
        ]),
        ("v7", ["""
            CREATE TABLE agency_place_stats (
                agency_id BIGINT NOT NULL REFERENCES agency(id) ON DELETE CASCADE,
                locality TEXT NOT NULL,
                tasks BIGINT NOT NULL,
                documents BIGINT NOT NULL,
                PRIMARY KEY (agency_id, locality)
            )
            """]),
    ]

    /// The same bytes are one document: other paths they arrived under are kept in
    /// `document_path`; documents stored twice before are merged into the first.
    static let v5: [String] = [
        """
        CREATE TABLE document_path (
            path TEXT PRIMARY KEY,
            document_id BIGINT NOT NULL REFERENCES document(id) ON DELETE CASCADE
        )
        """,
        "CREATE INDEX document_path_document ON document_path(document_id)",
        """
        CREATE TEMP TABLE vb_duplicate ON COMMIT DROP AS
            SELECT d.id, d.path, (SELECT min(e.id) FROM document e WHERE e.sha256 = d.sha256) AS keep
            FROM document d WHERE EXISTS (SELECT 1 FROM document e WHERE e.sha256 = d.sha256 AND e.id < d.id)
        """,
        "INSERT INTO document_path (path, document_id) SELECT path, keep FROM vb_duplicate ON CONFLICT DO NOTHING",
        """
        UPDATE agency_stats s SET tasks = s.tasks - x.led, documents = s.documents - x.docs
        FROM (SELECT ta.agency_id, count(DISTINCT CASE WHEN ta.role = 'lead' THEN ta.task_id END) AS led,
                     count(DISTINCT t.document_id) AS docs
              FROM task_agency ta JOIN task t ON t.id = ta.task_id
              WHERE t.document_id IN (SELECT id FROM vb_duplicate) GROUP BY ta.agency_id) x
        WHERE s.agency_id = x.agency_id
        """,
        "DELETE FROM document WHERE id IN (SELECT id FROM vb_duplicate)",
    ]

    /// A schema text cut into statements (the extended protocol takes one at a
    /// time); only for texts with no `;` inside a statement.
    static func statements(_ sql: String) -> [String] {
        sql.split(separator: ";").map(String.init).filter { !$0.allSatisfy(\.isWhitespace) }
    }

    static let v1 = """
        CREATE TABLE document (
            id BIGSERIAL PRIMARY KEY,
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
        CREATE INDEX document_listing ON document((coalesce(issued_date, '')), name, id);

        CREATE TABLE outline_node (
            id BIGSERIAL PRIMARY KEY,
            document_id BIGINT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
            section TEXT NOT NULL,
            label TEXT NOT NULL,
            heading TEXT NOT NULL,
            position INTEGER NOT NULL
        );
        CREATE INDEX outline_node_document ON outline_node(document_id);

        CREATE TABLE paragraph (
            id BIGSERIAL PRIMARY KEY,
            document_id BIGINT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
            section TEXT NOT NULL,
            marker TEXT,
            text TEXT NOT NULL,
            folded TEXT NOT NULL
        );
        CREATE INDEX paragraph_document ON paragraph(document_id);
        CREATE INDEX paragraph_search ON paragraph USING gin (to_tsvector('simple', folded));

        CREATE TABLE citation (
            id BIGSERIAL PRIMARY KEY,
            document_id BIGINT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
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
            id BIGSERIAL PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            key TEXT NOT NULL UNIQUE
        );
        CREATE TABLE agency_stats (
            agency_id BIGINT PRIMARY KEY REFERENCES agency(id) ON DELETE CASCADE,
            tasks BIGINT NOT NULL,
            documents BIGINT NOT NULL
        );
        CREATE TABLE agency_alias (
            agency_id BIGINT NOT NULL REFERENCES agency(id) ON DELETE CASCADE,
            alias TEXT NOT NULL,
            key TEXT NOT NULL,
            PRIMARY KEY (agency_id, alias)
        );
        CREATE INDEX agency_alias_key ON agency_alias(key);

        CREATE TABLE task (
            id BIGSERIAL PRIMARY KEY,
            document_id BIGINT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
            document_label TEXT NOT NULL,
            section TEXT NOT NULL,
            text TEXT NOT NULL,
            deadline TEXT
        );
        CREATE INDEX task_document ON task(document_id);
        CREATE TABLE task_agency (
            task_id BIGINT NOT NULL REFERENCES task(id) ON DELETE CASCADE,
            agency_id BIGINT NOT NULL REFERENCES agency(id),
            role TEXT NOT NULL CHECK (role IN ('lead', 'support')),
            PRIMARY KEY (task_id, agency_id, role)
        );
        CREATE INDEX task_agency_agency ON task_agency(agency_id, role, task_id);

        CREATE TABLE deadline (
            id BIGSERIAL PRIMARY KEY,
            document_id BIGINT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
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
        CREATE INDEX deadline_date ON deadline(date COLLATE "C");
        CREATE INDEX deadline_document ON deadline(document_id);
        CREATE TABLE deadline_agency (
            deadline_id BIGINT NOT NULL REFERENCES deadline(id) ON DELETE CASCADE,
            agency_id BIGINT NOT NULL REFERENCES agency(id),
            PRIMARY KEY (deadline_id, agency_id)
        );
        CREATE INDEX deadline_agency_agency ON deadline_agency(agency_id);

        CREATE TABLE target (
            id BIGSERIAL PRIMARY KEY,
            document_id BIGINT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
            value DOUBLE PRECISION NOT NULL,
            upper DOUBLE PRECISION,
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

    /// Full text through `unaccent` instead of a column folded in Swift.
    static let v2: [String] = [
        // A schema of its own, so that dropping one VanBan schema never drops the
        // extension (and with it the index of every other one); an unaccent
        // already installed by an administrator is used where it is.
        """
        DO $ext$
        BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'unaccent') THEN
                CREATE SCHEMA IF NOT EXISTS vanban_ext;
                CREATE EXTENSION unaccent SCHEMA vanban_ext;
            END IF;
        END
        $ext$
        """,
        """
        DO $fold$
        DECLARE s name;
        BEGIN
            SELECT n.nspname INTO s FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
            WHERE e.extname = 'unaccent';
            EXECUTE format('CREATE FUNCTION vanban_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE '
                           || 'RETURN regexp_replace(lower(%I.unaccent(%L::regdictionary, t)), %L, '' '', ''g'')',
                           s, quote_ident(s) || '.unaccent', '[\\x01-\\x2f\\x3a-\\x60\\x7b-\\x7f]+');
        END
        $fold$
        """,
        "ALTER TABLE paragraph DROP COLUMN folded",
        "CREATE INDEX paragraph_search ON paragraph USING gin (to_tsvector('simple', vanban_fold(text)))",
    ]
}
