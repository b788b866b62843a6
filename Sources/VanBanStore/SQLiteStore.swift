import Foundation
import GRDB
import GRDBSQLite
import VanBanExtract
import VanBanJSON
import VanBanModel
import VanBanText

/// The embedded backend: one SQLite file in WAL mode, through GRDB.
///
/// Writes happen in batches, one transaction each, so that a process killed in
/// the middle of an import leaves every committed document whole and nothing
/// half-written. Search keys are folded (`Folding.words`) before they are
/// indexed, and queries are folded the same way.
public final class SQLiteStore: DocumentStore {
    let pool: DatabasePool
    public let path: String

    /// Opens the index at `path`. With `create` false (every reader: queries, search,
    /// export, serve) a path that holds no index throws `StoreError.noIndex` and
    /// nothing is created or changed; with `create` (ingest) the file is made.
    public init(path: String, create: Bool = true) throws {
        self.path = path
        if !create { try Self.requireIndex(at: path) }
        var config = Configuration()
        config.prepareDatabase { db in
            // WAL (DatabasePool) with NORMAL sync: a killed process loses nothing committed.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            try db.execute(sql: "PRAGMA cache_size = -65536")
            // Readers go through the page cache without a copy per page: large answers are read,
            // not computed. The writer does not: mapped pages it touches would count as its
            // resident memory during a bulk import.
            if db.configuration.readonly {
                try db.execute(sql: "PRAGMA mmap_size = 4294967296")
            }
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 16384")
            try db.execute(sql: "PRAGMA busy_timeout = 10000")
        }
        do {
            pool = try DatabasePool(path: path, configuration: config)
            try Self.migrator.migrate(pool)
        } catch let e as DatabaseError {
            throw StoreError.cannotOpen(path: path, reason: e.message ?? "\(e.resultCode)")
        }
    }

    /// Reads the jurisdiction of every stored document from its contract (migration v6).
    static func backfillJurisdictions(_ db: Database) throws {
        let rows = try Row.fetchAll(db, sql: "SELECT id, contract FROM document")
        let update = try db.makeStatement(sql: """
            UPDATE document SET level = ?, locality = ?, province = ?, province_now = ?, contract = ? WHERE id = ?
            """)
        for r in rows {
            guard let (j, contract) = placedContract(r[1]) else { continue }
            try update.execute(arguments: [j.level.rawValue, j.locality, j.province, j.currentProvince, contract, r[0] as Int64])
        }
    }

    /// Counts per agency identity for stored documents (migration v7).
    static func backfillAgencyPlaces(_ db: Database) throws {
        var counts = AgencyPlaceCounts()
        let rows = try Row.fetchCursor(db, sql: """
            SELECT ta.agency_id, a.key, d.province, d.locality, d.level, count(DISTINCT CASE WHEN ta.role = 'lead' THEN ta.task_id END)
            FROM task_agency ta JOIN task t ON t.id = ta.task_id JOIN agency a ON a.id = ta.agency_id JOIN document d ON d.id = t.document_id
            GROUP BY ta.agency_id, t.document_id
            """)
        while let r = try rows.next() {
            counts.add(agency: r[0], key: r[1], province: r[2], locality: r[3], level: r[4], led: r[5])
        }
        let insert = try db.makeStatement(sql: "INSERT INTO agency_place_stats (agency_id, locality, tasks, documents) VALUES (?, ?, ?, ?)")
        for c in counts.rows { try insert.execute(arguments: [c.agency, c.locality, c.tasks, c.documents]) }
    }

