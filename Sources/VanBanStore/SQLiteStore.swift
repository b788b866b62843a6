import Foundation
import GRDB
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

    public init(path: String) throws {
        self.path = path
        var config = Configuration()
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            try db.execute(sql: "PRAGMA busy_timeout = 10000")
        }
        do {
            pool = try DatabasePool(path: path, configuration: config)
            try Self.migrator.migrate(pool)
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
        return m
    }

    // MARK: Writing

    public func storedSources() throws -> [String: String] {
        try pool.read { db in
            var out: [String: String] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT path, sha256 FROM document")
            while let r = try rows.next() { out[r[0]] = r[1] }
            return out
        }
    }

    public func write(_ batch: [IngestRecord]) throws {
        guard !batch.isEmpty else { return }
        let now = ISO8601DateFormatter().string(from: Date())
        try pool.write { db in
            var agencyIDs: [String: Int64] = [:]
            for record in batch {
                switch record {
                case let .failure(path, reason, sha):
                    try db.execute(sql: "INSERT OR REPLACE INTO failure (path, reason, sha256, failed_at) VALUES (?, ?, ?, ?)",
                                   arguments: [path, reason, sha, now])
                case let .document(path, doc, aliases):
                    try Writer(db: db, now: now).insert(doc, path: path, aliases: aliases, agencyIDs: &agencyIDs)
                }
            }
        }
    }

    // MARK: Queries

    public func tasks(_ q: TaskQuery) throws -> [TaskRow] {
        try pool.read { db in
            var sql = """
                SELECT coalesce(d.number, d.name), t.section, ta.role, a.name, t.text, t.deadline
                FROM task_agency ta
                JOIN task t ON t.id = ta.task_id
                JOIN document d ON d.id = t.document_id
                JOIN agency a ON a.id = ta.agency_id
                WHERE ta.role = ?
                """
            var args: StatementArguments = [q.role.rawValue]
            if let agency = q.agency {
                let ids = try agencyIDs(db, agency)
                if ids.isEmpty { return [] }
                sql += " AND ta.agency_id IN (\(ids.map { _ in "?" }.joined(separator: ",")))"
                args += StatementArguments(ids)
            }
            sql += " ORDER BY d.name, t.id"
            return try Row.fetchAll(db, sql: sql, arguments: args).map {
                TaskRow(document: $0[0], section: $0[1], role: $0[2], agency: $0[3], text: $0[4], deadline: $0[5])
            }
        }
    }

    /// Agencies whose canonical name or a recorded alias folds like the query (`Sở GDĐT`, `so giao duc va dao tao`).
    func agencyIDs(_ db: Database, _ agency: String) throws -> [Int64] {
        let keys = Array(Set([Folding.words(AgencyNormalizer.canonical(agency)), Folding.words(agency)]))
        let marks = keys.map { _ in "?" }.joined(separator: ",")
        return try Int64.fetchAll(db, sql: """
            SELECT id FROM agency WHERE key IN (\(marks))
            UNION SELECT agency_id FROM agency_alias WHERE key IN (\(marks))
            """, arguments: StatementArguments(keys + keys))
    }

    public func agencies() throws -> [AgencyRow] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT a.name,
                       count(DISTINCT CASE WHEN ta.role = 'lead' THEN ta.task_id END) AS tasks,
                       count(DISTINCT t.document_id) AS documents,
                       (SELECT group_concat(alias, '|') FROM (SELECT alias FROM agency_alias WHERE agency_id = a.id ORDER BY alias)) AS aliases
                FROM agency a
                JOIN task_agency ta ON ta.agency_id = a.id
                JOIN task t ON t.id = ta.task_id
                GROUP BY a.id
                ORDER BY tasks DESC, a.name
                """).map {
                let aliases: String? = $0[3]
                return AgencyRow(agency: $0[0], tasks: $0[1], documents: $0[2],
                                 aliases: aliases.map { $0.split(separator: "|").map(String.init) } ?? [])
            }
        }
    }

    public func citations(_ q: CitationQuery) throws -> [CitationRow] {
        try pool.read { db in
            var sql = """
                SELECT coalesce(d.number, d.name), c.kind, c.number, c.date, c.role, c.section, c.issuer
                FROM citation c JOIN document d ON d.id = c.document_id WHERE 1
                """
            var args: StatementArguments = []
            if let cites = q.cites { sql += " AND c.number_key = ?"; args += [Self.numberKey(cites)] }
            if let of = q.of {
                guard let id = try documentID(db, of) else { throw StoreError.unknownDocument(of) }
                sql += " AND c.document_id = ?"; args += [id]
            }
            sql += " ORDER BY d.name, c.id"
            return try Row.fetchAll(db, sql: sql, arguments: args).map {
                CitationRow(document: $0[0], kind: $0[1], number: $0[2], date: $0[3], role: $0[4], section: $0[5], issuer: $0[6])
            }
        }
    }

    public func deadlines(_ q: DeadlineQuery) throws -> [DeadlineRow] {
        guard let before = ISODate(q.before) else { throw StoreError.badDate(q.before) }
        let after = try q.after.map { s -> ISODate in guard let d = ISODate(s) else { throw StoreError.badDate(s) }; return d }
        return try pool.read { db in
            var sql = """
                SELECT dl.id, coalesce(d.number, d.name), dl.date, dl.recurrence, dl.relation, dl.section, dl.quote,
                       substr(d.issued_date, 1, 4),
                       (SELECT group_concat(a.name, '|') FROM deadline_agency da JOIN agency a ON a.id = da.agency_id WHERE da.deadline_id = dl.id)
                FROM deadline dl JOIN document d ON d.id = dl.document_id
                WHERE dl.date IS NOT NULL AND (dl.date LIKE '--%' OR (dl.date <= ? AND (dl.date || '-99') >= ?))
                """
            var args: StatementArguments = [before.string, after?.string ?? "0000"]
            if let agency = q.agency {
                let ids = try agencyIDs(db, agency)
                if ids.isEmpty { return [] }
                sql += " AND dl.id IN (SELECT deadline_id FROM deadline_agency WHERE agency_id IN (\(ids.map { _ in "?" }.joined(separator: ","))))"
                args += StatementArguments(ids)
            }
            var out: [DeadlineRow] = []
            for r in try Row.fetchAll(db, sql: sql, arguments: args) {
                let stated: String = r[2]
                let agencies = (r[8] as String?).map { $0.split(separator: "|").map(String.init).sorted() } ?? []
                func row(_ date: String) -> DeadlineRow {
                    DeadlineRow(document: r[1], date: date, stated: stated, recurrence: r[3], relation: r[4], section: r[5],
                                agencies: agencies, quote: r[6])
                }
                if stated.hasPrefix("--") {
                    // A day without a year: every year of the range from the plan's own year on.
                    let docYear = (r[7] as String?).flatMap { Int($0) }
                    let recurs = (r[3] as String?) != nil
                    let firstYear = after?.year ?? docYear ?? before.year
                    let years = recurs ? Array(max(firstYear, docYear ?? firstYear)...max(before.year, firstYear)) : (docYear.map { [$0] } ?? [])
                    for y in years {
                        let date = String(format: "%04d", y) + stated.dropFirst(1)
                        if date <= before.string && date >= (after?.string ?? "0000") { out.append(row(date)) }
                    }
                } else {
                    out.append(row(stated))
                }
            }
            return out.sorted { ($0.date, $0.document, $0.section) < ($1.date, $1.document, $1.section) }
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
            sql += " ORDER BY d.name, t.id"
            return try Row.fetchAll(db, sql: sql, arguments: args).map {
                TargetRow(document: $0[0], section: $0[1], value: $0[2], upper: $0[3], unit: $0[4], comparator: $0[5], year: $0[6], indicator: $0[7])
            }
        }
    }

    public func documents(_ q: DocumentQuery) throws -> [DocumentRow] {
        try pool.read { db in
            var sql = "SELECT id, name, document_type, number, issuer, issued_date, title FROM document WHERE 1"
            var args: StatementArguments = []
            if let t = q.type { sql += " AND document_type_key = ?"; args += [Folding.key(t)] }
            if let i = q.issuer { sql += " AND issuer_key LIKE ?"; args += ["%" + Folding.words(i) + "%"] }
            if let s = q.since {
                guard ISODate(s) != nil else { throw StoreError.badDate(s) }
                sql += " AND issued_date >= ?"; args += [String(s.prefix(10))]
            }
            sql += " ORDER BY issued_date, name"
            return try Row.fetchAll(db, sql: sql, arguments: args).map {
                DocumentRow(id: $0[0], name: $0[1], type: $0[2], number: $0[3], issuer: $0[4], issuedDate: $0[5], title: $0[6])
            }
        }
    }

    func documentID(_ db: Database, _ ref: String) throws -> Int64? {
        if let id = Int64(ref), try Bool.fetchOne(db, sql: "SELECT 1 FROM document WHERE id = ?", arguments: [id]) == true { return id }
        return try Int64.fetchOne(db, sql: """
            SELECT id FROM document WHERE number_key = ? OR name = ? OR path = ? OR name = ? ORDER BY id LIMIT 1
            """, arguments: [Self.numberKey(ref), ref, ref, ref + ".txt"])
    }

    public func document(_ reference: String) throws -> Document? {
        try pool.read { db in
            guard let id = try documentID(db, reference),
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
                    SELECT p.id, coalesce(d.number, d.name), p.section, p.text, bm25(paragraph_fts) AS rank
                    FROM paragraph_fts JOIN paragraph p ON p.id = paragraph_fts.rowid JOIN document d ON d.id = p.document_id
                    WHERE paragraph_fts MATCH ? ORDER BY rank, p.id LIMIT ?
                    """, arguments: [match, limit]) where hits.count < limit && seen.insert(r[0]).inserted {
                    hits.append(SearchHit(document: r[1], section: r[2], score: -(r[4] as Double), snippet: Snippet.make(r[3], terms: terms)))
                }
            }
            return hits
        }
    }

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

    /// `1373/QĐ-TTg`, `1373/qd-ttg`, `1373 / QĐ-TTg` → one key.
    static func numberKey(_ s: String) -> String {
        Folding.key(s).uppercased().filter { $0 != " " }
    }
}

