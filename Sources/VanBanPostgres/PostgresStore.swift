import Dispatch
import Foundation
import Logging
import PostgresNIO
import Synchronization
import VanBanExtract
import VanBanJSON
import VanBanModel
import VanBanStore
import VanBanText

/// The shared backend: PostgreSQL (15), through postgres-nio, behind the same
/// `DocumentStore` protocol as SQLite, with the same migrations (as PostgreSQL
/// SQL), the same keys and the same answers.
///
/// ```swift
/// let store = try PostgresStore(url: "postgres://vanban@127.0.0.1:5432/vanban")
/// try store.tasks(TaskQuery(agency: "Sở GDĐT"))
/// ```
///
/// The protocol is synchronous (the CLI, the importer's writer and the server's
/// thread pool call it from ordinary threads); each call runs its queries on the
/// client's event loops and waits. Never call it from a Swift concurrency task.
public final class PostgresStore: DocumentStore, @unchecked Sendable {
    let client: PostgresClient
    let runner: Task<Void, Never>
    let logger: Logger
    public let url: String

    /// `postgres://user[:password]@host[:port]/database[?schema=NAME]`. With `schema`, every table
    /// lives in that schema (created if missing): several indexes can share one database.
    /// With `create` false (every reader) a database without VanBan's tables throws
    /// `StoreError.noIndex` and nothing is created; with `create` (ingest) the tables are made.
    public init(url: String, create: Bool = true) throws {
        self.url = url
        guard let c = URLComponents(string: url), ["postgres", "postgresql"].contains(c.scheme ?? ""),
              let host = c.host, !host.isEmpty else {
            throw StoreError.cannotOpen(path: url, reason: "not a postgres:// URL (postgres://user@host:port/database)")
        }
        let database = String(c.path.drop { $0 == "/" })
        let schema = c.queryItems?.first { $0.name == "schema" }?.value
        if let schema, !schema.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) {
            throw StoreError.cannotOpen(path: url, reason: "schema names are letters, digits and _")
        }
        var config = PostgresClient.Configuration(host: host, port: c.port ?? 5432, username: c.user ?? "postgres",
                                                  password: c.password, database: database.isEmpty ? nil : database, tls: .disable)
        config.options.connectTimeout = .seconds(10)
        if let schema { config.options.additionalStartupParameters = [("search_path", schema)] }
        var log = Logger(label: "vanban.postgres")
        log.logLevel = .warning
        logger = log
        let client = PostgresClient(configuration: config, backgroundLogger: log)
        self.client = client
        runner = Task.detached { await client.run() }
        do {
            try Self.wait { [client, log] in
                try await client.withConnection { conn in
                    if !create {
                        let found = try await conn.query("SELECT to_regclass('vanban_migration') IS NOT NULL AND to_regclass('document') IS NOT NULL",
                                                         logger: log).decode(Bool.self)
                        var present = false
                        for try await p in found { present = p }
                        if !present { throw StoreError.noIndex(url) }
                    }
                    if let schema { try await conn.query(PostgresQuery(unsafeSQL: "CREATE SCHEMA IF NOT EXISTS \(schema)"), logger: log) }
                    try await Self.migrate(conn, logger: log)
                }
            }
        } catch let e as StoreError {
            runner.cancel()
            throw e
        } catch {
            runner.cancel()
            throw StoreError.cannotOpen(path: url, reason: Self.describe(error))
        }
    }

    deinit { runner.cancel() }

    /// Applies the migrations not yet applied, each once, under an advisory lock.
    /// Reads the jurisdiction of every stored document from its contract (with migration v6).
    static func backfillJurisdictions(_ conn: PostgresConnection, logger: Logger) async throws {
        var rows: [(Int64, String)] = []
        for try await row in try await conn.query("SELECT id, contract FROM document", logger: logger).decode((Int64, String).self) { rows.append(row) }
        for (id, json) in rows {
            guard let (j, contract) = placedContract(json) else { continue }
            try await conn.query("""
                UPDATE document SET level = \(j.level.rawValue), locality = \(j.locality), province = \(j.province),
                                    province_now = \(j.currentProvince), contract = \(contract) WHERE id = \(id)
                """, logger: logger)
        }
    }

    /// Counts per agency identity for stored documents (with migration v7).
    static func backfillAgencyPlaces(_ conn: PostgresConnection, logger: Logger) async throws {
        var counts = AgencyPlaceCounts()
        for try await (aid, key, province, locality, level, led) in try await conn.query("""
            SELECT ta.agency_id, a.key, d.province, d.locality, d.level, count(DISTINCT CASE WHEN ta.role = 'lead' THEN ta.task_id END)
            FROM task_agency ta JOIN task t ON t.id = ta.task_id JOIN agency a ON a.id = ta.agency_id JOIN document d ON d.id = t.document_id
            GROUP BY ta.agency_id, t.document_id, a.key, d.province, d.locality, d.level
            """, logger: logger).decode((Int64, String, String?, String?, String?, Int64).self) {
            counts.add(agency: aid, key: key, province: province, locality: locality, level: level, led: led)
        }
        for c in counts.rows {
            try await conn.query("""
                INSERT INTO agency_place_stats (agency_id, locality, tasks, documents) VALUES (\(c.agency), \(c.locality), \(c.tasks), \(c.documents))
                """, logger: logger)
        }
    }

    static func migrate(_ conn: PostgresConnection, logger: Logger) async throws {
        try await conn.query("SELECT pg_advisory_lock(7345231)", logger: logger)
        do {
            try await conn.query("CREATE TABLE IF NOT EXISTS vanban_migration (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())", logger: logger)
            var applied = Set<String>()
            for try await name in try await conn.query("SELECT name FROM vanban_migration", logger: logger).decode(String.self) { applied.insert(name) }
            for m in PostgresSchema.migrations where !applied.contains(m.name) {
                try await conn.query("BEGIN", logger: logger)
                do {
                    for statement in m.statements {
                        do {
                            try await conn.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                        } catch where statement.contains("CREATE EXTENSION") {
                            throw MigrationError(message: """
                                migration \(m.name): \(describe(error)); full text needs the unaccent extension (in Debian's \
                                postgresql-15 package): ask an administrator to run CREATE EXTENSION unaccent in this database
                                """)
                        }
                    }
                    if m.name == "v6" { try await backfillJurisdictions(conn, logger: logger) }
                    if m.name == "v7" { try await backfillAgencyPlaces(conn, logger: logger) }
                    try await conn.query("INSERT INTO vanban_migration (name) VALUES (\(m.name))", logger: logger)
                    try await conn.query("COMMIT", logger: logger)
                } catch {
                    try? await conn.query("ROLLBACK", logger: logger)
                    throw error
                }
            }
        } catch {
            _ = try? await conn.query("SELECT pg_advisory_unlock(7345231)", logger: logger)
            throw error
        }
        try await conn.query("SELECT pg_advisory_unlock(7345231)", logger: logger)
    }

    /// Runs async work from a synchronous caller and waits for it.
    static func wait<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
        let result = Mutex<Result<T, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            let r: Result<T, any Error>
            do { r = .success(try await body()) } catch { r = .failure(error) }
            result.withLock { $0 = r }
            done.signal()
        }
        done.wait()
        return try result.withLock { $0! }.get()
    }

    /// A migration that cannot run for a reason the user can fix.
    struct MigrationError: Error { var message: String }

    /// PostgreSQL's own message when there is one.
    static func describe(_ error: any Error) -> String {
        if let e = error as? MigrationError { return e.message }
        if let e = error as? PSQLError {
            if let message = e.serverInfo?[.message] { return message }
            return "\(e.code)"
        }
        return "\(error)"
    }

    func run<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection, Logger) async throws -> T) throws -> T {
        let client = self.client, logger = self.logger
        do {
            return try Self.wait { try await client.withConnection { try await body($0, logger) } }
        } catch let e as StoreError {
            throw e
        }
    }

    // MARK: Writing

    public func storedSources() throws -> [String: String] {
        try run { conn, log in
            var out: [String: String] = [:]
            for try await (path, sha, version) in try await conn.query("""
                SELECT path, sha256, schema_version FROM document
                UNION ALL SELECT p.path, d.sha256, d.schema_version FROM document_path p JOIN document d ON d.id = p.document_id
                """, logger: log).decode((String, String, String).self) {
                out[path] = version == Document.currentSchemaVersion ? sha : StoredSource.outdated(sha)
            }
            return out
        }
    }

    public func storedPath(sha256: String) throws -> String? {
        try run { conn, log in
            for try await path in try await conn.query("SELECT path FROM document WHERE sha256 = \(sha256) ORDER BY id LIMIT 1", logger: log)
                .decode(String.self) { return path }
            return nil
        }
    }

    public func write(_ batch: [IngestRecord]) throws {
        guard !batch.isEmpty else { return }
        let now = ISO8601DateFormatter().string(from: Date())
        try run { conn, log in
            try await conn.query("BEGIN", logger: log)
            do {
                var writer = PostgresWriter(conn: conn, logger: log, now: now)
                for record in batch {
                    switch record {
                    case let .failure(path, reason, sha):
                        try await conn.query("""
                            INSERT INTO failure (path, reason, sha256, failed_at) VALUES (\(path), \(reason), \(sha), \(now))
                            ON CONFLICT (path) DO UPDATE SET reason = excluded.reason, sha256 = excluded.sha256, failed_at = excluded.failed_at
                            """, logger: log)
                    case let .document(path, prepared):
                        try await writer.insert(prepared, path: path)
                    case .otherPath:
                        continue
                    }
                }
                for case let .otherPath(path, sha) in batch {
                    if try await !writer.keep(path: path, asAnotherPathOf: sha) {
                        let reason = IngestRecord.orphanReason(sha)
                        try await conn.query("""
                            INSERT INTO failure (path, reason, sha256, failed_at) VALUES (\(path), \(reason), \(sha), \(now))
                            ON CONFLICT (path) DO UPDATE SET reason = excluded.reason, sha256 = excluded.sha256, failed_at = excluded.failed_at
                            """, logger: log)
                    }
                }
                try await conn.query("COMMIT", logger: log)
            } catch {
                try? await conn.query("ROLLBACK", logger: log)
                throw error
            }
        }
    }

    // MARK: Queries

    /// Agencies whose canonical name or a recorded alias folds like the query.
    static func agencyIDs(_ conn: PostgresConnection, _ agency: String, _ log: Logger) async throws -> [Int64] {
        let keys = agencyQueryKeys(agency)
        var ids: [Int64] = []
        for try await id in try await conn.query("""
            SELECT id FROM agency WHERE key = ANY(\(keys))
            UNION SELECT agency_id FROM agency_alias WHERE key = ANY(\(keys))
            """, logger: log).decode(Int64.self) { ids.append(id) }
        return ids.sorted()
    }

    public func tasks(_ q: TaskQuery) throws -> [TaskRow] {
        try run { conn, log in
            var names: [Int64: String] = [:]
            var ids: [Int64]? = nil
            if let agency = q.agency {
                let found = try await Self.agencyIDs(conn, agency, log)
                if found.isEmpty { return [] }
                ids = found
                for try await (id, name) in try await conn.query("SELECT id, name FROM agency WHERE id = ANY(\(found))", logger: log)
                    .decode((Int64, String).self) { names[id] = name }
            } else {
                for try await (id, name) in try await conn.query("SELECT id, name FROM agency", logger: log).decode((Int64, String).self) {
                    names[id] = name
                }
            }
            let role = q.role.rawValue
            let limit: Int64 = q.limit.map(Int64.init) ?? Int64.max
            let offset = Int64(q.offset)
            let prov = q.place.province, lvl = q.place.level, anyPlace = !q.place.isEmpty
            let rows: PostgresRowSequence
            if let ids {
                rows = try await conn.query("""
                    SELECT t.document_label, t.section, ta.agency_id, t.text, t.deadline
                    FROM task_agency ta JOIN task t ON t.id = ta.task_id
                    WHERE ta.role = \(role) AND ta.agency_id = ANY(\(ids))
                      AND (\(anyPlace) = false OR t.document_id IN (SELECT id FROM document WHERE (\(prov)::text IS NULL OR province = \(prov) OR province_now = \(prov)) AND (\(lvl)::text IS NULL OR level = \(lvl))))
                    ORDER BY ta.task_id, ta.agency_id LIMIT \(limit) OFFSET \(offset)
                    """, logger: log)
            } else {
                rows = try await conn.query("""
                    SELECT t.document_label, t.section, ta.agency_id, t.text, t.deadline
                    FROM task_agency ta JOIN task t ON t.id = ta.task_id
                    WHERE ta.role = \(role)
                      AND (\(anyPlace) = false OR t.document_id IN (SELECT id FROM document WHERE (\(prov)::text IS NULL OR province = \(prov) OR province_now = \(prov)) AND (\(lvl)::text IS NULL OR level = \(lvl))))
                    ORDER BY ta.task_id, ta.agency_id LIMIT \(limit) OFFSET \(offset)
                    """, logger: log)
            }
            var out: [TaskRow] = []
            for try await (doc, section, aid, text, deadline) in rows.decode((String, String, Int64, String, String?).self) {
                out.append(TaskRow(document: doc, section: section, role: role, agency: names[aid] ?? "", text: text, deadline: deadline))
            }
            return out
        }
    }

    public func agencies() throws -> [AgencyRow] {
        try run { conn, log in
            var out: [AgencyRow] = []
            for try await (name, locality, tasks, documents, aliases) in try await conn.query("""
                SELECT a.name, s.locality, s.tasks, s.documents,
                       (SELECT string_agg(alias, '|' ORDER BY alias COLLATE "C") FROM agency_alias WHERE agency_id = a.id)
                FROM agency_place_stats s JOIN agency a ON a.id = s.agency_id
                WHERE s.documents > 0
                ORDER BY s.tasks DESC, a.name COLLATE "C", s.locality COLLATE "C"
                """, logger: log).decode((String, String, Int64, Int64, String?).self) {
                out.append(AgencyRow(agency: name, locality: locality.isEmpty ? nil : locality, tasks: Int(tasks), documents: Int(documents),
                                     aliases: aliases.map { $0.split(separator: "|").map(String.init) } ?? []))
            }
            return out
        }
    }

    /// As SQLite's: an id, a path, else a number or file name, ambiguous across identities.
    static func documentID(_ conn: PostgresConnection, _ ref: String, _ log: Logger, issuer: String? = nil) async throws -> Int64? {
        if let id = Int64(ref) {
            for try await found in try await conn.query("SELECT id FROM document WHERE id = \(id)", logger: log).decode(Int64.self) { return found }
        }
        for try await found in try await conn.query("""
            SELECT id FROM document WHERE path = \(ref) UNION ALL SELECT document_id FROM document_path WHERE path = \(ref) LIMIT 1
            """, logger: log).decode(Int64.self) { return found }
        let key = PreparedDocument.numberKey(ref), txt = ref + ".txt"
        var candidates: [IdentityCandidate] = []
        for try await r in try await conn.query("""
            SELECT id, number, number_key, issuer, issuer_key, locality, province, province_now, issued_date, name FROM document
            WHERE number_key = \(key) OR name = \(ref) OR name = \(txt) ORDER BY id
            """, logger: log).decode((Int64, String?, String?, String?, String?, String?, String?, String?, String?, String).self) {
            candidates.append(IdentityCandidate(id: r.0, number: r.1, numberKey: r.2, issuer: r.3, issuerKey: r.4, locality: r.5,
                                                province: r.6, provinceNow: r.7, issuedDate: r.8, name: r.9))
        }
        return try chooseIdentity(ref, candidates, issuer: issuer)
    }

    public func citations(_ q: CitationQuery) throws -> [CitationRow] {
        try run { conn, log in
            var documentID: Int64? = nil
            if let of = q.of {
                guard let id = try await Self.documentID(conn, of, log, issuer: q.cites == nil ? q.issuer : nil) else {
                    throw StoreError.unknownDocument(of)
                }
                documentID = id
            }
            let key = q.cites.map(PreparedDocument.numberKey)
            let wanted = q.cites != nil ? q.issuer : nil
            var out: [CitationRow] = []
            for try await (doc, kind, number, date, role, section, issuer, province, provinceNow) in try await conn.query("""
                SELECT coalesce(d.number, d.name), c.kind, c.number, c.date, c.role, c.section, c.issuer, d.province, d.province_now
                FROM citation c JOIN document d ON d.id = c.document_id
                WHERE (\(key)::text IS NULL OR c.number_key = \(key)) AND (\(documentID)::bigint IS NULL OR c.document_id = \(documentID))
                ORDER BY c.id
                """, logger: log).decode((String, String, String?, String?, String, String, String?, String?, String?).self) {
                if let wanted, !citedIssuerMatches(wanted, cited: issuer, citingProvince: province, citingProvinceNow: provinceNow) { continue }
                out.append(CitationRow(document: doc, kind: kind, number: number, date: date, role: role, section: section, issuer: issuer))
            }
            return out
        }
    }

    public func deadlines(_ q: DeadlineQuery) throws -> [DeadlineRow] {
        let (before, after) = try DeadlineRange.bounds(q)
        return try run { conn, log in
            var ids: [Int64]? = nil
            if let agency = q.agency {
                let found = try await Self.agencyIDs(conn, agency, log)
                if found.isEmpty { return [] }
                ids = found
            }
            let low = DeadlineRange.lowestStated(after), high = before.string
            let prov = q.place.province, lvl = q.place.level, anyPlace = !q.place.isEmpty
            var out = DeadlineRange(before: before, after: after)
            for try await (label, stated, recurrence, relation, section, quote, year, agencies) in try await conn.query("""
                SELECT dl.document_label, dl.date, dl.recurrence, dl.relation, dl.section, dl.quote, dl.document_year, dl.agencies
                FROM deadline dl
                WHERE ((dl.date COLLATE "C" >= '--' AND dl.date COLLATE "C" < '-.')
                       OR (dl.date COLLATE "C" >= \(low) AND dl.date COLLATE "C" <= \(high)))
                  AND (\(ids)::bigint[] IS NULL OR dl.id IN (SELECT deadline_id FROM deadline_agency WHERE agency_id = ANY(\(ids))))
                  AND (\(anyPlace) = false OR dl.document_id IN (SELECT id FROM document WHERE (\(prov)::text IS NULL OR province = \(prov) OR province_now = \(prov)) AND (\(lvl)::text IS NULL OR level = \(lvl))))
                ORDER BY dl.date COLLATE "C", dl.id
                """, logger: log).decode((String, String, String?, String?, String, String, Int32?, String).self) {
                out.add(document: label, stated: stated, recurrence: recurrence, relation: relation, section: section, quote: quote,
                        documentYear: year.map(Int.init), agencies: agencies)
            }
            return out.rows()
        }
    }

    public func targets(_ q: TargetQuery) throws -> [TargetRow] {
        try run { conn, log in
            let year = q.year.map(Int32.init)
            let indicator = q.indicator.map { "%" + Folding.words($0) + "%" }
            let unit = q.unit.map(Folding.key)
            var out: [TargetRow] = []
            for try await (doc, section, value, upper, unitText, comparator, y, ind) in try await conn.query("""
                SELECT coalesce(d.number, d.name), t.section, t.value, t.upper, t.unit, t.comparator, t.year, t.indicator
                FROM target t JOIN document d ON d.id = t.document_id
                WHERE (\(year)::int IS NULL OR t.year = \(year)) AND (\(indicator)::text IS NULL OR t.indicator_key LIKE \(indicator))
                  AND (\(unit)::text IS NULL OR t.unit_key = \(unit))
                ORDER BY t.id
                """, logger: log).decode((String, String, Double, Double?, String, String, Int32?, String).self) {
                out.append(TargetRow(document: doc, section: section, value: value, upper: upper, unit: unitText, comparator: comparator,
                                     year: y.map(Int.init), indicator: ind))
            }
            return out
        }
    }

    public func documents(_ q: DocumentQuery) throws -> [DocumentRow] {
        if let s = q.since, ISODate(s) == nil { throw StoreError.badDate(s) }
        return try run { conn, log in
            let type = q.type.map(Folding.key)
            let issuer = q.issuer.map { "%" + Folding.words($0) + "%" }
            let since = q.since.map { String($0.prefix(10)) }
            let afterDate = q.after?.issuedDate, afterName = q.after?.name, afterID = q.after?.id
            let limit: Int64 = q.limit.map { Int64(max(0, $0)) } ?? Int64.max
            var out: [DocumentRow] = []
            let prov = q.place.province, lvl = q.place.level
            for try await (id, name, dtype, number, issuerName, issued, title, level, locality) in try await conn.query("""
                SELECT id, name, document_type, number, issuer, issued_date, title, level, locality FROM document
                WHERE (\(type)::text IS NULL OR document_type_key = \(type))
                  AND (\(prov)::text IS NULL OR province = \(prov) OR province_now = \(prov)) AND (\(lvl)::text IS NULL OR level = \(lvl))

                  AND (\(issuer)::text IS NULL OR issuer_key LIKE \(issuer))
                  AND (\(since)::text IS NULL OR (CASE length(issued_date) WHEN 4 THEN issued_date || '-12-31'
                                                  WHEN 7 THEN issued_date || '-31' ELSE issued_date END) COLLATE "C" >= \(since))
                  AND (\(afterID)::bigint IS NULL
                       OR (coalesce(issued_date, '') COLLATE "C", name COLLATE "C", id) > (\(afterDate) COLLATE "C", \(afterName) COLLATE "C", \(afterID)))
                ORDER BY coalesce(issued_date, '') COLLATE "C", name COLLATE "C", id
                LIMIT \(limit)
                """, logger: log).decode((Int64, String, String?, String?, String?, String?, String?, String?, String?).self) {
                out.append(DocumentRow(id: id, name: name, type: dtype, number: number, issuer: issuerName, issuedDate: issued, title: title,
                                       level: level, locality: locality))
            }
            return out
        }
    }

    public func storedDocument(_ reference: String, issuer: String?) throws -> StoredDocumentRef? {
        try run { conn, log in
            guard let id = try await Self.documentID(conn, reference, log, issuer: issuer) else { return nil }
            for try await r in try await conn.query("""
                SELECT id, number, name, issuer, level, locality, province, province_now, issued_date FROM document WHERE id = \(id)
                """, logger: log).decode((Int64, String?, String, String?, String?, String?, String?, String?, String?).self) {
                return StoredDocumentRef(id: r.0, number: r.1, name: r.2, issuer: r.3, level: r.4, locality: r.5, province: r.6,
                                         provinceNow: r.7, issuedDate: r.8)
            }
            return nil
        }
    }

    public func citationLinks(_ number: String) throws -> [CitationLink] {
        try run { conn, log in
            let key = PreparedDocument.numberKey(number)
            var out: [CitationLink] = []
            for try await r in try await conn.query("""
                SELECT c.number, c.date, c.issuer, c.role, c.section,
                       d.id, d.number, d.name, d.issuer, d.level, d.locality, d.province, d.province_now, d.issued_date
                FROM citation c JOIN document d ON d.id = c.document_id WHERE c.number_key = \(key) ORDER BY c.id
                """, logger: log).decode((String?, String?, String?, String, String, Int64, String?, String, String?, String?, String?,
                                            String?, String?, String?).self) {
                let citer = StoredDocumentRef(id: r.5, number: r.6, name: r.7, issuer: r.8, level: r.9, locality: r.10, province: r.11,
                                              provinceNow: r.12, issuedDate: r.13)
                out.append(CitationLink(citer: citer, number: r.0, date: r.1, issuer: r.2, role: r.3, section: r.4))
            }
            return out
        }
    }

    public func document(_ reference: String, issuer: String?) throws -> Document? {
        let json: String? = try run { conn, log in
            guard let id = try await Self.documentID(conn, reference, log, issuer: issuer) else { return nil }
            for try await contract in try await conn.query("SELECT contract FROM document WHERE id = \(id)", logger: log).decode(String.self) {
                return contract
            }
            return nil
        }
        return try json.map { try ContractJSON.decodeDocument(Array($0.utf8)) }
    }

    /// As SQLite's: the most recently imported matching paragraphs (at most 5,000) ranked, the words as a phrase first.
    public func search(_ text: String, limit: Int = 20) throws -> [SearchHit] {
        let terms = Folding.words(text).split(separator: " ").map(String.init)
        guard !terms.isEmpty else { return [] }
        return try run { conn, log in
            var hits: [SearchHit] = []
            var seen = Set<Int64>()
            let queries = terms.count > 1 ? ["phraseto_tsquery", "plainto_tsquery"] : ["plainto_tsquery"]
            for function in queries where hits.count < limit {
                let sql = """
                    SELECT p.id, coalesce(d.number, d.name), p.section, p.text, f.rank
                    FROM (SELECT id, rank FROM (
                              SELECT id, ts_rank(to_tsvector('simple', vanban_fold(text)), q) AS rank
                              FROM paragraph, \(function)('simple', vanban_fold($1)) q
                              WHERE to_tsvector('simple', vanban_fold(text)) @@ q ORDER BY id DESC LIMIT 5000
                          ) c ORDER BY rank DESC, id LIMIT $2) f
                    JOIN paragraph p ON p.id = f.id JOIN document d ON d.id = p.document_id
                    ORDER BY f.rank DESC, p.id
                    """
                var binds = PostgresBindings()
                binds.append(text)
                binds.append(Int64(limit))
                for try await (id, doc, section, body, rank) in try await conn.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: log)
                    .decode((Int64, String, String, String, Float).self) where hits.count < limit && seen.insert(id).inserted {
                    hits.append(SearchHit(document: doc, section: section, score: Double(rank), snippet: Snippet.make(body, terms: terms)))
                }
            }
            return hits
        }
    }

    public func failures() throws -> [FailureRow] {
        try run { conn, log in
            var out: [FailureRow] = []
            for try await (path, reason, at) in try await conn.query("SELECT path, reason, failed_at FROM failure ORDER BY path COLLATE \"C\"", logger: log)
                .decode((String, String, String).self) { out.append(FailureRow(path: path, reason: reason, failedAt: at)) }
            return out
        }
    }

    public func exportDocuments(_ body: (Document) throws -> Void) throws {
        // Pages of 200, by sha256: memory stays flat whatever the index holds.
        var last = ""
        while true {
            let after = last
            let page: [(String, String)] = try run { conn, log in
                var rows: [(String, String)] = []
                for try await (sha, contract) in try await conn.query("""
                    SELECT sha256, contract FROM document WHERE sha256 COLLATE "C" > \(after) ORDER BY sha256 COLLATE "C", id LIMIT 200
                    """, logger: log).decode((String, String).self) { rows.append((sha, contract)) }
                return rows
            }
            if page.isEmpty { return }
            for (_, contract) in page { try body(try ContractJSON.decodeDocument(Array(contract.utf8))) }
            last = page.last!.0
        }
    }
}