    /// Throws `noIndex` unless `path` is a SQLite file holding VanBan's tables; opens it read-only to look.
    static func requireIndex(at path: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw StoreError.noIndex(path)
        }
        var config = Configuration()
        config.readonly = true
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            defer { try? queue.close() }
            let tables = try queue.read { db in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('document', 'grdb_migrations')") ?? 0
            }
            if tables < 2 { throw StoreError.noIndex(path) }
        } catch let e as DatabaseError {
            throw StoreError.cannotOpen(path: path, reason: e.message ?? "\(e.resultCode)")
        }
    }

    /// Migrations are named and frozen once shipped; a change of schema is a new migration.
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.execute(sql: Schema.v1)
        }
        m.registerMigration("v2") { db in
            try db.execute(sql: Schema.v2)
        }
        m.registerMigration("v3") { db in
            try db.execute(sql: Schema.v3)
        }
        m.registerMigration("v4") { db in
            try db.execute(sql: Schema.v4)
        }
        m.registerMigration("v5") { db in
            try db.execute(sql: Schema.v5)
        }
        m.registerMigration("v6") { db in
            try db.execute(sql: Schema.v6)
            try backfillJurisdictions(db)
        }
        m.registerMigration("v7") { db in
            try db.execute(sql: Schema.v7)
            try backfillAgencyPlaces(db)
        }
        m.registerMigration("v8") { db in
            try db.execute(sql: Schema.v8)
        }
        return m
    }

    // MARK: Writing

    public func storedSources() throws -> [String: String] {
        try pool.read { db in
            var out: [String: String] = [:]
            let rows = try Row.fetchCursor(db, sql: """
                SELECT path, sha256, schema_version FROM document
                UNION ALL SELECT p.path, d.sha256, d.schema_version FROM document_path p JOIN document d ON d.id = p.document_id
                """)
            while let r = try rows.next() {
                let version: String = r[2]
                out[r[0]] = version == Document.currentSchemaVersion ? r[1] : StoredSource.outdated(r[1])
            }
            return out
        }
    }

    public func storedPath(sha256: String) throws -> String? {
        try pool.read { db in try String.fetchOne(db, sql: "SELECT path FROM document WHERE sha256 = ? ORDER BY id LIMIT 1", arguments: [sha256]) }
    }

    public func write(_ batch: [IngestRecord]) throws {
        guard !batch.isEmpty else { return }
        let now = ISO8601DateFormatter().string(from: Date())
        try pool.write { db in
            var agencyIDs: [String: Int64] = [:]
            var paragraphs: [ClosedRange<Int64>] = []
            for record in batch {
                switch record {
                case let .failure(path, reason, sha):
                    try db.execute(sql: "INSERT OR REPLACE INTO failure (path, reason, sha256, failed_at) VALUES (?, ?, ?, ?)",
                                   arguments: [path, reason, sha, now])
                case let .document(path, prepared):
                    guard let ids = try Writer(db: db, now: now).insert(prepared, path: path, agencyIDs: &agencyIDs) else { continue }
                    if let last = paragraphs.last, last.upperBound + 1 == ids.lowerBound {
                        paragraphs[paragraphs.count - 1] = last.lowerBound...ids.upperBound
                    } else {
                        paragraphs.append(ids)
                    }
                case .otherPath:
                    continue
                }
            }
            for case let .otherPath(path, sha) in batch {
                if try !Writer(db: db, now: now).keep(path: path, asAnotherPathOf: sha) {
                    try db.execute(sql: "INSERT OR REPLACE INTO failure (path, reason, sha256, failed_at) VALUES (?, ?, ?, ?)",
                                   arguments: [path, IngestRecord.orphanReason(sha), sha, now])
                }
            }
            // The batch's paragraphs enter the full-text index in one statement per run of ids,
            // in the same transaction: FTS5 takes rows in bulk far faster than one by one.
            for ids in paragraphs {
                try db.cachedStatement(sql: "INSERT INTO paragraph_fts(rowid, folded) SELECT id, folded FROM paragraph WHERE id BETWEEN ? AND ?")
                    .execute(arguments: [ids.lowerBound, ids.upperBound])
            }
        }
    }

    // MARK: Queries

    public func tasks(_ q: TaskQuery) throws -> [TaskRow] {
        try pool.read { db in
            var names: [Int64: String] = [:]
            var filter = "ta.role = ?"
            var args: StatementArguments = [q.role.rawValue]
            if let agency = q.agency {
                let ids = try agencyIDs(db, agency)
                if ids.isEmpty { return [] }
                filter += " AND ta.agency_id IN (\(ids.map { _ in "?" }.joined(separator: ",")))"
                args += StatementArguments(ids)
                for id in ids { names[id] = try String.fetchOne(db, sql: "SELECT name FROM agency WHERE id = ?", arguments: [id]) }
            } else {
                for r in try Row.fetchAll(db, sql: "SELECT id, name FROM agency") { names[r[0]] = r[1] }
            }
            if !q.place.isEmpty {
                let (condition, values) = q.place.sqliteDocumentCondition
                filter += " AND ta.task_id IN (SELECT t2.id FROM task t2 WHERE t2.document_id IN (SELECT id FROM document WHERE \(condition)))"
                args += StatementArguments(values)
            }
            // The size of a whole answer from the covering index alone, to size the buffers once
            // (a page is small: its limit will do).
            let expected = try q.limit.map { min($0, 4096) }
                ?? max(0, (Int.fetchOne(db, sql: "SELECT count(*) FROM task_agency ta WHERE \(filter)", arguments: args) ?? 0) - q.offset)
            // Import order (document, then task): follows the index, no sort of large results.
            var sql = """
                SELECT t.document_label, t.section, ta.agency_id, t.text, t.deadline
                FROM task_agency ta JOIN task t ON t.id = ta.task_id
                WHERE \(filter) ORDER BY ta.task_id
                """
            if q.limit != nil || q.offset > 0 {
                sql += " LIMIT ? OFFSET ?"
                args += [q.limit ?? -1, q.offset]
            }
            let role = q.role.rawValue
            // Task texts are most of an answer's bytes: copied out while stepping, made into
            // strings (and rows) on every core afterwards.
            var heads: [(document: String, section: String, agency: Int64, deadline: String?)] = []
            heads.reserveCapacity(expected)
            var texts = TextColumn()
            texts.reserve(rows: expected, bytesPerRow: 320)
            try Self.forEachRow(db, sql, args) { r in
                heads.append((r.text(0), r.text(1), r.int64(2), r.optionalText(4)))
                texts.append(r, 3)
            }
            return texts.map { i, text in
                let h = heads[i]
                return TaskRow(document: h.document, section: h.section, role: role, agency: names[h.agency] ?? "",
                               text: text, deadline: h.deadline)
            }
        }
    }

    /// Agencies whose canonical name or a recorded alias folds like the query (`Sở GDĐT`, `so giao duc va dao tao`).
    func agencyIDs(_ db: Database, _ agency: String) throws -> [Int64] {
        let keys = agencyQueryKeys(agency)
        let marks = keys.map { _ in "?" }.joined(separator: ",")
        return try Int64.fetchAll(db, sql: """
            SELECT id FROM agency WHERE key IN (\(marks))
            UNION SELECT agency_id FROM agency_alias WHERE key IN (\(marks))
            """, arguments: StatementArguments(keys + keys))
    }

    public func agencies() throws -> [AgencyRow] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT a.name, s.locality, s.tasks, s.documents,
                       (SELECT group_concat(alias, '|') FROM (SELECT alias FROM agency_alias WHERE agency_id = a.id ORDER BY alias)) AS aliases
                FROM agency_place_stats s JOIN agency a ON a.id = s.agency_id
                WHERE s.documents > 0
                ORDER BY s.tasks DESC, a.name, s.locality
                """).map {
                let aliases: String? = $0[4], locality: String = $0[1]
                return AgencyRow(agency: $0[0], locality: locality.isEmpty ? nil : locality, tasks: $0[2], documents: $0[3],
                                 aliases: aliases.map { $0.split(separator: "|").map(String.init) } ?? [])
            }
        }
    }

    public func citations(_ q: CitationQuery) throws -> [CitationRow] {
        try pool.read { db in
            var sql = """
                SELECT coalesce(d.number, d.name), c.kind, c.number, c.date, c.role, c.section, c.issuer, d.province, d.province_now
                FROM citation c JOIN document d ON d.id = c.document_id WHERE 1
                """
            var args: StatementArguments = []
            if let cites = q.cites { sql += " AND c.number_key = ?"; args += [Self.numberKey(cites)] }
            if let of = q.of {
                guard let id = try documentID(db, of, issuer: q.cites == nil ? q.issuer : nil) else { throw StoreError.unknownDocument(of) }
                sql += " AND c.document_id = ?"; args += [id]
            }
            sql += " ORDER BY c.id"
            let wanted = q.cites != nil ? q.issuer : nil
            return try Row.fetchAll(db, sql: sql, arguments: args).filter { r in
                guard let wanted else { return true }
                return citedIssuerMatches(wanted, cited: r[6], citingProvince: r[7], citingProvinceNow: r[8])
            }.map {
                CitationRow(document: $0[0], kind: $0[1], number: $0[2], date: $0[3], role: $0[4], section: $0[5], issuer: $0[6])
            }
        }
    }

    public func deadlines(_ q: DeadlineQuery) throws -> [DeadlineRow] {
        let (before, after) = try DeadlineRange.bounds(q)
        return try pool.read { db in
            // Two index ranges on `date`: days without a year (`--12-15`), and dated deadlines in range.
            var sql = """
                SELECT dl.id, dl.document_label, dl.date, dl.recurrence, dl.relation, dl.section, dl.quote,
                       dl.document_year, dl.agencies
                FROM deadline dl
                WHERE ((dl.date >= '--' AND dl.date < '-.') OR (dl.date >= ? AND dl.date <= ?))
                """
            var args: StatementArguments = [DeadlineRange.lowestStated(after), before.string]
            if let agency = q.agency {
                let ids = try agencyIDs(db, agency)
                if ids.isEmpty { return [] }
                sql += " AND dl.id IN (SELECT deadline_id FROM deadline_agency WHERE agency_id IN (\(ids.map { _ in "?" }.joined(separator: ","))))"
                args += StatementArguments(ids)
            }
            if !q.place.isEmpty {
                let (condition, values) = q.place.sqliteDocumentCondition
                sql += " AND dl.document_id IN (SELECT id FROM document WHERE \(condition))"
                args += StatementArguments(values)
            }
            var out = DeadlineRange(before: before, after: after)
            try Self.forEachRow(db, sql, args) { r in
                out.add(document: r.text(1), stated: r.text(2), recurrence: r.optionalText(3), relation: r.optionalText(4),
                        section: r.text(5), quote: r.text(6), documentYear: r.optionalInt(7), agencies: r.text(8))
            }
            return out.rows()
        }
    }

    public func targets(_ q: TargetQuery) throws -> [TargetRow] {
        try pool.read { db in
            var sql = """
                SELECT coalesce(d.number, d.name), t.section, t.value, t.upper, t.unit, t.comparator, t.year, t.indicator
                FROM target t JOIN document d ON d.id = t.document_id WHERE 1
                """
            var args: StatementArguments = []
            if let y = q.year { sql += " AND t.year = ?"; args += [y] }
            if let i = q.indicator { sql += " AND t.indicator_key LIKE ?"; args += ["%" + Folding.words(i) + "%"] }
            if let u = q.unit { sql += " AND t.unit_key = ?"; args += [Folding.key(u)] }
            sql += " ORDER BY t.id"
            return try Self.rows(db, sql, args) { r in
                TargetRow(document: r.text(0), section: r.text(1), value: r.double(2), upper: r.optionalDouble(3), unit: r.text(4),
                          comparator: r.text(5), year: r.optionalInt(6), indicator: r.text(7))
            }
        }
    }

    public func documents(_ q: DocumentQuery) throws -> [DocumentRow] {
        try pool.read { db in
            var sql = "SELECT id, name, document_type, number, issuer, issued_date, title, level, locality FROM document WHERE 1"
            var args: StatementArguments = []
            if !q.place.isEmpty {
                let (condition, values) = q.place.sqliteDocumentCondition
                sql += " AND " + condition; args += StatementArguments(values)
            }
            if let t = q.type { sql += " AND document_type_key = ?"; args += [Folding.key(t)] }
            if let i = q.issuer { sql += " AND issuer_key LIKE ?"; args += ["%" + Folding.words(i) + "%"] }
            if let s = q.since {
                guard ISODate(s) != nil else { throw StoreError.badDate(s) }
                // A partial date (`2024`, `2024-03`) counts as its last day: a plan of 2024 is "since 2024-06-01".
                sql += " AND (CASE length(issued_date) WHEN 4 THEN issued_date || '-12-31' WHEN 7 THEN issued_date || '-31' ELSE issued_date END) >= ?"
                args += [String(s.prefix(10))]
            }
            if let c = q.after {
                sql += " AND (coalesce(issued_date, ''), name, id) > (?, ?, ?)"
                args += [c.issuedDate, c.name, c.id]
            }
            sql += " ORDER BY coalesce(issued_date, ''), name, id"
            if let limit = q.limit { sql += " LIMIT ?"; args += [max(0, limit)] }
            return try Row.fetchAll(db, sql: sql, arguments: args).map {
                DocumentRow(id: $0[0], name: $0[1], type: $0[2], number: $0[3], issuer: $0[4], issuedDate: $0[5], title: $0[6],
                            level: $0[7], locality: $0[8])
            }
        }
    }

    func documentID(_ db: Database, _ ref: String, issuer: String? = nil) throws -> Int64? {
        if let id = Int64(ref), try Bool.fetchOne(db, sql: "SELECT 1 FROM document WHERE id = ?", arguments: [id]) == true { return id }
        // A path names one document.
        if let id = try Int64.fetchOne(db, sql: """
            SELECT id FROM document WHERE path = ? UNION ALL SELECT document_id FROM document_path WHERE path = ? LIMIT 1
            """, arguments: [ref, ref]) { return id }
        let candidates = try Row.fetchAll(db, sql: """
            SELECT id, number, number_key, issuer, issuer_key, locality, province, province_now, issued_date, name FROM document
            WHERE number_key = ? OR name = ? OR name = ? ORDER BY id
            """, arguments: [Self.numberKey(ref), ref, ref + ".txt"]).map {
            IdentityCandidate(id: $0[0], number: $0[1], numberKey: $0[2], issuer: $0[3], issuerKey: $0[4], locality: $0[5],
                              province: $0[6], provinceNow: $0[7], issuedDate: $0[8], name: $0[9])
        }
        return try chooseIdentity(ref, candidates, issuer: issuer)
    }

    public func storedDocument(_ reference: String, issuer: String?) throws -> StoredDocumentRef? {
        try pool.read { db in
            guard let id = try documentID(db, reference, issuer: issuer) else { return nil }
            return try Row.fetchOne(db, sql: "SELECT \(Self.refColumns) FROM document WHERE id = ?", arguments: [id]).map { Self.ref($0, 0) }
        }
    }

    static let refColumns = "id, number, name, issuer, level, locality, province, province_now, issued_date"
    static func ref(_ r: Row, _ k: Int) -> StoredDocumentRef {
        StoredDocumentRef(id: r[k], number: r[k + 1], name: r[k + 2], issuer: r[k + 3], level: r[k + 4], locality: r[k + 5],
                          province: r[k + 6], provinceNow: r[k + 7], issuedDate: r[k + 8])
    }

    public func citationLinks(_ number: String) throws -> [CitationLink] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT c.number, c.date, c.issuer, c.role, c.section, \(Self.refColumns.split(separator: ",").map { "d." + $0.trimmingCharacters(in: .whitespaces) }.joined(separator: ", "))
                FROM citation c JOIN document d ON d.id = c.document_id WHERE c.number_key = ? ORDER BY c.id
                """, arguments: [Self.numberKey(number)]).map {
                CitationLink(citer: Self.ref($0, 5), number: $0[0], date: $0[1], issuer: $0[2], role: $0[3], section: $0[4])
            }
        }
    }

    public func document(_ reference: String, issuer: String?) throws -> Document? {
        try pool.read { db in
            guard let id = try documentID(db, reference, issuer: issuer),
                  let json = try String.fetchOne(db, sql: "SELECT contract FROM document WHERE id = ?", arguments: [id]) else { return nil }
            return try ContractJSON.decodeDocument(Array(json.utf8))
        }
    }

    public func search(_ text: String, limit: Int = 20) throws -> [SearchHit] {
        let terms = Folding.words(text).split(separator: " ").map(String.init)
        guard !terms.isEmpty else { return [] }
        // The words as a phrase first, then every word anywhere; each quoted so that FTS5 syntax is literal.
        let phrase = "\"" + terms.joined(separator: " ") + "\""
        let all = terms.map { "\"" + $0 + "\"" }.joined(separator: " ")
        return try pool.read { db in
            var hits: [SearchHit] = []
            var seen = Set<Int64>()
            for match in terms.count > 1 ? [phrase, all] : [all] where hits.count < limit {
                for r in try Row.fetchAll(db, sql: """
                    SELECT p.id, coalesce(d.number, d.name), p.section, p.text, f.rank
                    FROM (SELECT rowid, rank FROM (
                              SELECT rowid, rank FROM paragraph_fts WHERE paragraph_fts MATCH ? ORDER BY rowid DESC LIMIT \(Self.searchCandidates)
                          ) ORDER BY rank LIMIT ?) f
                    JOIN paragraph p ON p.id = f.rowid JOIN document d ON d.id = p.document_id
                    ORDER BY f.rank, p.id
                    """, arguments: [match, limit]) where hits.count < limit && seen.insert(r[0]).inserted {
                    hits.append(SearchHit(document: r[1], section: r[2], score: -(r[4] as Double), snippet: Snippet.make(r[3], terms: terms)))
                }
            }
            return hits
        }
    }

    /// Search ranks (bm25) the most recently imported matching paragraphs, at most this many:
    /// it bounds the work for words found in nearly every plan.
    static let searchCandidates = 5000

    public func failures() throws -> [FailureRow] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT path, reason, failed_at FROM failure ORDER BY path").map {
                FailureRow(path: $0[0], reason: $0[1], failedAt: $0[2])
            }
        }
    }

    public func exportDocuments(_ body: (Document) throws -> Void) throws {
        try pool.read { db in
            let rows = try String.fetchCursor(db, sql: "SELECT contract FROM document ORDER BY sha256, path")
            while let json = try rows.next() { try body(try ContractJSON.decodeDocument(Array(json.utf8))) }
        }
    }

    static func numberKey(_ s: String) -> String { PreparedDocument.numberKey(s) }

    /// Calls `body` for each result row of a raw statement.
    static func forEachRow(_ db: Database, _ sql: String, _ args: StatementArguments, _ body: (RawRow) -> Void) throws {
        let statement = try db.makeStatement(sql: sql)
        try statement.setArguments(args)
        let s = statement.sqliteStatement
        defer { sqlite3_reset(s) }
        while true {
            let rc = sqlite3_step(s)
            if rc == SQLITE_DONE { break }
            guard rc == SQLITE_ROW else { throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: String(cString: sqlite3_errmsg(db.sqliteConnection))) }
            body(RawRow(statement: s))
        }
    }

    /// Large result sets read straight from the SQLite statement (no intermediate `Row` per result).
    static func rows<T>(_ db: Database, _ sql: String, _ args: StatementArguments, _ make: (RawRow) -> T) throws -> [T] {
        var out: [T] = []
        try forEachRow(db, sql, args) { out.append(make($0)) }
        return out
    }
}