/// `2024-12-31` → year and the string; partial dates (`2024-12`, `2024`) are accepted for ranges.
struct ISODate {
    let string: String
    let year: Int
    init?(_ s: String) {
        let parts = s.split(separator: "-")
        guard let y = parts.first.flatMap({ Int($0) }), parts[0].count == 4, parts.count <= 3,
              parts.dropFirst().allSatisfy({ $0.count == 2 && Int($0) != nil }) else { return nil }
        string = s; year = y
    }
}

/// A short extract of a paragraph around the first matched term, matches in [brackets].
enum Snippet {
    static func make(_ text: String, terms: [String], radius: Int = 12) -> String {
        let words = text.split(separator: " ")
        let keys = words.map { Folding.words(String($0)) }
        let termSet = Set(terms)
        let first = keys.firstIndex { k in k.split(separator: " ").contains { termSet.contains(String($0)) } } ?? 0
        let lo = max(0, first - radius), hi = min(words.count, first + radius + 1)
        var out: [String] = []
        for k in lo..<hi {
            let hit = keys[k].split(separator: " ").contains { termSet.contains(String($0)) }
            out.append(hit ? "[" + words[k] + "]" : String(words[k]))
        }
        return (lo > 0 ? "… " : "") + out.joined(separator: " ") + (hi < words.count ? " …" : "")
    }
}