/// One text column of a large answer, its bytes copied out of SQLite while the rows
/// are stepped (a copy costs little; making a `String` validates every byte), then
/// turned into strings on all cores.
struct TextColumn {
    private var bytes: [UInt8] = []
    private var ends: [Int] = []

    /// Room for `rows` values of about `bytesPerRow` bytes, so that the copy never regrows.
    mutating func reserve(rows: Int, bytesPerRow: Int) {
        ends.reserveCapacity(rows)
        bytes.reserveCapacity(rows * bytesPerRow)
    }

    mutating func append(_ row: RawRow, _ column: Int32) {
        if let p = sqlite3_column_text(row.statement, column) {
            bytes.append(contentsOf: UnsafeBufferPointer(start: p, count: Int(sqlite3_column_bytes(row.statement, column))))
        }
        ends.append(bytes.count)
    }

    /// The answer's values, `make(i, text)` for each row `i`, built on all cores when
    /// there are many. `make` must only read shared state.
    func map<T>(_ make: (Int, String) -> T) -> [T] {
        let count = ends.count
        // More chunks than cores: a core that starts late still finds work left.
        let chunks = count < 4096 ? 1 : 4 * ProcessInfo.processInfo.activeProcessorCount
        return bytes.withUnsafeBufferPointer { src in
            ends.withUnsafeBufferPointer { ends in
                withoutActuallyEscaping(make) { make in
                    [T](unsafeUninitializedCapacity: count) { out, initialized in
                        // Each chunk writes its own slots of `out`: no sharing between chunks.
                        let shared = Chunks(src: src, ends: ends, out: out, make: make)
                        DispatchQueue.concurrentPerform(iterations: chunks) { c in
                            shared.build(count * c / chunks..<count * (c + 1) / chunks)
                        }
                        initialized = count
                    }
                }
            }
        }
    }

    private struct Chunks<T>: @unchecked Sendable {
        let src: UnsafeBufferPointer<UInt8>
        let ends: UnsafeBufferPointer<Int>
        let out: UnsafeMutableBufferPointer<T>
        let make: (Int, String) -> T
        func build(_ range: Range<Int>) {
            for i in range {
                let start = i == 0 ? 0 : ends[i - 1]
                let text = String(decoding: UnsafeBufferPointer(rebasing: src[start..<ends[i]]), as: UTF8.self)
                (out.baseAddress! + i).initialize(to: make(i, text))
            }
        }
    }
}

/// One result row of a raw SQLite statement.
struct RawRow {
    let statement: SQLiteStatement
    func text(_ i: Int32) -> String {
        guard let p = sqlite3_column_text(statement, i) else { return "" }
        return String(decoding: UnsafeBufferPointer(start: p, count: Int(sqlite3_column_bytes(statement, i))), as: UTF8.self)
    }
    func optionalText(_ i: Int32) -> String? { sqlite3_column_type(statement, i) == SQLITE_NULL ? nil : text(i) }
    func double(_ i: Int32) -> Double { sqlite3_column_double(statement, i) }
    func int64(_ i: Int32) -> Int64 { sqlite3_column_int64(statement, i) }
    func optionalDouble(_ i: Int32) -> Double? { sqlite3_column_type(statement, i) == SQLITE_NULL ? nil : double(i) }
    func optionalInt(_ i: Int32) -> Int? { sqlite3_column_type(statement, i) == SQLITE_NULL ? nil : Int(sqlite3_column_int64(statement, i)) }
}
